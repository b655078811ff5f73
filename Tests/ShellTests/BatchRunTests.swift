import FileOutput
import Foundation
import Rendering
import Testing
@testable import Shell

@Suite struct BatchRunTests {
    @Test func statementsRunInOrderAndPrintInTheChosenMode() {
        let run = CapturedRun()
        let status = run.run("CREATE TABLE t AS SELECT 1 AS a UNION ALL SELECT 2;\nSELECT a FROM t ORDER BY a;\n")
        #expect(status == .success)
        #expect(run.output.text == "a\n1\n2\n")
        #expect(run.errors.text.isEmpty)
    }

    @Test func multiLineStatementsAndCommentsWithSemicolons() {
        let run = CapturedRun()
        let status = run.run(
            """
            -- a comment; not a statement end
            SELECT
              'x;y' AS s /* ; */
            ;
            SELECT 2 AS b
            """)
        #expect(status == .success)
        #expect(run.output.text == "s\nx;y\nb\n2\n")
    }

    @Test func failingStatementReportsFileLineColumnAndCaretThenLaterStatementsRun() {
        let run = CapturedRun()
        let status = run.run("SELECT 1 AS a;\n\nSELECT * FROM nope;\nSELECT 3 AS c;\n")
        #expect(status == .failure)
        #expect(run.output.text == "a\n1\nc\n3\n")
        let lines = run.errorText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("test.sql:3:15: error: ") == true)
        #expect(lines.first?.contains("nope") == true)
        #expect(lines.count >= 3)
        #expect(lines[1] == "  SELECT * FROM nope;")
        #expect(lines[2] == "                ^~~~")
    }

    @Test func bailStopsAtTheFirstFailure() {
        let run = CapturedRun()
        run.session.settings.bail = true
        let status = run.run("SELECT 1 AS a;\nSELECT * FROM nope;\nSELECT 3 AS c;\n")
        #expect(status == .failure)
        #expect(run.output.text == "a\n1\n")
    }

    @Test func syntaxErrorPointsAtTheOffendingToken() {
        let run = CapturedRun()
        let status = run.run("SELECT 1 AS a;\n  SELEC 2;\n")
        #expect(status == .failure)
        #expect(run.errorText.hasPrefix("test.sql:2:3: error: syntax error at or near \"SELEC\""))
        #expect(run.errorText.contains("\n    SELEC 2;\n    ^~~~~\n"))
        #expect(run.output.text == "a\n1\n")
    }

    @Test func lastStatementMayOmitItsSemicolon() {
        let run = CapturedRun()
        #expect(run.run("SELECT 42 AS answer") == .success)
        #expect(run.output.text == "answer\n42\n")
    }

    @Test func echoPrintsEachStatementBeforeItsResult() {
        let run = CapturedRun()
        run.session.settings.echo = true
        run.run("SELECT 1 AS a;")
        #expect(run.output.text == "SELECT 1 AS a;\na\n1\n")
    }

    @Test func commandsRunAfterFilesInOrder() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("first.sql").path
        try "SELECT 'file' AS source;".write(toFile: file, atomically: true, encoding: .utf8)
        let run = CapturedRun()
        run.session.settings.mode = .csv
        let status = Launcher.run(
            LaunchOptions(files: [file], commands: ["SELECT 'command' AS source"]), in: run.session, standardInput: nil)
        #expect(status == .success)
        #expect(run.output.text == "source\nfile\nsource\ncommand\n")
    }

    /// A missing `-f` file or `--data` folder is a usage error (exit 2, as for a missing notebook),
    /// reported before anything runs.
    @Test func missingScriptFileOrDataFolderIsAUsageErrorNamingIt() {
        let run = CapturedRun()
        let status = Launcher.run(
            LaunchOptions(files: ["/nonexistent/x.sql"], commands: ["SELECT 1 AS ran"]), in: run.session,
            standardInput: nil)
        #expect(status == .usage)
        #expect(run.errors.text.hasPrefix("/nonexistent/x.sql: error: no such file"))
        #expect(!run.output.text.contains("ran"))
        let again = CapturedRun()
        let noFolder = Launcher.run(
            LaunchOptions(dataFolder: "/nonexistent-data", commands: ["SELECT 1"]), in: again.session,
            standardInput: nil)
        #expect(noFolder == .usage)
        #expect(again.errors.text.hasPrefix("/nonexistent-data: error: no such data folder"))
    }

    @Test func markdownTablesInOneRunAreKeptApart() {
        let run = CapturedRun()
        run.run("SELECT 1 AS a;\nSELECT 2 AS b;\n", mode: .markdown)
        #expect(run.output.text == "|   a |\n| --: |\n|   1 |\n\n|   b |\n| --: |\n|   2 |\n")
    }

    @Test func frameworksAndMeasuresListWhatExists() throws {
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(BundledVerbTests.datasets)
        run.run(
            "SELECT framework FROM frameworks() ORDER BY 1;\nSELECT aliases FROM measures() WHERE measure = 'risk_of_harm';\n"
        )
        #expect(run.errorText == "")
        #expect(run.output.text.hasPrefix("framework\ncci-2009\nyouth-2018\naliases\n"))
        #expect(run.output.text.contains("roh"))
    }
}
