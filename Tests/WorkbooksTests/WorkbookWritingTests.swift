import Foundation
import Testing
import Columnar
@testable import Workbooks

@Suite struct WorkbookWritingTests {
    static let table = Table([
        (
            "area",
            Column(
                type: .varchar,
                values: [
                    .varchar("Harrow"), .varchar("Brent"), .null, .varchar("Ünïcödé & <tags>"), .varchar("two\nlines"),
                    .varchar("  spaced  "),
                ])
        ),
        (
            "score",
            Column(
                type: .bigint,
                values: [.bigint(36), .bigint(-41), .bigint(0), .null, .bigint(9_007_199_254_740_991), .bigint(1)])
        ),
        (
            "share",
            Column(
                type: .double,
                values: [.double(0.75), .double(1e-9), .double(-2.5), .double(123456.789), .null, .double(1e20)])
        ),
        (
            "inspected",
            Column(
                type: .date,
                values: [
                    date("2011-12-05"), date("1900-03-01"), date("2024-02-29"), .null, date("9999-12-31"),
                    date("1970-01-01"),
                ])
        ),
        (
            "good",
            Column(
                type: .boolean,
                values: [.boolean(true), .boolean(false), .null, .boolean(true), .boolean(false), .boolean(true)])
        ),
        (
            "band",
            Column(
                type: .varchar,
                values: [
                    .varchar("Good"), .varchar("Outstanding"), .varchar("Good"), .null, .varchar("Inadequate"),
                    .varchar("Good"),
                ])
        ),
    ])

    @Test(arguments: WorkbookFormat.allCases)
    func roundTrip(_ format: WorkbookFormat) throws {
        let path = temporaryPath("round.\(format.rawValue)")
        let looks: [(@Sendable (String) -> CellLook?)?] = [
            nil, nil, nil, nil, nil, { $0 == "Good" ? CellLook(fill: "#C7E0EE", swatch: "#0072B2") : nil },
        ]
        try WorkbookWriter.write(
            [
                WorkbookSheet(name: "Scores", table: Self.table, textLooks: looks),
                WorkbookSheet(name: "Second", table: Self.table, header: false),
            ],
            to: path, format: format)
        let read = try WorkbookReader.read(path: path, format: format)
        #expect(read.warnings.isEmpty)
        #expect(read.table.schema == Self.table.schema)
        #expect(read.table.rows == Self.table.rows)
        let second = try WorkbookReader.read(
            path: path, format: format, options: SheetOptions(sheet: "Second", header: false))
        #expect(second.table.rows == Self.table.rows)
        #expect(try WorkbookReader.sheetNames(path: path, format: format) == ["Scores", "Second"])
    }

    @Test(arguments: WorkbookFormat.allCases)
    func titleAndNotesAreSkippedOnTheWayBack(_ format: WorkbookFormat) throws {
        let path = temporaryPath("titled.\(format.rawValue)")
        try WorkbookWriter.write(
            [WorkbookSheet(name: "T", table: Self.table, title: "Scores by area", notes: ["SELECT * FROM scores"])],
            to: path, format: format)
        let read = try WorkbookReader.read(path: path, format: format)
        #expect(read.table.rows == Self.table.rows)
        #expect(
            read.warnings.first?.hasPrefix(
                "skipped rows 1–2 of T above the header ('Scores by area', 'SELECT * FROM scores')") == true)
        let exact = try WorkbookReader.read(
            path: path, format: format, options: SheetOptions(range: CellRange("A3:F9")))
        #expect(exact.table.rows == Self.table.rows)
    }

    @Test func sheetNamesAreMadeValidAndUnique() {
        #expect(
            SheetNames.fitted(["a/b", "A/B", "", String(repeating: "x", count: 40)]) == [
                "a_b", "A_B (2)", "Sheet3", String(repeating: "x", count: 31),
            ])
    }

    @Test func xlsxHasAFrozenBoldHeaderWidthsAndBandFills() throws {
        var styles = StyleTable()
        var strings = SharedStrings()
        let looks: [(@Sendable (String) -> CellLook?)?] = [
            nil, nil, nil, nil, nil, { $0 == "Good" ? CellLook(fill: "#C7E0EE", swatch: "#0072B2") : nil },
        ]
        let xml = String(
            decoding: XLSXWriter.worksheet(
                WorkbookSheet(name: "S", table: Self.table, textLooks: looks), styles: &styles, strings: &strings),
            as: UTF8.self)
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<autoFilter ref=\"A1:F7\"/>"))
        #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"17.7\" customWidth=\"1\"/>"))  // "Ünïcödé & <tags>"
        #expect(xml.contains("<c r=\"E2\" t=\"b\"><v>1</v></c>"))
        #expect(xml.contains("<c r=\"D2\" s=\"2\"><v>40882</v></c>"))  // 2011-12-05, date style
        let stylesXML = String(decoding: styles.xml(), as: UTF8.self)
        #expect(stylesXML.contains("<fgColor rgb=\"FFC7E0EE\"/>"))
        #expect(stylesXML.contains("<left style=\"thick\"><color rgb=\"FF0072B2\"/></left>"))
        #expect(
            stylesXML.contains(
                "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"))
    }

    @Test func aFailedWriteLeavesTheOldFile() throws {
        let path = temporaryPath("kept.xlsx")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) {
            try WorkbookWriter.write(
                [WorkbookSheet(name: "S", table: Self.table)], to: path + "/nope/x.xlsx", format: .xlsx)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }
}

@Suite struct WorkbookScaleTests {
    /// 40,000 rows: a reader that copied its grid per row (as the ODS reader once did) takes minutes.
    @Test(.timeLimit(.minutes(1)), arguments: WorkbookFormat.allCases)
    func fortyThousandRowsRoundTrip(_ format: WorkbookFormat) throws {
        let n = 40_000
        let table = Table([
            ("id", Column(.bigint((0..<n).map { Int64($0) }))),
            ("x", Column(.double((0..<n).map { Double($0) / 8 }))),
        ])
        let path = temporaryPath("scale.\(format.rawValue)")
        try WorkbookWriter.write([WorkbookSheet(name: "S", table: table)], to: path, format: format)
        let read = try WorkbookReader.read(path: path, format: format)
        #expect(read.table.rowCount == n)
        #expect(read.table.rows == table.rows)
    }
}
