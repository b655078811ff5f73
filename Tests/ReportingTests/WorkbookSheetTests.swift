import Columnar
import Reporting
import Testing
import Workbooks

/// A result table as a workbook sheet looks as the HTML table does: band cells tinted with their band's
/// colours, percent columns with one decimal.
@Suite struct WorkbookSheetTests {
    @Test func bandCellsTakeTheHTMLTintsAndPercentsOneDecimal() {
        let context = ReportFixtures.context
        let table = Table([
            ("measure", Column(type: .varchar, values: [.varchar("safeguarding")])),
            ("score", Column(type: .double, values: [.double(45.25)])),
            ("band", Column(type: .varchar, values: [.varchar("SUBSTANTIAL improvement required")])),
            ("note", Column(type: .varchar, values: [.varchar("Good")])),
        ])
        let sheet = context.workbookSheet(table, name: "S")
        let substantial = context.palette.band(matching: "SUBSTANTIAL")!
        #expect(
            sheet.textLooks[2]?("SUBSTANTIAL improvement required")
                == CellLook(fill: substantial.tint, swatch: substantial.colour))
        #expect(sheet.textLooks[2]?("not a band") == nil)
        // Other text columns: a band spelled exactly, as in the HTML tables.
        let good = context.palette.band(named: "Good")!
        #expect(sheet.textLooks[3]?("Good") == CellLook(fill: good.tint, swatch: good.colour))
        #expect(sheet.textLooks[0]?("safeguarding") == nil)
        #expect(sheet.decimals == [nil, 1, nil, nil])
    }
}
