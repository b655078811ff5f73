import FileOutput
import Foundation
import TestSupport
import Testing
@testable import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary in a pseudo-terminal: what an analyst at a terminal actually gets. The binary is the one
/// built beside the test bundle: a missing one fails the tests, never skips them.
@Suite(.serialized)
struct TerminalSessionTests {
    /// A fresh state folder (history) per test; no ~/.inputrc, no colour.
    private func environment(state: URL) -> [String: String] {
        [
            "TERM": "xterm", "HOME": state.path, "XDG_STATE_HOME": state.path, "INPUTRC": "/dev/null", "NO_COLOR": "1",
            "PATH": "/usr/bin:/bin",
        ]
    }

    private func start(
        _ state: URL, data: Bool = false, inputrc: String? = nil, rows: UInt16 = 40, columns: UInt16 = 120
    ) throws -> TerminalProcess {
        let arguments = data ? ["--data", PackageRoot.path("Datasets")] : ["--no-data"]
        var environment = environment(state: state)
        if let inputrc { environment["INPUTRC"] = inputrc }
        let shell = try TerminalProcess(arguments: arguments, environment: environment, rows: rows, columns: columns)
        try #require(shell.waitFor("yotq> "), "no prompt: \(shell.text)")
        return shell
    }

    private func historyEntries(_ state: URL) -> [String] {
        HistoryFile(path: state.appendingPathComponent("yotq/history").path).entries
    }

