import Foundation
import Testing
@testable import Shell

@Suite struct HistoryFileTests {
    private func withFolder(_ body: (String) throws -> Void) rethrows {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("state/yotq/history").path)
    }

    @Test func entriesSurviveReopeningTheFile() throws {
        try withFolder { (path: String) throws in
            var history = HistoryFile(path: path)
            try history.append("SELECT 1;")
            try history.append(".tables")
            #expect(HistoryFile(path: path).entries == ["SELECT 1;", ".tables"])
        }
    }

    @Test func aMultiLineStatementIsOneEntryThatReadsBackExactly() throws {
        try withFolder { (path: String) throws in
            var history = HistoryFile(path: path)
            let statement = "SELECT 'a\\nb',\n  x -- back\\slash\n\nFROM t;"
            try history.append(statement)
            try history.append("SELECT 2;")
            let reopened = HistoryFile(path: path)
            #expect(reopened.entries == [statement, "SELECT 2;"])
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 2)
        }
    }

    @Test func consecutiveDuplicatesAndBlankEntriesAreSkipped() throws {
        try withFolder { (path: String) throws in
            var history = HistoryFile(path: path)
            #expect(try history.append("SELECT 1;"))
            #expect(try !history.append("SELECT 1;"))
            #expect(try !history.append("  SELECT 1;\n"))
            #expect(try !history.append("   "))
            #expect(try history.append("SELECT 2;"))
            #expect(try history.append("SELECT 1;"))
            #expect(HistoryFile(path: path).entries == ["SELECT 1;", "SELECT 2;", "SELECT 1;"])
        }
    }

    @Test func theNewestEntriesUpToTheCapAreKept() throws {
        try withFolder { (path: String) throws in
            var history = HistoryFile(path: path, capacity: 10)
            for number in 1...25 { try history.append("SELECT \(number);") }
            let expected = (16...25).map { "SELECT \($0);" }
            #expect(history.entries == expected)
            #expect(HistoryFile(path: path, capacity: 10).entries == expected)
            // The file itself is compacted, never more than a tenth over the cap.
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count <= 11)
        }
    }

    @Test func reopeningAnOversizedFileCompactsIt() throws {
        try withFolder { (path: String) throws in
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try (1...30).map { "SELECT \($0);\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
            let history = HistoryFile(path: path, capacity: 5)
            #expect(history.entries.first == "SELECT 26;")
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 5)
        }
    }

    @Test(arguments: [
        "plain", "two\nlines", "a \\ backslash", "\\n literally", "ends with \\", "crlf\r\nline", "tab\there",
    ])
    func theLineFormatRoundTrips(_ entry: String) {
        let line = HistoryFile.encode(entry)
        #expect(!line.contains("\n"))
        #expect(HistoryFile.decode(line) == entry)
    }

    /// Issue 13: `XDG_STATE_HOME` naming a file printed a raw NSError; now one line names the file.
    @Test func aStateHomeThatIsAFileGivesAOneLineReason() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        let path = HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": file])
        var history = HistoryFile(path: path)
        do {
            try history.append("SELECT 1;")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "cannot save history to \(path): \(file) is a file, not a folder")
        }
    }

    @Test func theLocationFollowsXDGStateHome() {
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"])
                == "/x/state/yotq/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/state/yotq/history")
        // A relative XDG_STATE_HOME is invalid by the spec and ignored.
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/u"])
                == "/home/u/.local/state/yotq/history")
    }
}
