import Columnar
import Testing

@testable import Rendering

/// Markdown, HTML and line modes.
@Suite struct DocumentRendererTests {
    @Test func markdownAlignsNumbersRight() {
        let expected = """
            |   id | area     | score | inspected  | good  |
            | ---: | -------- | ----: | ---------- | ----- |
            |    1 | Ynys Môn |   3.5 | 2011-12-01 | true  |
            |   22 | 東京     |  NULL | 2024-03-01 | false |
            | -333 | NULL     |  10.0 | NULL       | NULL  |

            """
        #expect(Fixtures.render(Fixtures.areas, .markdown) == expected)
    }

    /// A line break in a value is `<br>`, the one way to break a line in a table cell; a tab is shown
    /// as the two characters `\t`, whose backslash Markdown then needs escaped.
    @Test func markdownEscapesPipesAndNewlines() {
        let output = Fixtures.render(Fixtures.strings(["a|b", "x\ny", "t\tu"], name: "p|q"), .markdown)
        #expect(output == "| p\\|q   |\n| ------ |\n| a\\|b   |\n| x<br>y |\n| t\\\\tu  |\n")
    }

    @Test func markdownElidesWithEllipsisRow() {
        let output = Fixtures.render(Fixtures.numbers(10), .markdown) { $0.maxRows = 2 }
        #expect(output == "|   n |\n| --: |\n|   1 |\n|   … |\n|  10 |\n")
    }

    @Test func htmlTableHasHeadBodyAndClasses() {
        let expected = """
            <table>
            <caption>Scores &amp; &lt;areas&gt;</caption>
            <thead>
            <tr><th scope="col" class="num">id</th><th scope="col">area</th></tr>
            </thead>
            <tbody>
            <tr><td class="num">1</td><td>Ynys Môn</td></tr>
            <tr><td class="num">2</td><td>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;</td></tr>
            <tr><td class="num null">NULL</td><td class="null">NULL</td></tr>
            </tbody>
            </table>

            """
        let table = Table(
            schema: Schema([Field(name: "id", type: .bigint), Field(name: "area", type: .varchar)]),
            rows: [[.bigint(1), .varchar("Ynys Môn")], [.bigint(2), .varchar("<b>\"x\" & 'y'")], [.null, .null]]
        )
        #expect(Fixtures.render(table, .html) { $0.title = "Scores & <areas>" } == expected)
    }

    @Test func theCallerSaysWhichColumnsArePercentsAndWhichTextCellsGetClasses() {
        let table = Table(
            schema: Schema([Field(name: "x", type: .double), Field(name: "word", type: .varchar)]),
            rows: [[.double(45.04), .varchar("hot")], [.double(2.0 / 3), .varchar("cold")]])
        let output = Fixtures.render(table, .html) {
            $0.columnStyles = { field in
                field.type == .double
                    ? ColumnStyle(display: .percent)
                    : ColumnStyle(textClasses: { $0 == "hot" ? ["warm"] : [] })
            }
        }
        #expect(output.contains("<td class=\"num\">45</td>"))
        #expect(output.contains("<td class=\"num\">0.7</td>"))
        #expect(output.contains("<td class=\"warm\">hot</td>"))
        #expect(output.contains("<td>cold</td>"))
        // Without the caller's word every column is plain.
        #expect(Fixtures.render(table, .html).contains("<td class=\"num\">45.04</td>"))
    }

    @Test func htmlElidedRowAndFooter() {
        let output = Fixtures.render(Fixtures.numbers(10), .html) {
            $0.maxRows = 2
            $0.showRowCount = true
        }
        #expect(output.contains("<tr class=\"elided\"><td colspan=\"1\">… 8 more rows …</td></tr>"))
        #expect(output.contains("<tfoot>\n<tr><td colspan=\"1\">10 rows (2 shown)</td></tr>\n</tfoot>"))
        #expect(output.ranges(of: "<tr><td class=\"num\">").count == 2)
    }

    @Test func lineModeRightAlignsNames() {
        let expected = """
                   id = 1
                 area = Ynys Môn
                score = 3.5
            inspected = 2011-12-01
                 good = true

                   id = 22
                 area = 東京
                score = NULL
            inspected = 2024-03-01
                 good = false

                   id = -333
                 area = NULL
                score = 10.0
            inspected = NULL
                 good = NULL

            """
        #expect(Fixtures.render(Fixtures.areas, .line) == expected)
    }

    @Test func lineModeAlignsWideNames() {
        let table = Table(
            schema: Schema([Field(name: "東京", type: .bigint), Field(name: "abc", type: .bigint)]),
            rows: [[.bigint(1), .bigint(2)]])
        #expect(Fixtures.render(table, .line) == "東京 = 1\n abc = 2\n")
    }

    @Test(arguments: OutputMode.allCases)
    func zeroColumnTablesDoNotCrash(mode: OutputMode) {
        let table = Table(schema: Schema([]), columns: [], rowCount: 0)
        _ = Fixtures.render(table, mode)
    }
}
