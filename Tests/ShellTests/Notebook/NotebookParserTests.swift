import Reporting
import Inspection
import Rendering
import Testing
@testable import Shell

/// Splitting a notebook into front matter, prose and cells; the cells' options; errors with lines.
@Suite struct NotebookParserTests {
    static let example = """
        ---
        title: "Harrow: 2011"   # quoted, with a comment
        author: Analyst's team
        date: 'It''s 2026'
        data: ../Datasets
        params:
          area: Harrow
          year: 2011
        ---

        # Heading

        Prose with `code`.

        ```sql chart=bullet title="Compare {{area}}" hide rows=5
        compare {{area}};
        SELECT 1;
        ```

        ```sh
        yotq notebook x.md
        ```

        ~~~~SQL
        .tables
        ~~~~
        """

    @Test func frontMatterFieldsAndParameterDefaultsWithTheirLines() throws {
        let notebook = try NotebookParser.parse(Self.example, name: "x.md")
        let matter = notebook.frontMatter
        #expect(matter.title == FrontMatter.Field(value: "Harrow: 2011", line: 2))
        #expect(matter.author?.value == "Analyst's team")
        #expect(matter.date?.value == "It's 2026")
        #expect(matter.data == FrontMatter.Field(value: "../Datasets", line: 5))
        #expect(matter.parameters.map(\.name) == ["area", "year"])
        #expect(matter.parameters.map(\.default) == [.init(value: "Harrow", line: 7), .init(value: "2011", line: 8)])
    }

    @Test func sqlFencesAreCellsAndOtherFencesStayInTheProse() throws {
        let notebook = try NotebookParser.parse(Self.example, name: "x.md")
        #expect(notebook.blocks.count == 4)
        guard case .prose(let first, let line) = notebook.blocks[0] else { Issue.record("no prose"); return }
        #expect(line == 10)
        #expect(first.contains("# Heading") && first.contains("Prose with `code`."))
        let cells = notebook.cells
        #expect(cells.map(\.source) == ["compare {{area}};\nSELECT 1;", ".tables"])
        #expect(cells.map(\.fenceLine) == [15, 24])
        #expect(cells[0].firstLine == 16)
        guard case .prose(let middle, _) = notebook.blocks[2] else { Issue.record("no middle prose"); return }
        #expect(middle.contains("```sh\nyotq notebook x.md\n```"))
    }

    @Test func cellOptions() throws {
        let options = try NotebookParser.parse(Self.example, name: "x.md").cells[0].options
        #expect(options.chart == .kind(.bullet))
        #expect(options.title == "Compare {{area}}")
        #expect(options.echo == false)
        #expect(options.rows == 5)
        #expect(options.results && options.run)
        let defaults = try NotebookParser.parse(Self.example, name: "x.md").cells[1].options
        #expect(defaults == CellOptions())
    }

    @Test(arguments: [
        (
            "chart=none echo=false results=no run=false",
            CellOptions(chart: .none, echo: false, results: false, run: false)
        ),
        (
            "columns='measure, score ,band' title=\"a \\\"quoted\\\" title\"",
            CellOptions(title: "a \"quoted\" title", columns: ["measure", "score", "band"])
        ),
        ("CHART=Histogram rows=0", CellOptions(chart: .kind(.histogram), rows: 0)),
    ])
    func optionSpellings(info: String, expected: CellOptions) throws {
        #expect(try CellOptions(parsing: info[...], fileName: "x.md", line: 3) == expected)
    }

    @Test(
        arguments: [
            ("chrat=bullet", "x.md:3:1: error: unknown cell option 'chrat'", "chart"),
            ("chart=bulet", "x.md:3:1: error: unknown chart 'bulet'", "bullet"),
            ("rows=-1", "x.md:3:1: error: rows needs a whole number, 0 or more", nil),
            ("hide=true", "x.md:3:1: error: hide takes no value", nil),
            ("echo=maybe", "x.md:3:1: error: echo is true or false, not 'maybe'", nil),
            ("title=\"open", "x.md:3:1: error: unterminated quoted value", nil),
            ("title", "x.md:3:1: error: title needs a value", nil),
            ("hide title=\"\"", "x.md:3:6: error: title needs a value", nil),
            (
                "chart=bullet chart=none", "x.md:3:14: error: chart=none repeats chart=bullet: give each option once",
                nil
            ),
            ("hide  echo=true", "x.md:3:7: error: echo=true repeats hide: give each option once", nil),
        ] as [(String, String, String?)])
    func badOptionsAreErrorsAtTheirColumn(info: String, message: String, suggestion: String?) {
        #expect {
            try CellOptions(parsing: info[...], fileName: "x.md", line: 3)
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.formatted().hasPrefix(message)
                && suggestion.map { diagnostic.suggestions.contains($0) } ?? true
        }
    }

    @Test(arguments: [
        ("---\ntitel: x\n---\n", "x.md:2:1: error: unknown front matter key 'titel'"),
        ("---\ntitle: x\n", "x.md:1:1: error: the front matter opened here has no closing `---` line"),
        ("---\ntitle: x\ntitle: y\n---\n", "x.md:3:1: error: title is given twice"),
        ("---\nparams:\n\tarea: x\n---\n", "x.md:3:1: error: front matter is indented with spaces, not tabs"),
        ("---\ntitle: \"open\n---\n", "x.md:2:8: error: unterminated quoted value"),
        ("---\ntitle: [a, b]\n---\n", "x.md:2:8: error: front matter values are plain text"),
        ("---\n  area: x\n---\n", "x.md:2:3: error: unexpected indented line"),
        ("---\nparams:\n  1area: x\n---\n", "x.md:3:3: error: '1area' is not a parameter name"),
        ("---\nauthor\n---\n", "x.md:2:1: error: expected `key: value`"),
        ("---\ndate:\n---\n", "x.md:2:1: error: date needs a value"),
        ("text\n\n```sql\nSELECT 1;\n", "x.md:3:1: error: this ```sql cell has no closing fence"),
    ])
    func malformedNotebooksAreErrorsAtTheirLineAndColumn(text: String, message: String) {
        #expect {
            try NotebookParser.parse(text, name: "x.md")
        } throws: { error in
            (error as? Diagnostic)?.formatted().hasPrefix(message) == true
        }
    }

    @Test func windowsLineEndingsAndFenceRules() throws {
        let text =
            "intro\r\n````sql\r\nSELECT '```';\r\n```\r\nstill inside\r\n````\r\n    ```sql\r\n    indented code, not a cell\r\n    ```\r\n"
        let notebook = try NotebookParser.parse(text, name: "x.md")
        #expect(notebook.cells.map(\.source) == ["SELECT '```';\n```\nstill inside"])
        #expect(notebook.blocks.count == 3)
    }

    @Test func aNotebookWithoutFrontMatterOrCells() throws {
        let notebook = try NotebookParser.parse("# Just prose\n\n---\n\nA rule above.\n", name: "x.md")
        #expect(notebook.frontMatter == FrontMatter())
        #expect(notebook.blocks == [.prose("# Just prose\n\n---\n\nA rule above.", line: 1)])
    }

    @Test func aByteOrderMarkBeforeTheFrontMatterIsSkipped() throws {
        let notebook = try NotebookParser.parse("\u{FEFF}---\ntitle: BOM\n---\nhi\n", name: "bom.md")
        #expect(notebook.frontMatter.title == FrontMatter.Field(value: "BOM", line: 2))
        #expect(notebook.blocks == [.prose("hi", line: 4)])
    }
}