    @Test func aMultiLineQueryRunsAndTabCompletesAColumnName() throws {
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let shell = try start(state, data: true)
        var mark = shell.output.count
        shell.type("SELECT 40 +\r")
        #expect(shell.waitFor("   ...> ", after: mark))
        shell.type("  2 AS answer;\r")
        #expect(shell.waitFor("42", after: mark))
        #expect(shell.waitFor("yotq> ", after: mark + 1))

        mark = shell.output.count
        shell.type("SELECT count(DISTINCT regi")
        shell.settle(milliseconds: 100)
        shell.type("\t")
        #expect(shell.waitFor("region", after: mark), "Tab did not complete: \(shell.text)")
        shell.type(") AS regions FROM areas;\r")
        #expect(shell.waitForPrompt(after: "1 row", from: mark), "\(shell.text)")
        shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)
        #expect(
            historyEntries(state) == [
                "SELECT 40 +\n  2 AS answer;", "SELECT count(DISTINCT region ) AS regions FROM areas;",
            ])
    }

    /// At 80×24, `compare Harrow;` shows the verb's terminal columns whole (area, measure, score, band,
    /// rank, …) and says which columns it left out and how to see them.
    @Test func aVerbFitsAnEightyColumnTerminal() throws {
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let shell = try start(state, data: true, rows: 24, columns: 80)
        let mark = shell.output.count
        shell.type("compare Harrow;\r")
        #expect(shell.waitForPrompt(after: "SELECT * FROM compare(...)", from: mark), "\(shell.text)")
        let screen = shell.text
        for header in ["area", "measure", "score", "band", "rank"] {
            #expect(screen.contains(" " + header + " "), "\(header)")
        }
        for cell in ["Harrow", "safeguarding", "SUBSTANTIAL", "DRASTIC", "risk_of_harm"] {
            #expect(screen.contains(cell), "\(cell)")
        }
        #expect(screen.contains("not shown: "))
        // No line of the grid is wider than the terminal.
        let widest =
            screen.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") }.map(\.count).max() ?? 0
        #expect(widest <= 80, "\(screen)")
        shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)
    }

    @Test func historySurvivesANormalExitAndAKill9() throws {
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        do {
            let shell = try start(state)
            shell.type("SELECT 'first' AS word;\r")
            #expect(shell.waitForPrompt(after: "1 row", from: 40))
            shell.type("\u{04}")
            #expect(shell.waitForExit() == 0)
        }
        do {
            // Up recalls the last session's statement, which runs again.
            let shell = try start(state)
            let mark = shell.output.count
            shell.type("\u{1B}[A")
            #expect(shell.waitFor("SELECT 'first' AS word;", after: mark))
            shell.type("\r")
            #expect(shell.waitFor("│ first", after: mark))
            shell.type("SELECT 'killed'\r   AS word;\r")
            #expect(shell.waitFor("│ killed", after: mark))
            shell.killHard()
        }
        #expect(historyEntries(state) == ["SELECT 'first' AS word;", "SELECT 'killed'\n   AS word;"])
        do {
            let shell = try start(state)
            let mark = shell.output.count
            shell.type(".history\r")
            #expect(shell.waitForPrompt(after: "2  SELECT 'killed'", from: mark))
            shell.type("\u{04}")
            #expect(shell.waitForExit() == 0)
        }
    }

    /// A statement that runs for many seconds: a correlated subquery over 100,000 rows built by cross joins.
    static let longQuery = """
        WITH v(x) AS (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)), \
        big AS (SELECT a.x*10000 + b.x*1000 + c.x*100 + d.x*10 + e.x AS k FROM v a, v b, v c, v d, v e) \
        SELECT count(*) FROM big WHERE (SELECT count(*) FROM v w WHERE w.x = big.k % 10) > 0;
        """

    @Test func controlCCancelsARunningQueryAndTheShellAnswersTheNextOne() throws {
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let shell = try start(state)
        shell.type("CREATE TABLE kept AS SELECT 7 AS n;\r.mode csv\r")
        shell.settle(milliseconds: 300)
        var mark = shell.output.count
        shell.type(Self.longQuery + "\r")
        shell.settle(milliseconds: 700)
        #expect(!shell.text.contains("count_star"), "the query finished before Ctrl-C: make it longer")
        let pressed = ContinuousClock.now
        shell.type("\u{03}")
        #expect(shell.waitFor("Interrupted", after: mark, timeout: .seconds(5)), "\(shell.text)")
        let latency = ContinuousClock.now - pressed
        #expect(latency < .seconds(1), "Ctrl-C took \(latency)")
        mark = shell.output.count
        shell.type("SELECT n + 35 AS answer FROM kept;\r")
        #expect(shell.waitForPrompt(after: "42", from: mark), "no answer after Ctrl-C: \(shell.text)")
        // The mode set before Ctrl-C still holds (CSV: no box lines).
        #expect(!shell.text[shell.text.index(shell.text.startIndex, offsetBy: 0)...].suffix(40).contains("│"))
        shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)
    }

    @Test func controlCWhileTypingDropsTheStatementAndPromptsAfresh() throws {
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let shell = try start(state)
        let mark = shell.output.count
        shell.type("SELECT 1 +\r")
        #expect(shell.waitFor("   ...> ", after: mark))
        shell.type("  2 AS half_typed")
        shell.settle(milliseconds: 100)
        shell.type("\u{03}")
        #expect(shell.waitFor("^C", after: mark))
        shell.type("SELECT 5 AS five;\r")
        #expect(shell.waitFor("five", after: mark))
        #expect(shell.waitForPrompt(after: "1 row", from: mark))
        #expect(!shell.text.contains("error"))
        #expect(!shell.text.contains("half_typed │"))
        shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)
        #expect(historyEntries(state) == ["SELECT 5 AS five;"])
    }

    @Test func theUsersInputrcAppliesUnderTheNameYotq() throws {
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let inputrc = state.appendingPathComponent("inputrc").path
        try """
        $if yotq
        "\\C-t": "SELECT 77 AS from_inputrc;"
        $endif
        $if other
        "\\C-t": "SELECT 0 AS wrong_application;"
        $endif

        """.write(toFile: inputrc, atomically: true, encoding: .utf8)
        let shell = try start(state, inputrc: inputrc)
        let mark = shell.output.count
        shell.type("\u{14}\r")
        #expect(shell.waitForPrompt(after: "1 row", from: mark), "\(shell.text)")
        #expect(shell.text.contains("from_inputrc"))
        #expect(!shell.text.contains("wrong_application"))
        shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)
    }

    @Test func aWideLongResultFitsTheTerminalAndShowsAtMost40Rows() throws {
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let shell = try start(state, data: true)
        let mark = shell.output.count
        shell.type("SELECT * FROM inspections;\r")
        #expect(shell.waitForPrompt(after: "more rows", from: mark), "\(shell.text)")
        let result = String(decoding: shell.output[mark...], as: UTF8.self)
            .replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
        // "\r\n" is one Character in Swift: drop the carriage returns before splitting.
        let lines = result.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
        let grid = lines.filter { $0.hasPrefix("│") || $0.hasPrefix("┌") || $0.hasPrefix("└") }
        #expect(!grid.isEmpty)
        #expect(
            grid.allSatisfy { $0.count <= 120 }, "wider than the 120-column terminal: \(grid.map(\.count).max() ?? 0)")
        // 40 rows of data at most: the header has two lines (names, types), plus the "more rows" line.
        #expect(grid.filter { $0.hasPrefix("│") }.count <= 40 + 2 + 1)
        shell.type("\u{04}")
        #expect(shell.waitForExit() == 0)
    }
}
