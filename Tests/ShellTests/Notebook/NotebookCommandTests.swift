import FileOutput
import Foundation
import Rendering
import TestSupport
import Testing
@testable import Shell

/// `yotq notebook` as a whole: files in and out, exit statuses, and what goes to standard error.
@Suite struct NotebookCommandTests {
    struct Outcome {
        var status: Shell.ExitStatus
        var errors: String
        var output: String?
    }

    /// Writes `text` as `name` in a fresh folder and runs the command on it without data.
    func run(_ text: String, name: String = "nb.md", _ configure: (inout NotebookOptions) -> Void = { _ in }) throws
        -> Outcome
    {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write(text, name, in: folder)
        var options = NotebookOptions(path: path, noData: true)
        configure(&options)
        let errors = StringSink()
        let status = NotebookCommand.run(options, errors: errors)
        let outputPath = options.output ?? NotebookCommand.defaultOutput(for: path, format: options.format ?? .html)
        let output = try? String(contentsOfFile: outputPath, encoding: .utf8)
        return Outcome(
            status: status, errors: errors.text.replacingOccurrences(of: folder.path + "/", with: ""),
            output: output)
    }

    @Test func aGoodNotebookExitsZeroAndWritesHTMLBesideIt() throws {
        let outcome = try run("# T\n\n```sql\nSELECT 42 AS answer;\n```\n")
        #expect(outcome.status == .success)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.output?.contains("<td class=\"num\">42</td>") == true)
    }

    @Test func aFailingCellExitsOneShowsTheErrorInTheDocumentAndOnStandardError() throws {
        let text = "# T\n\n```sql\nSELECT * FROM nope;\n```\n\n```sql\nSELECT 'later' AS x;\n```\n"
        let outcome = try run(text)
        #expect(outcome.status == .failure)
        #expect(outcome.errors.hasPrefix("nb.md:4:15: error: Table with name nope does not exist"))
        let html = try #require(outcome.output)
        #expect(html.contains("<pre class=\"cell-error\" role=\"alert\">"))
        #expect(html.contains("class=\"stopped\""))
        #expect(!html.contains("later"))

        let kept = try run(text) { $0.keepGoing = true }
        #expect(kept.status == .success)
        #expect(kept.errors.hasPrefix("nb.md:4:15: error:"))
        #expect(kept.output?.contains("later") == true)
        #expect(kept.output?.contains("<pre class=\"cell-error\" role=\"alert\">") == true)
    }

