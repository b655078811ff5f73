import FileOutput
import Foundation
import LineEditor
import Rendering
import Testing
@testable import Shell

@Suite struct InteractiveShellTests {
    /// A session in CSV mode whose output and errors are captured.
    private func makeRun() -> CapturedRun {
        let run = CapturedRun()
        run.session.settings.mode = .csv
        return run
    }

    @Test func aStatementSpreadOverLinesRunsOnceItsSemicolonIsTyped() {
        let run = makeRun()
        let reader = ScriptedLineReader(lines: ["SELECT 1 +", "  2 AS x", ";"])
        #expect(InteractiveShell(session: run.session, reader: reader).run() == .finished)
        #expect(run.output.text == "x\n3\n")
        #expect(reader.prompts == ["yotq> ", "   ...> ", "   ...> ", "yotq> "])
        #expect(reader.remembered == ["SELECT 1 +\n  2 AS x\n;"])
    }

    @Test func aSemicolonInsideAStringOrCommentDoesNotEndTheStatement() {
        let run = makeRun()
        let reader = ScriptedLineReader(lines: ["SELECT 'a;", "b' AS s -- ;", ", 2 AS n;"])
        InteractiveShell(session: run.session, reader: reader).run()
        #expect(run.output.text == "s,n\n\"a;\nb\",2\n")
    }

    @Test func anErrorIsReportedAndTheShellGoesOn() {
        let run = makeRun()
        let reader = ScriptedLineReader(lines: ["SELECT * FROM nowhere;", "SELECT 5 AS five;"])
        #expect(InteractiveShell(session: run.session, reader: reader).run() == .finished)
        #expect(run.errors.text.contains("nowhere"))
        #expect(run.errors.text.hasPrefix("input:1:15: error:"))
        #expect(run.output.text == "five\n5\n")
    }

    @Test func quitStopsReadingAndReportsQuit() {
        let run = makeRun()
        let reader = ScriptedLineReader(lines: ["SELECT 1 AS a;", ".quit", "SELECT 2 AS b;"])
        #expect(InteractiveShell(session: run.session, reader: reader).run() == .quit)
        #expect(run.output.text == "a\n1\n")
    }

    @Test func controlDOnAnEmptyLineLeaves() {
        let run = makeRun()
        let reader = ScriptedLineReader([.line("SELECT 1 AS a;"), .endOfInput, .line("SELECT 2 AS b;")])
        #expect(InteractiveShell(session: run.session, reader: reader).run() == .finished)
        #expect(run.output.text == "a\n1\n")
        #expect(reader.prompts.count == 2)
    }

    @Test func controlCWhileTypingDropsThePendingStatement() {
        let run = makeRun()
        let reader = ScriptedLineReader([.line("SELECT 1 +"), .interrupted, .line("SELECT 7 AS seven;")])
        InteractiveShell(session: run.session, reader: reader).run()
        #expect(run.output.text == "seven\n7\n")
        #expect(run.errors.text.isEmpty)
        #expect(reader.prompts == ["yotq> ", "   ...> ", "yotq> ", "yotq> "])
    }

    @Test func aDotInsideAPendingStatementIsSQLNotACommand() {
        let run = makeRun()
        let reader = ScriptedLineReader(lines: ["SELECT", ".5 AS half;"])
        InteractiveShell(session: run.session, reader: reader).run()
        #expect(run.output.text == "half\n0.5\n")
    }

    @Test func dotCommandsChangeSettingsThatLaterStatementsUse() {
        let run = makeRun()
        let reader = ScriptedLineReader(lines: ["  .headers off", "SELECT 3 AS n;", ".mdoe csv"])
        InteractiveShell(session: run.session, reader: reader).run()
        #expect(run.output.text == "3\n")
        #expect(run.errors.text.contains("unknown command .mdoe"))
        #expect(run.errors.text.contains("did you mean: .mode?"))
    }

    @Test func tablesAndSettingsOutliveAnError() {
        let run = makeRun()
        let reader = ScriptedLineReader(lines: [
            "CREATE TABLE t AS SELECT 1 AS a;", ".nullvalue NA", "SELECT nope FROM t;",
            "SELECT a, NULL AS b FROM t;",
        ])
        run.session.settings.mode = .table
        InteractiveShell(session: run.session, reader: reader).run()
        #expect(run.output.text.contains("NA"))
        #expect(run.errors.text.contains("nope"))
    }

    @Test func everyStatementAndCommandIsSavedToTheHistoryFileAsEntered() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history").path
        let run = makeRun()
        run.session.settings.historyPath = path
        let reader = ScriptedLineReader(lines: [
            "SELECT 1", "  AS a;", "SELECT 1", "  AS a;", ".history", "", "SELECT 2 AS b;",
        ])
        InteractiveShell(session: run.session, reader: reader, history: HistoryFile(path: path)).run()
        #expect(HistoryFile(path: path).entries == ["SELECT 1\n  AS a;", ".history", "SELECT 2 AS b;"])
        // `.history` lists entries up to itself, multi-line ones indented under their number.
        #expect(run.output.text.contains("1  SELECT 1\n     AS a;\n2  .history\n"))
        #expect(reader.remembered == ["SELECT 1\n  AS a;", ".history", "SELECT 2 AS b;"])
    }

    @Test func completionSeesTheEarlierLinesOfThePendingStatement() {
        let run = makeRun()
        run.run("CREATE TABLE scores AS SELECT 'M1' AS measure, 3 AS score;")
        var answer: LineCompletion?
        let reader = CallbackReader()
        let shell = InteractiveShell(session: run.session, history: nil) { _ in reader }
        reader.onRead = { count in
            if count == 2 { answer = shell.complete(line: "WHERE mea", cursor: 9) }
        }
        reader.lines = ["SELECT *", "FROM scores"]
        shell.run()
        #expect(answer == LineCompletion(wordStart: 6, candidates: ["measure"]))
    }

    @Test func resultsFitTheTerminalUntilTheUserPicksAWidth() {
        let run = makeRun()
        run.session.settings.mode = .box
        var width = 30
        let reader = CallbackReader()
        reader.lines = ["SELECT 1 AS a;", ".maxwidth 100", "SELECT 2 AS b;"]
        var seen: [Int?] = []
        reader.onRead = { _ in seen.append(run.session.settings.maxWidth) }
        let shell = InteractiveShell(session: run.session, history: nil, terminalWidth: { width }) { _ in reader }
        width = 50
        shell.run()
        #expect(seen == [nil, 50, 100, 100])
    }
}

/// Plays back lines, calling `onRead` with the number of the read about to happen (1-based).
final class CallbackReader: LineReader {
    var lines: [String] = []
    var onRead: (Int) -> Void = { _ in }
    private var count = 0

    func read(prompt: String) -> LineInput {
        count += 1
        onRead(count)
        return lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }

    func remember(_ entry: String) {}
}
