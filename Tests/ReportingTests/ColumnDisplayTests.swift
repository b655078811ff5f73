import Columnar
import Rendering
import Testing
@testable import Reporting

/// Display rounding happens in the renderers, by column: percents to one decimal and p-values to three
/// significant digits in the grid (box/table), Markdown and HTML modes; CSV and JSON keep full precision.
@Suite struct ColumnDisplayTests {
    static func render(_ mode: OutputMode, _ table: Table) -> String {
        TableRenderer(options: RenderOptions(mode: mode, columnStyles: ReportFixtures.context.columnStyles)).render(
            table)
    }

    static let table = Table(
        schema: Schema([
            Field(name: "score", type: .double), Field(name: "p_value", type: .double),
            Field(name: "design_effect", type: .double),
        ]),
        rows: [
            [.double(56.92307692307692), .double(0.008258287929380758), .double(1.4285714285714286)],
            [.double(45), .double(2.0681e-05), .double(1)],
            [.double(100.0 / 3), .double(0), .null],
            [.double(12.25), .double(0.04998), .double(1.8)],
        ])

    @Test(arguments: [OutputMode.box, .table, .markdown, .html])
    func percentsShowOneDecimalAndPValuesThreeSignificantDigits(mode: OutputMode) {
        let text = Self.render(mode, Self.table)
        // 0.04998 keeps the digits that keep it below 0.05 (three significant digits would say 0.05).
        for shown in ["56.9", "45", "33.3", "12.3", "0.00826", "0.04998", "1.42857", "1.8"] {
            #expect(text.contains(shown), "\(mode) shows \(shown)")
        }
        // Never a bare 0 for a p-value: an underflow shows as a bound; a paper (HTML) says `< 0.001`.
        if mode == .html {
            #expect(text.contains("&lt; 0.001") && !text.contains("2.07e-05"))
        } else {
            #expect(text.contains("<1e-300") && text.contains("2.07e-05"))
        }
        #expect(!text.contains("56.92307"))
    }

    @Test(arguments: [OutputMode.csv, .json])
    func csvAndJSONKeepFullPrecision(mode: OutputMode) {
        let text = Self.render(mode, Self.table)
        #expect(text.contains("56.92307692307692"))
        #expect(text.contains("0.008258287929380758"))
        #expect(text.contains("2.0681e-05"))
    }

    @Test(arguments: [
        (0.5, "0.5"), (1.0, "1"), (0.05, "0.05"), (0.049949, "0.0499"), (0.049996, "0.049996"), (0.0100004, "0.01"),
        (0.00999, "0.00999"), (0.001, "0.001"), (0.000999, "9.99e-04"),
        (2.0681e-05, "2.07e-05"), (1.3071845366763019e-05, "1.31e-05"), (9.996e-10, "1e-09"),
        (1e-200, "1e-200"), (0.0, "<1e-300"),
    ])
    func pValueText(value: Double, shown: String) {
        let table = Table(schema: Schema([Field(name: "p_value", type: .double)]), rows: [[.double(value)]])
        #expect(Self.render(.csv, table) != "")
        let box = Self.render(.table, table)
        #expect(box.contains(" " + shown + " "), "\(value) → \(box)")
    }
}