    @Test func aMissingParameterIsAUsageErrorAndWritesNothing() throws {
        let outcome = try run("# {{area}}\n\n```sql\nprofile {{area|sql}};\n```\n")
        #expect(outcome.status == .usage)
        #expect(
            outcome.errors.hasPrefix("nb.md:1:3: error: parameter 'area' has no value (used as {{area}} on line 1)"))
        #expect(outcome.output == nil)
    }

    @Test func parametersComeFromTheCommandLine() throws {
        let outcome = try run("# {{area}}\n\n```sql\nSELECT {{area|sql}} AS area;\n```\n") {
            $0.parameters = ["area=Brent"]
        }
        #expect(outcome.status == .success)
        #expect(outcome.output?.contains("<td>Brent</td>") == true)
        #expect(outcome.output?.contains("<title>Brent</title>") == true)
    }

    @Test func aRepeatedParamIsAUsageErrorAndWritesNothing() throws {
        let outcome = try run("# {{area}}\n") { $0.parameters = ["area=a", "area=b"] }
        #expect(outcome.status == .usage)
        #expect(outcome.errors.hasPrefix("error: --param area is given twice"))
        #expect(outcome.output == nil)
    }

    @Test func missingFilesAndFoldersAreUsageErrors() throws {
        let errors = StringSink()
        #expect(NotebookCommand.run(NotebookOptions(path: "/no/such/notebook.md"), errors: errors) == .usage)
        #expect(errors.text == "/no/such/notebook.md: error: no such file\n")
        let outcome = try run("---\ndata: no-such-folder\n---\nText.\n") { $0.noData = false }
        #expect(outcome.status == .usage)
        #expect(outcome.errors.hasPrefix("nb.md:2:1: error: no such data folder: "))
    }

    @Test func aFolderGivenAsTheNotebookIsAUsageErrorSayingSo() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = StringSink()
        #expect(NotebookCommand.run(NotebookOptions(path: folder.path), errors: errors) == .usage)
        #expect(errors.text == folder.path + ": error: is a folder, not a notebook (.md file)\n")
    }

    @Test func theOutputMayNotReplaceTheNotebook() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write("Text.\n", "nb.md", in: folder)
        let errors = StringSink()
        let status = NotebookCommand.run(
            NotebookOptions(path: path, format: .md, output: path, noData: true), errors: errors)
        #expect(status == .usage)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Text.\n")
    }

    @Test func markdownGoesToAnOutFileWithTablesAndNoLeftoverCharts() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write("Text.\n\n```sql\nSELECT 1 AS one;\n```\n", "nb.md", in: folder)
        let charts = folder.appendingPathComponent("nb.out-files")
        try FileManager.default.createDirectory(at: charts, withIntermediateDirectories: true)
        try NotebookTesting.write("<svg/>", "chart-3.svg", in: charts)
        try NotebookTesting.write("kept", "notes.txt", in: charts)
        #expect(
            NotebookCommand.run(NotebookOptions(path: path, format: .md, noData: true), errors: StringSink())
                == .success)
        let text = try String(contentsOfFile: folder.appendingPathComponent("nb.out.md").path, encoding: .utf8)
        #expect(text == "Text.\n\n```sql\nSELECT 1 AS one;\n```\n\n**Table 1**\n\n| one |\n| --: |\n|   1 |\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: charts.path) == ["notes.txt"])
    }

    @Test(arguments: [
        ("report.md", NotebookFormat.html, "report.html"), ("a/b.md", .md, "a/b.out.md"), ("x", .html, "x.html"),
    ])
    func defaultOutputs(path: String, format: NotebookFormat, expected: String) {
        #expect(NotebookCommand.defaultOutput(for: path, format: format) == expected)
    }

    @Test func frontMatterDataIsRelativeToTheNotebook() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try NotebookTesting.write("name,score\nA,3\n", "points.csv", in: data)
        let path = try NotebookTesting.write(
            "---\ndata: data\n---\n```sql\nSELECT sum(score) AS total FROM points;\n```\n",
            "nb.md", in: folder)
        #expect(NotebookCommand.run(NotebookOptions(path: path, format: .md), errors: StringSink()) == .success)
        let text = try String(contentsOfFile: folder.appendingPathComponent("nb.out.md").path, encoding: .utf8)
        #expect(text.hasSuffix("| total |\n| ----: |\n|     3 |\n"))
    }
}

/// Where the document goes and in which format; what a failed write leaves behind.
@Suite struct NotebookOutputTests {
    @Test(
        arguments: [
            (nil, "r.md", NotebookFormat.md), (nil, "r.MARKDOWN", .md), (nil, "r.html", .html), (nil, "r.txt", .html),
            (nil, nil, .html), (.md, nil, .md), (.md, "r", .md), (.html, "r.htm", .html), (.md, "r.md", .md),
        ] as [(NotebookFormat?, String?, NotebookFormat)])
    func theFormatIsAskedForOrImpliedByTheOutputsName(
        format: NotebookFormat?, output: String?, expected: NotebookFormat
    ) throws {
        #expect(try NotebookOptions(path: "nb.md", format: format, output: output).resolvedFormat() == expected)
    }

