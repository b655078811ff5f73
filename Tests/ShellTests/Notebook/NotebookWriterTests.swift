import FileOutput
import Columnar
import Foundation
import Rendering
import Reporting
import TestSupport
import Testing
@testable import Shell

/// The HTML and Markdown documents: golden files of a small fixed notebook, and charts in each format.
@Suite struct NotebookWriterTests {
    /// Exercises front matter, prose, a hidden cell, a caption, elided rows, NULL, a message and an error.
    static let example = """
        ---
        title: A small notebook
        author: yotq tests
        date: 2026-11-27
        params:
          who: world
        ---

        # Hello, {{who}}

        Some *prose* with `code`, a [link](https://example.org), and a list:

        - one
        - two

        ```sql hide
        CREATE TABLE t AS SELECT * FROM (VALUES (0, 0.0), (1, NULL), (2, 3.0), (3, 4.5), (4, 6.0), (5, 7.5)) v(n, x);
        ```

        ```sql title="Numbers & halves" rows=4
        SELECT n, x, 'a<b' AS text_value FROM t ORDER BY n;
        ```

        ```sql
        INSERT INTO t VALUES (9, 9.5);
        SELECT * FROM nope;
        ```

        That error is shown; the run kept going.
        """

    func run() throws -> NotebookRun {
        try NotebookTesting.run(Self.example, name: "small.md", keepGoing: true)
    }

    @Test func htmlMatchesTheGoldenFile() throws {
        try NotebookTesting.golden.check(NotebookHTMLWriter(run: try run()).render(), named: "small.html")
    }

    @Test func markdownMatchesTheGoldenFile() throws {
        let (text, charts) = NotebookMarkdownWriter(run: try run(), chartFolder: "small.out-files").render()
        #expect(charts.isEmpty)
        try NotebookTesting.golden.check(text, named: "small.out.md")
    }

    /// A chart from a cell's own rows (no data folder), through the whole command in both formats.
    static let charted = """
        # One chart

        ```sql chart=bullet title="Two measures" columns="title, score, band"
        SELECT * FROM (VALUES
          ('cci-2009', 'Safeguarding work', 28, 83, 56.9, 'Harrow', 45, 'SUBSTANTIAL'),
          ('cci-2009', 'Risk of Harm to others work', 29, 77, 54.9, 'Harrow', 43, 'DRASTIC')
        ) v(framework, title, lowest, highest, average, area, score, band);
        ```
        """

