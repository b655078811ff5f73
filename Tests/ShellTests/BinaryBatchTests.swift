import Foundation
import TestSupport
import Testing

/// The built `yotq` binary in batch mode, as scripts and CI run it: exit statuses, streams, stdin. The binary
/// is the one built beside the test bundle: a missing one fails the tests, never skips them.
@Suite
struct BinaryBatchTests {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    func run(_ arguments: [String], input: String? = nil, binary: String? = nil, in folder: URL? = nil)
        throws -> Outcome
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary ?? BuiltProducts.yotq())
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    @Test func versionPrintsAndExitsZero() throws {
        let outcome = try run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.output.first?.isNumber == true && outcome.output.contains("."))
    }

    @Test func successPrintsTheResultAndExitsZero() throws {
        let outcome = try run(["--no-data", "--mode", "csv", "-c", "SELECT 7 / 2 AS half, 7 // 2 AS whole"])
        #expect(outcome.status == 0)
        #expect(outcome.output == "half,whole\n3.5,3\n")
        #expect(outcome.errors.isEmpty)
    }

    @Test func aFailedStatementExitsOneWithACaretAndTheRestStillRun() throws {
        let outcome = try run(["--no-data", "--mode", "csv", "-c", "SELECT * FROM nope", "-c", "SELECT 1 AS a"])
        #expect(outcome.status == 1)
        #expect(outcome.output == "a\n1\n")
        #expect(outcome.errors.hasPrefix("-c:1:15: error: Table with name nope does not exist"))
        #expect(outcome.errors.contains("\n  SELECT * FROM nope\n                ^~~~\n"))
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let outcome = try run([
            "--no-data", "--bail", "--mode", "csv", "-c", "SELECT * FROM nope", "-c", "SELECT 1 AS a",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.output.isEmpty)
    }

    @Test(arguments: [["--mode", "nonsense"], ["--no-such-flag"], ["--data", "x", "--no-data"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let outcome = try run(arguments + ["-c", "SELECT 1"])
        #expect(outcome.status == 2)
        #expect(!outcome.errors.isEmpty)
        #expect(outcome.output.isEmpty)
    }

    @Test func statementsComeFromStandardInputWhenItIsNotATerminal() throws {
        let outcome = try run(
            ["--no-data", "--mode", "csv"], input: "SELECT 'piped' AS source;\nSELECT x FROM nope;\n")
        #expect(outcome.status == 1)
        #expect(outcome.output == "source\npiped\n")
        #expect(outcome.errors.hasPrefix("stdin:2:15: error: "))
    }

    @Test func generateWritesASyntheticDatasetThatLoads() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try run(["generate", "--out", folder.path, "--rounds", "1", "--seed", "3"])
        #expect(generated.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            files == [
                "README.md", "areas.csv", "inspections.csv", "judgements.csv", "question_themes.csv", "questions.csv",
            ])
        let counted = try run(["--data", folder.path, "--mode", "csv", "-c", "SELECT count(*) AS areas FROM areas"])
        #expect(counted.status == 0)
        #expect(counted.output == "areas\n158\n")
    }

    @Test func aBinaryFarFromTheBundledDataSaysSoAndStillRuns() throws {
        // A copy of the binary in a folder with no Datasets/ above it, run from there.
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("yotq").path
        try FileManager.default.copyItem(atPath: try BuiltProducts.yotq(), toPath: copy)
        let outcome = try run(["-c", "SELECT 41 + 1 AS answer", "--mode", "csv"], binary: copy, in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.output == "answer\n42\n")
        #expect(outcome.errors.hasPrefix("warning: the bundled Datasets/ folder was not found"))
    }
}