    @Test func aFormatContradictingTheOutputsNameIsAUsageError() throws {
        #expect {
            try NotebookOptions(path: "nb.md", format: .md, output: "report.html").resolvedFormat()
        } throws: { error in
            (error as? Diagnostic)?.message
                == "--to md contradicts the output's name report.html: drop --to, or name the output .md"
        }
    }

    @Test func dashOWithAMarkdownNameWritesMarkdown() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write("# T\n\n```sql\nSELECT 1 AS one;\n```\n", "nb.md", in: folder)
        let output = folder.appendingPathComponent("paper.md").path
        #expect(
            NotebookCommand.run(NotebookOptions(path: path, output: output, noData: true), errors: StringSink())
                == .success)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasSuffix("| one |\n| --: |\n|   1 |\n"))
    }

    @Test(arguments: ["out", "missing/out.html"])
    func anOutputThatCannotBeWrittenIsRefusedBeforeAnyCellRuns(output: String) throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        // A cell with a side effect shows whether any cell ran.
        let sideEffect = folder.appendingPathComponent("ran.csv").path
        let path = try NotebookTesting.write(
            "```sql\nCOPY (SELECT 1 AS x) TO '\(sideEffect)';\n```\n", "nb.md", in: folder)
        let errors = StringSink()
        let outputPath = folder.appendingPathComponent(output).path
        let status = NotebookCommand.run(NotebookOptions(path: path, output: outputPath, noData: true), errors: errors)
        #expect(status == .usage)
        #expect(errors.text.contains(output == "out" ? "out is a folder: name a file" : "out.html: no such folder"))
        #expect(!FileManager.default.fileExists(atPath: sideEffect))
    }

    @Test func aFileWhereTheChartsFolderGoesIsRefusedBeforeAnyCellRuns() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write(NotebookWriterTests.charted, "nb.md", in: folder)
        try NotebookTesting.write("the earlier document\n", "nb.out.md", in: folder)
        try NotebookTesting.write("not a folder\n", "nb.out-files", in: folder)
        let errors = StringSink()
        #expect(NotebookCommand.run(NotebookOptions(path: path, format: .md, noData: true), errors: errors) == .usage)
        #expect(errors.text.contains("nb.out-files: it is a file, not a folder"))
        #expect(
            try String(contentsOfFile: folder.appendingPathComponent("nb.out.md").path, encoding: .utf8)
                == "the earlier document\n")
    }

    @Test func aFailedMarkdownWriteLeavesTheEarlierDocumentAndNoTemporaryFiles() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write(NotebookWriterTests.charted, "nb.md", in: folder)
        try NotebookTesting.write("the earlier document\n", "nb.out.md", in: folder)
        // A folder where the chart file must go: the chart cannot be written, so nothing may be.
        let blocked = folder.appendingPathComponent("nb.out-files/chart-1.svg")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        let errors = StringSink()
        #expect(NotebookCommand.run(NotebookOptions(path: path, format: .md, noData: true), errors: errors) == .failure)
        #expect(errors.text.contains("chart-1.svg: Is a directory"))
        #expect(
            try String(contentsOfFile: folder.appendingPathComponent("nb.out.md").path, encoding: .utf8)
                == "the earlier document\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "nb.md", "nb.out-files", "nb.out.md",
            ])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: blocked.deletingLastPathComponent().path) == [
                "chart-1.svg"
            ])
    }

    @Test func anEmptyOutputNameIsAUsageError() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write("Text.\n", "nb.md", in: folder)
        let errors = StringSink()
        #expect(NotebookCommand.run(NotebookOptions(path: path, output: "", noData: true), errors: errors) == .usage)
        #expect(errors.text == "error: -o needs a file name (or - for standard output)\n")
    }

    @Test func markdownWithChartsCannotGoToStandardOutput() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write(NotebookWriterTests.charted, "nb.md", in: folder)
        let errors = StringSink()
        #expect(
            NotebookCommand.run(NotebookOptions(path: path, format: .md, output: "-", noData: true), errors: errors)
                == .failure)
        #expect(errors.text.contains("Markdown on standard output cannot carry its 1 chart(s)"))
    }

    @Test func markdownOutputEscapesCaptionsAndLinksChartsByAnEncodedAddress() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = NotebookWriterTests.charted.replacingOccurrences(
            of: "title=\"Two measures\"", with: "title=\"*Two* [measures]\"")
        let path = try NotebookTesting.write(notebook, "nb.md", in: folder)
        let output = folder.appendingPathComponent("my paper.md").path
        #expect(
            NotebookCommand.run(NotebookOptions(path: path, output: output, noData: true), errors: StringSink())
                == .success)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("](my%20paper-files/chart-1.svg)"))
        #expect(text.contains("![Figure 1. \\*Two\\* \\[measures\\]]"))
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("my paper-files/chart-1.svg").path))
    }
}

extension NotebookCommandTests {
    /// `--param area=harrow` is written as the area's own name wherever the parameter appears.
    @Test func anAreaParameterIsSpelledAsTheArea() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("pack.md").path
        let status = NotebookCommand.run(
            NotebookOptions(
                path: PackageRoot.path("Notebooks/area-board-pack.md"), output: output, parameters: ["area=harrow"]),
            errors: StringSink())
        #expect(status == .success)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("# Harrow: youth justice inspections, board pack"))
        #expect(!text.contains("harrow"))
        #expect(
            NotebookCommand.canonicalParameters(["area=brent", "x=harrow road", "n=3"], areas: nil)
                == ["area=brent", "x=harrow road", "n=3"])
    }
}