    @Test func aChartedCellMatchesTheGoldenFilesInBothFormats() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try NotebookTesting.write(Self.charted, "charted.md", in: folder)
        #expect(
            NotebookCommand.run(NotebookOptions(path: path, format: .md, noData: true), errors: StringSink())
                == .success)
        let markdown = try String(contentsOf: folder.appendingPathComponent("charted.out.md"), encoding: .utf8)
        try NotebookTesting.golden.check(markdown, named: "charted.out.md")
        let svg = try String(
            contentsOf: folder.appendingPathComponent("charted.out-files/chart-1.svg"), encoding: .utf8)
        try NotebookTesting.golden.check(svg, named: "charted.out-files/chart-1.svg")

        let output = folder.appendingPathComponent("charted.html").path
        #expect(
            NotebookCommand.run(NotebookOptions(path: path, output: output, noData: true), errors: StringSink())
                == .success)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let inline = svg.replacingOccurrences(of: "-title", with: "-f1-title").replacingOccurrences(
            of: "-desc", with: "-f1-desc")
        #expect(html.contains(inline), "the HTML holds the same SVG inline, its ids numbered by figure")
        #expect(html.contains("<figcaption>Figure 1. "))
    }

    @Test func twoChartsOfTheSameWordsGetTheirOwnElementIDs() throws {
        let notebook =
            Self.charted + "\n\n"
            + Self.charted.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        let run = try NotebookTesting.run(notebook, name: "twice.md")
        let html = NotebookHTMLWriter(run: run).render()
        let ids = html.matches(of: /id="(yotq-[^"]+)"/).map { String($0.output.1) }
        #expect(ids.count == 4, "\(ids)")
        #expect(Set(ids).count == ids.count, "\(ids)")
        for id in ids { #expect(html.contains("aria-labelledby=\"" + id) || html.contains(" " + id + "\"")) }
    }

    static let chart = Chart(
        title: "Scores", textAlternative: "Harrow 43 against 29 to 77.",
        svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>Scores</title></svg>")

    func runWithCharts() -> NotebookRun {
        let cell = NotebookCell(source: "compare Harrow;", fenceLine: 3, options: CellOptions())
        let table = Table([("score", Column(type: .bigint, values: [.bigint(43)]))])
        let display = TableDisplay(maxRows: 0, showHeaders: true, nullText: nil, caption: nil)
        return NotebookRun(
            name: "c.md", frontMatter: FrontMatter(),
            blocks: [
                .cell(cell, [.table(table, display), .chart(Self.chart), .chart(Self.chart)])
            ])
    }

    @Test func htmlChartsAreNumberedInlineFiguresWithTheirTextAlternative() {
        let html = NotebookHTMLWriter(run: runWithCharts()).render()
        #expect(html.contains(Self.chart.figure(caption: "Figure 1. Harrow 43 against 29 to 77.")))
        #expect(html.contains(Self.chart.figure(caption: "Figure 2. Harrow 43 against 29 to 77.")))
    }

    @Test func markdownChartsAreSVGFilesLinkedBesideTheDocument() {
        let (text, charts) = NotebookMarkdownWriter(run: runWithCharts(), chartFolder: "c.out-files").render()
        #expect(charts.map(\.fileName) == ["chart-1.svg", "chart-2.svg"])
        #expect(charts.allSatisfy { $0.svg == Self.chart.svg })
        #expect(
            text.contains("![Figure 1. Scores](c.out-files/chart-1.svg)\n\n*Figure 1. Harrow 43 against 29 to 77.*"))
        #expect(text.contains("![Figure 2. Scores](c.out-files/chart-2.svg)"))
    }

    @Test func aLongTextAlternativeIsCutToItsFirstSentenceInTheCaption() {
        let long = "Funnel plot of 158 areas. " + String(repeating: "Area 1 at 50%. ", count: 60)
        let chart = Chart(title: "Funnel", textAlternative: long, svg: "<svg/>")
        #expect(
            NotebookCharts.caption(chart, number: 3)
                == "Figure 3. Funnel plot of 158 areas. (The chart's text alternative names every point.)")
        #expect(NotebookCharts.caption(Self.chart, number: 1) == "Figure 1. Harrow 43 against 29 to 77.")
    }

    @Test func markdownFencesOutgrowBackticksInTheSource() {
        #expect(NotebookMarkdownWriter.fenced("SELECT '```';", language: "sql") == "````sql\nSELECT '```';\n````")
    }

    @Test func anEmptyResultIsANoteNotAnEmptyTable() throws {
        let run = try NotebookTesting.run("```sql title=\"Flags\"\nSELECT 1 AS a WHERE false;\n```\n")
        let html = NotebookHTMLWriter(run: run).render()
        #expect(html.contains("<p class=\"cell-message\">Flags: nothing to show (the query found no rows).</p>"))
        #expect(!html.contains("<table"))
    }

    @Test(arguments: [
        ("<script>alert(1)</script>", "a <script> element"),
        ("![x](https://example.org/x.png)", "an external asset"),
        ("<img src=\"local.png\">", "an external asset"),
        ("<div onclick=\"x()\">a</div>", "an event handler"),
        ("<a href=\"javascript:x()\">a</a>", "a javascript: URL"),
        ("<span style=\"background: url(http://x/y.png)\">a</span>", "an external asset"),
        ("<svg><image href=\"http://evil/x.png\"/></svg>", "an external asset (href="),
        ("<svg><image xlink:href=\"http://evil/x.png\"/></svg>", "an external asset (xlink:href="),
        ("<meta http-equiv=\"refresh\" content=\"0;url=http://evil\">", "a <meta> element"),
        ("<form action=\"http://evil\"><button>go</button></form>", "an external asset (action="),
        ("<button formaction=\"http://evil\">go</button>", "an external asset (formaction="),
        ("<table background=\"http://evil/x.png\"><tr><td>a</td></tr></table>", "an external asset (background="),
        // Read as a browser reads them: `/` between attributes, none between a quoted value and the next,
        // `>` inside quotes, references and blanks inside a scheme, CSS escapes, `ping`, unknown elements.
        ("<svg/onload=alert(1)>", "an event handler (onload=)"),
        ("<details/open/ontoggle=alert(1)>x</details>", "an event handler (ontoggle=)"),
        ("<img src=\"data:,\"onerror=alert(1)>", "an external asset (src=\"data:,\")"),
        ("<img alt=\">\" onerror=alert(1)>", "an event handler (onerror=)"),
        ("<img alt=\">\" src=\"http://evil/x.png\">", "an external asset (src=\"http://evil/x.png\")"),
        ("<span style=\"background: u\\72 l(http://evil/x.png)\">a</span>", "a style that may load something"),
        ("<span style=\"background-image: image-set('http://evil/x.png' 1x)\">a</span>", "a style that may load"),
        ("<a href=\"jav&#x61;script:alert(1)\">x</a>", "a javascript: URL"),
        ("<a href=\"java\tscript:alert(1)\">x</a>", "a javascript: URL"),
        ("<a href=\"javascript&colon;alert(1)\">x</a>", "a javascript: URL"),
        ("<a href=\"https://example.org\" ping=\"http://evil/track\">x</a>", "an external asset (ping="),
        ("<a href=\"data:text/html,x\">x</a>", "a link to a data: address"),
        ("<font color=\"red\">x</font>", "a <font> element"),
        ("<span bogus=\"1\">x</span>", "an attribute <span bogus=…>"),
        ("<svg><use href=\"http://evil/sprite.svg#x\"/></svg>", "an external asset (href="),
    ])
    func proseThatWouldNotStandAloneIsRefused(prose: String, problem: String) throws {
        let notebook = try NotebookTesting.parse("Intro.\n\n```sql\nSELECT 1;\n```\n\n" + prose + "\n", name: "p.md")
        #expect {
            try SelfContainedHTML.check(notebook)
        } throws: { error in
            let text = (error as? Diagnostic)?.formatted() ?? ""
            // The prose block starts on line 6 (a blank line); the offending tag is on line 7.
            return text.hasPrefix("p.md:7:") && text.contains(": error: the prose has " + problem)
        }
    }

    @Test func proseErrorsNameTheLineAndColumnOfTheOffendingTag() throws {
        let notebook = try NotebookTesting.parse("# T\n\nSome words,\nmore words <script>x()</script>\n", name: "p.md")
        #expect {
            try SelfContainedHTML.check(notebook)
        } throws: { error in
            (error as? Diagnostic)?.formatted().hasPrefix("p.md:4:12: error: the prose has a <script> element") == true
        }
    }

    /// The check reads the prose with its parameters filled in: a value can complete a tag or a link.
    @Test(arguments: [
        ("Go <{{u}}>alert(1)</{{u}}>.", "u=script", "a <script> element"),
        ("[click]({{u}})", "u=javascript:alert(1)", "a javascript: URL"),
        ("<div {{u}}>x</div>", "u=onmouseover=alert(1)", "an event handler"),
        ("<img src=\"{{u}}\">", "u=http://evil/x.png", "an external asset (src=\"http://evil/x.png\")"),
    ])
    func aParameterCannotSmuggleMarkupPastTheCheck(prose: String, parameter: String, problem: String) throws {
        let notebook = try NotebookTesting.parse("Intro.\n\n" + prose + "\n", name: "p.md", parameters: [parameter])
        #expect {
            try SelfContainedHTML.check(notebook)
        } throws: { error in
            (error as? Diagnostic)?.formatted().contains("error: the prose has " + problem) == true
        }
    }

    @Test func anInlineImageGivenAsAParameterIsFine() throws {
        let notebook = try NotebookTesting.parse(
            "Intro.\n\n<img src=\"{{u}}\">\n", name: "p.md", parameters: ["u=data:image/png;base64,AAAA"])
        try SelfContainedHTML.check(notebook)
    }

    @Test func aSnippetSpanningLinesIsShownOnOneLine() throws {
        let notebook = try NotebookTesting.parse("Intro.\n\nA picture <img\nsrc=\"http://x/y.png\">.\n", name: "p.md")
        #expect {
            try SelfContainedHTML.check(notebook)
        } throws: { error in
            let text = (error as? Diagnostic)?.formatted() ?? ""
            return text.hasPrefix("p.md:3:11: error: the prose has an external asset (src=\"http://x/y.png\"):")
        }
    }

    @Test func aMarkdownImageIsLocatedByItsAddress() throws {
        let notebook = try NotebookTesting.parse("Intro.\n\nText.\nSee ![x](https://example.org/x.png)\n", name: "p.md")
        #expect {
            try SelfContainedHTML.check(notebook)
        } throws: { error in
            (error as? Diagnostic)?.formatted().hasPrefix("p.md:4:10: error: the prose has an external asset") == true
        }
    }

    /// The tokenizer on raw HTML (Ink escapes an unclosed tag in prose; a whole page might not).
    @Test func aTagNeverClosedIsAProblemAndQuotedAngleBracketsStayInside() {
        #expect(
            SelfContainedHTML.problem(in: "<p>x</p><img src=\"http://evil/x.png\"")?.description == "an unclosed tag")
        let tokens = Array(HTMLTokens("<img alt=\"a>b\"/src='c'>t"))
        #expect(tokens.count == 2)
        guard case .startTag(let name, let attributes, _) = tokens[0] else { return #expect(Bool(false)) }
        #expect(name == "img")
        #expect(attributes == [.init(name: "alt", value: "a>b"), .init(name: "src", value: "c")])
        #expect(HTMLTokens.decoded("jav&#x61;script&colon;&#40x") == "javascript:(x")
    }

    @Test func theSafeSubsetOfHTMLIsFine() throws {
        let notebook = try NotebookTesting.parse(
            "<span style=\"color: #c00\">red</span> <details open><summary>More</summary>text</details>\n"
                + "<a href=\"mailto:hmi@example.org\" title=\"mail\">mail</a> <abbr title=\"Youth Offending Team\">YOT</abbr>\n"
                + "<table><tr><th scope=\"col\">a</th></tr><tr><td align=\"right\">1</td></tr></table>\n")
        try SelfContainedHTML.check(notebook)
    }

    @Test func linksAndDataURLsAndTextAboutSrcAreFine() throws {
        let notebook = try NotebookTesting.parse(
            "[a link](https://example.org) <img src=\"data:image/png;base64,AAAA\"> and `src=\"http://x\"` in code\n"
                + "<svg><a href=\"https://example.org\"><use href=\"#dot\"/></a></svg>\n")
        try SelfContainedHTML.check(notebook)
    }
}

extension NotebookWriterTests {
    /// `echo: false` in the front matter hides every cell's source unless a cell says `echo=true`.
    @Test func frontMatterEchoFalseHidesEveryCellsSource() throws {
        let run = try NotebookTesting.run(
            "---\necho: false\n---\n```sql\nSELECT 41 AS hidden_source;\n```\n\n```sql echo=true\nSELECT 42 AS shown_source;\n```\n"
        )
        let html = NotebookHTMLWriter(run: run).render()
        #expect(!html.contains("SELECT 41"))
        #expect(html.contains("SELECT 42"))
        #expect(html.contains(">hidden source</th>"))
        #expect(throws: Diagnostic.self) { try NotebookTesting.parse("---\necho: maybe\n---\ntext\n") }
    }
}
