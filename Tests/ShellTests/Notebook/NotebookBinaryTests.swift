import Foundation
import TestSupport
import Testing

/// `yotq notebook` through the built binary: its own `--data` after the subcommand, `--param`, and the
/// exit statuses scripts see. The binary is the one built beside the test bundle: a missing one fails the
/// tests, never skips them.
@Suite
struct NotebookBinaryTests {
    func run(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.yotq())
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func notebookWithItsOwnDataFolderAndAParameter() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try NotebookTesting.write("team,points\nRed,3\nBlue,5\n", "league.csv", in: data)
        let notebook = try NotebookTesting.write(
            "# League\n\n```sql\nSELECT points FROM league WHERE team = {{team|sql}};\n```\n", "league.md", in: folder)
        let output = folder.appendingPathComponent("league.html").path

        let ran = try run(["notebook", notebook, "--data", data.path, "--param", "team=Blue", "-o", output])
        #expect(ran.status == 0)
        #expect(ran.errors.isEmpty)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("<td class=\"num\">5</td>"))

        let markdown = try run(["notebook", "--to", "md", "--param", "team=Red", "--data", data.path, notebook])
        #expect(markdown.status == 0)
        let text = try String(contentsOfFile: folder.appendingPathComponent("league.out.md").path, encoding: .utf8)
        #expect(text.hasSuffix("| points |\n| -----: |\n|      3 |\n"))
    }

    /// `-o -` writes the document to standard output, and nothing else goes there.
    @Test func dashOWritesTheDocumentToStandardOutput() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = try NotebookTesting.write("# Piped\n\n```sql\nSELECT 7 AS seven;\n```\n", "piped.md", in: folder)
        for (arguments, expected) in [
            (["--no-data", "-o", "-"], "<!DOCTYPE html>"), (["--no-data", "-o", "-", "--to", "md"], "# Piped"),
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try BuiltProducts.yotq())
            process.arguments = ["notebook", notebook] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(text.hasPrefix(expected))
            #expect(text.contains("7"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["piped.md"])
    }

    @Test func exitStatusesForScripts() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let failing = try NotebookTesting.write("```sql\nSELECT * FROM nope;\n```\n", "failing.md", in: folder)
        let failed = try run(["notebook", failing, "--no-data"])
        #expect(failed.status == 1)
        #expect(failed.errors.hasPrefix(failing + ":2:15: error: Table with name nope does not exist"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("failing.html").path))
        #expect(try run(["notebook", failing, "--no-data", "--keep-going"]).status == 0)

        let parameterised = try NotebookTesting.write("Hello {{who}}.\n", "hello.md", in: folder)
        let missing = try run(["notebook", parameterised, "--no-data"])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("parameter 'who' has no value (used as {{who}} on line 1)"))
        #expect(try run(["notebook", parameterised, "--no-data", "--to", "pdf"]).status == 2)
        #expect(try run(["notebook", folder.appendingPathComponent("absent.md").path]).status == 2)
        #expect(try run(["notebook", parameterised, "--data", folder.path, "--no-data"]).status == 2)
    }
}
