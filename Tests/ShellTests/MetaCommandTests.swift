import FileOutput
import Foundation
import Rendering
import Testing
@testable import Shell

@Suite struct MetaCommandTests {
    @Test(arguments: [
        (".mode csv", "mode", ["csv"]),
        (".once 'my results.csv'", "once", ["my results.csv"]),
        (".nullvalue \"(none)\"", "nullvalue", ["(none)"]),
        (".load data AS t", "load", ["data", "AS", "t"]),
        (".nullvalue 'it''s'", "nullvalue", ["it's"]),
        (".tables", "tables", []),
    ])
    func commandLinesSplitIntoNameAndArguments(line: String, name: String, arguments: [String]) throws {
        let parsed = try MetaCommandLine(line)
        #expect(parsed.name == name)
        #expect(parsed.arguments == arguments)
    }

    @Test func unterminatedQuoteIsAnError() {
        #expect(throws: Diagnostic.self) { try MetaCommandLine(".once 'oops") }
    }

    @Test(arguments: [("ti", "timer"), ("mo", "mode"), ("exit", "quit"), ("ex", "quit"), ("HEADERS", "headers")])
    func prefixesAndAliasesFindTheirCommand(typed: String, expected: String) throws {
        #expect(try MetaCommand.lookup(typed).name == expected)
    }

    @Test func ambiguousPrefixNamesTheCandidates() {
        #expect {
            try MetaCommand.lookup("m")
        } throws: { error in
            let message = (error as? Diagnostic)?.message ?? ""
            return message.contains(".mode") && message.contains(".maxrows") && message.contains(".maxwidth")
        }
    }

    @Test func aPrefixOfAnAliasCountsTowardAmbiguity() {
        #expect {
            try MetaCommand.lookup("e")
        } throws: { error in
            (error as? Diagnostic)?.message == "ambiguous command .e: .echo, .exit"
        }
    }

    @Test(arguments: [".tables extra", ".quit now", ".exit 3", ".history all", ".mode csv html"])
    func extraArgumentsAreAUsageErrorNotIgnored(line: String) {
        let run = CapturedRun()
        #expect(run.run(line) == .failure)
        #expect(run.errors.text.contains("too many arguments; usage: ."))
    }

    @Test func unknownCommandSuggestsTheClosest() {
        #expect {
            try MetaCommand.lookup("tabels")
        } throws: { error in
            (error as? Diagnostic)?.suggestions.first == ".tables"
        }
    }

    @Test func helpListsEveryCommandFromTheTable() {
        let help = MetaCommand.helpText
        for command in MetaCommand.all { #expect(help.contains("." + command.name)) }
    }

    @Test func modeHeadersAndNullValueChangeTheOutput() {
        let run = CapturedRun()
        let status = run.run(
            """
            .mode tsv
            .headers off
            .nullvalue (none)
            SELECT 1 AS a, NULL AS b;
            """)
        #expect(status == .success)
        #expect(run.output.text == "1\t(none)\n")
    }

    @Test func unknownModeIsAnErrorWithSuggestionAndTheRunContinues() {
        let run = CapturedRun()
        let status = run.run(".mode jsn\nSELECT 1 AS a;\n")
        #expect(status == .failure)
        #expect(run.errorText.hasPrefix("test.sql:1:1: error: unknown mode jsn"))
        #expect(run.errorText.contains("did you mean: json"))
        #expect(run.output.text == "a\n1\n")
    }

    @Test func quitStopsReadingInput() {
        let run = CapturedRun()
        #expect(run.run("SELECT 1 AS a;\n.quit\nSELECT 2 AS b;\n") == .success)
        #expect(run.output.text == "a\n1\n")
    }

    @Test func onceWritesOnlyTheNextResultToAFileAtomically() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.csv").path
        let run = CapturedRun()
        #expect(run.run(".once \(target)\nSELECT 1 AS a;\nSELECT 2 AS b;\n") == .success)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "a\n1\n")
        #expect(run.output.text == "b\n2\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["out.csv"])
    }

    @Test func aFailingStatementUsesUpOnceAndWritesNoFile() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.csv").path
        let run = CapturedRun()
        #expect(run.run(".once \(target)\nSELECT * FROM nope;\nSELECT 9 AS after;\n") == .failure)
        #expect(run.output.text == "after\n9\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func readRunsAnotherFileAndRefusesEndlessRecursion() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("inner.sql").path
        try "SELECT 'inner' AS s;".write(toFile: inner, atomically: true, encoding: .utf8)
        let run = CapturedRun()
        #expect(run.run(".read \(inner)\n") == .success)
        #expect(run.output.text == "s\ninner\n")

        let selfReading = folder.appendingPathComponent("loop.sql").path
        try ".read \(selfReading)\n".write(toFile: selfReading, atomically: true, encoding: .utf8)
        let looping = CapturedRun()
        #expect(looping.run(".read \(selfReading)\n") == .failure)
        #expect(looping.errors.text.contains("nested deeper"))
    }

    @Test func loadReadsAFileAsATableNamedAfterItsStem() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("areas.csv").path
        try "area,region\nHarrow,London\nYnys Môn,Wales\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = CapturedRun()
        #expect(
            run.run(
                ".load \(file)\n.load \(file) AS again\nSELECT count(*) AS n FROM areas;\nSELECT region FROM again ORDER BY 1;\n"
            ) == .success)
        #expect(run.output.text == "n\n2\nregion\nLondon\nWales\n")
    }
}
