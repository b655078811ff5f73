import Columnar
import Testing

@testable import Rendering

@Suite struct GridRendererTests {
    @Test func boxShowsTypesRightAlignsNumbersAndCountsRows() {
        let expected = """
            ┌────────┬──────────┬────────┬────────────┬─────────┐
            │   id   │   area   │ score  │ inspected  │  good   │
            │ bigint │ varchar  │ double │    date    │ boolean │
            ├────────┼──────────┼────────┼────────────┼─────────┤
            │      1 │ Ynys Môn │    3.5 │ 2011-12-01 │ true    │
            │     22 │ 東京     │   NULL │ 2024-03-01 │ false   │
            │   -333 │ NULL     │   10.0 │ NULL       │ NULL    │
            └────────┴──────────┴────────┴────────────┴─────────┘
            3 rows

            """
        #expect(Fixtures.render(Fixtures.areas, .box) == expected)
    }

    @Test func asciiTableHasNoTypeRow() {
        let expected = """
            +------+----------+-------+------------+-------+
            |  id  |   area   | score | inspected  | good  |
            +------+----------+-------+------------+-------+
            |    1 | Ynys Môn |   3.5 | 2011-12-01 | true  |
            |   22 | 東京     |  NULL | 2024-03-01 | false |
            | -333 | NULL     |  10.0 | NULL       | NULL  |
            +------+----------+-------+------------+-------+
            3 rows

            """
        #expect(Fixtures.render(Fixtures.areas, .table) == expected)
    }

    @Test func singleRowSaysRow() {
        let output = Fixtures.render(Fixtures.numbers(1), .table)
        #expect(output.hasSuffix("\n1 row\n"))
    }

    @Test func elidedRowsShowFirstAndLastHalves() {
        let expected = """
            ┌──────────────────┐
            │        n         │
            │      bigint      │
            ├──────────────────┤
            │                1 │
            │                2 │
            │ … 96 more rows … │
            │               99 │
            │              100 │
            └──────────────────┘
            100 rows (4 shown)

            """
        #expect(Fixtures.render(Fixtures.numbers(100), .box) { $0.maxRows = 4 } == expected)
    }

    @Test func oddMaxRowsShowsOneMoreAtTheTop() {
        let output = Fixtures.render(Fixtures.numbers(10), .table) { $0.maxRows = 3 }
        let body = output.split(separator: "\n").filter { $0.hasPrefix("|") }.map { $0.filter { $0 != " " } }
        #expect(body == ["|n|", "|1|", "|2|", "|…7morerows…|", "|10|"])
        #expect(output.hasSuffix("10 rows (3 shown)\n"))
    }

    @Test func defaultMaxRowsIsForty() {
        let output = Fixtures.render(Fixtures.numbers(1000), .box)
        #expect(output.contains("… 960 more rows …"))
        #expect(output.hasSuffix("1000 rows (40 shown)\n"))
        #expect(!Fixtures.render(Fixtures.numbers(40), .box).contains("more rows"))
    }

    @Test func unicodeCellsAlignByDisplayWidth() {
        let table = Fixtures.strings([
            "Ynys Môn", "Ynys Mo\u{302}n", "東京", "e\u{301}e\u{301}", "👨\u{200D}👩\u{200D}👧", "ＡＢＣ",
        ])
        for mode in [OutputMode.box, .table] {
            let lines = Fixtures.render(table, mode).split(separator: "\n").dropLast()
            let widths = Set(lines.map { DisplayWidth.of($0) })
            #expect(widths.count == 1, "\(mode) lines differ in width: \(lines)")
        }
    }

    @Test(arguments: [12, 20, 25, 30, 40, 55, 80])
    func maxWidthIsNeverExceeded(maxWidth: Int) {
        let wide = Table(
            schema: Schema([
                Field(name: "identifier", type: .bigint),
                Field(name: "local_authority_name", type: .varchar),
                Field(name: "comment", type: .varchar),
            ]),
            rows: [
                [.bigint(1), .varchar("Ynys Môn"), .varchar("東京都の非常に長いコメントがここにあります")],
                [.bigint(123_456_789), .varchar("Rhondda Cynon Taf"), .varchar("a long comment that goes on and on")],
            ])
        let output = Fixtures.render(wide, .box) { $0.maxWidth = maxWidth }
        for line in output.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= maxWidth, "\(line)")
        }
    }

    @Test func narrowTerminalTruncatesCellsAndDropsColumns() {
        let output = Fixtures.render(Fixtures.areas, .box) { $0.maxWidth = 40 }
        #expect(output.contains("│ Ynys M… │"))
        #expect(output.contains("2011-1…"))
        #expect(!output.contains("good"))
        #expect(output.hasSuffix("3 rows, 1 more column\n"))
    }

    @Test func emptyResultKeepsHeader() {
        let output = Fixtures.render(Table.empty(Schema([Field(name: "a", type: .varchar)])), .table)
        #expect(output == "+---+\n| a |\n+---+\n+---+\n0 rows\n")
    }

    @Test func headersCanBeHidden() {
        let output = Fixtures.render(Fixtures.numbers(2), .box) {
            $0.showHeaders = false
            $0.showRowCount = false
        }
        #expect(output == "┌───┐\n│ 1 │\n│ 2 │\n└───┘\n")
    }

    @Test func colourOnlyWhenAsked() {
        let plain = Fixtures.render(Fixtures.areas, .box)
        #expect(!plain.contains("\u{1B}"))
        let coloured = Fixtures.render(Fixtures.areas, .box) { $0.colour = true }
        #expect(coloured.contains("\u{1B}[2mNULL\u{1B}[22m"))
        let stripped = coloured.replacing("\u{1B}[2m", with: "").replacing("\u{1B}[22m", with: "")
        #expect(stripped == plain)
    }

    @Test func controlCharactersCannotBreakTheGrid() {
        let output = Fixtures.render(Fixtures.strings(["two\nlines", "\u{1B}[2J"]), .table)
        #expect(output.contains("| two\\nlines |"))
        #expect(!output.contains("\u{1B}"))
        #expect(output.split(separator: "\n").count == 7)
    }

    @Test func customNullText() {
        let output = Fixtures.render(Fixtures.strings([nil]), .table) { $0.nullText = "∅" }
        #expect(output.contains("| ∅ |"))
    }
}

extension GridRendererTests {
    @Test func hugeCellIsTruncatedQuickly() {
        let table = Fixtures.strings([String(repeating: "Môn ", count: 250_000)])
        let output = Fixtures.render(table, .box) { $0.maxWidth = 30 }
        #expect(output.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(output.contains("│ Môn Môn Môn Môn Môn Môn M… │"))
    }
}
