import Inspection
import Columnar
import Testing

@testable import Rendering
@testable import Reporting

/// The HTML table's display rules: percent columns, band cells, caption; and the page around it.
@Suite struct HTMLTableTests {
    static func html(_ table: Table, configure: (inout RenderOptions) -> Void = { _ in }) -> String {
        var options = RenderOptions(mode: .html, columnStyles: ReportFixtures.context.columnStyles)
        configure(&options)
        return TableRenderer(options: options).render(table)
    }

    static func column(_ name: String, _ type: DataType, _ values: [Value]) -> Table {
        Table(schema: Schema([Field(name: name, type: type)]), rows: values.map { [$0] })
    }

    @Test(arguments: [
        (45.0, "45"), (43.333, "43.3"), (56.95, "57"), (66.04, "66"), (0.05, "0.1"), (-0.04, "0"), (-2.25, "-2.3"),
        (100, "100"), (1e16, "1e+16"), (Double.nan, "nan"), (Double.infinity, "inf"),
    ])
    func percentColumnsShowAtMostOneDecimal(value: Double, shown: String) {
        let output = Self.html(Self.column("score", .double, [.double(value), .double(50)]))
        #expect(output.contains("<td class=\"num\">\(shown)</td>"))
    }

    @Test func aPercentNamedColumnOfFractionsKeepsItsDigits() {
        let output = Self.html(Self.column("share", .double, [.double(0.456), .double(1), .null, .double(-0.04)]))
        #expect(output.contains("<td class=\"num\">0.456</td>"))
        #expect(output.contains("<td class=\"num\">1</td>"))
        #expect(output.contains("<td class=\"num\">-0.04</td>"))
    }

    @Test(arguments: [
        (45.0, "45"), (0.0001, "0.0001"), (2.0 / 3, "0.666667"), (1e-7, "1e-07"), (1234567.0, "1234567"),
        (65.86666666666666, "65.8667"), (-0.000123456, "-0.000123"), (0, "0"), (1e16, "1e+16"), (Double.nan, "nan"),
    ])
    func otherDoubleColumnsShowSixSignificantDigits(value: Double, shown: String) {
        let output = Self.html(Self.column("value", .double, [.double(value)]))
        #expect(output.contains("<td class=\"num\">\(shown)</td>"))
    }

    @Test func nullPercentCellsAreMarkedNull() {
        let output = Self.html(Self.column("average", .double, [.null])) { $0.nullText = "–" }
        #expect(output.contains("<td class=\"num null\">–</td>"))
    }

    @Test(arguments: [
        ("score", DataType.double, ReportColumns.Kind.percent), ("Score", .double, .percent),
        ("lower_998", .double, .percent), ("upper_95", .double, .percent), ("share", .double, .percent),
        ("diff_high", .double, .percent), ("reoffending_pct", .double, .percent), ("points", .double, .percent),
        ("avg_score", .double, .percent), ("Score 2011", .double, .percent), ("diff low", .double, .percent),
        ("p value", .double, .pValue),
        ("score", .bigint, .plain), ("p_value", .double, .pValue), ("overdispersion_p", .double, .pValue),
        ("design_effect", .double, .significant), ("n", .bigint, .plain),
        ("band", .varchar, .band), ("band_after", .varchar, .band), ("rating", .varchar, .band),
        ("overall", .varchar, .band), ("band", .bigint, .plain), ("area", .varchar, .plain),
    ])
    func theRuleTableDecidesEachColumnsDisplay(name: String, type: DataType, kind: ReportColumns.Kind) {
        #expect(ReportColumns.kind(of: Field(name: name, type: type)) == kind)
    }

    @Test func bandCellsAreClassedAndKeepTheirName() {
        let table = Table(
            schema: Schema([Field(name: "area", type: .varchar), Field(name: "band", type: .varchar)]),
            rows: [
                [.varchar("Harrow"), .varchar("SUBSTANTIAL")],
                [.varchar("Brent"), .varchar("requires_improvement")],
                [.varchar("Good"), .null],
                [.varchar("good"), .varchar("not a band")],
            ])
        let output = Self.html(table)
        #expect(output.contains("<td class=\"band band-substantial\">SUBSTANTIAL</td>"))
        // Band columns accept loose spellings; the text stays as the data has it.
        #expect(output.contains("<td class=\"band band-requires-improvement\">requires_improvement</td>"))
        // Other text columns: exact band names only.
        #expect(output.contains("<td class=\"band band-good\">Good</td>"))
        #expect(output.contains("<td>good</td>"))
        #expect(output.contains("<td>not a band</td>"))
        #expect(output.contains("<td class=\"null\">NULL</td>"))
    }

    @Test func bandClassesWorkForBigDictionaries() {
        // A shared dictionary larger than the column takes the per-row path.
        let big = Column(type: .varchar, values: (0..<50).map { .varchar("v\($0)") } + [.varchar("DRASTIC")])
        let table = Table([("band", big)]).gather([50, 0])
        let output = Self.html(table)
        #expect(output.contains("<td class=\"band band-drastic\">DRASTIC</td>"))
        #expect(output.contains("<td>v0</td>"))
    }

    @Test func captionAndHeadersAreEscaped() {
        let output = Self.html(Self.column("a<b", .bigint, [.bigint(1)])) { $0.title = "Harrow & Brent" }
        #expect(output.contains("<caption>Harrow &amp; Brent</caption>"))
        #expect(output.contains("<th scope=\"col\" class=\"num\">a&lt;b</th>"))
    }

    @Test func theCompareTableReadsLikeTheSeedReport() {
        let table = ChartFixtures.table(
            ["measure", "lowest", "highest", "average", "score", "band"],
            [.varchar, .bigint, .bigint, .double, .double, .varchar],
            [["safeguarding", 28, 83, 56.857, 45.0, "SUBSTANTIAL"]])
        let expected = """
            <table>
            <thead>
            <tr><th scope="col">measure</th><th scope="col" class="num">lowest</th><th scope="col" class="num">highest</th>\
            <th scope="col" class="num">average</th><th scope="col" class="num">score</th><th scope="col">band</th></tr>
            </thead>
            <tbody>
            <tr><td>safeguarding</td><td class="num">28</td><td class="num">83</td><td class="num">56.9</td>\
            <td class="num">45</td><td class="band band-substantial">SUBSTANTIAL</td></tr>
            </tbody>
            </table>

            """
        #expect(Self.html(table) == expected)
    }

    @Test func otherModesAreUnchangedByTheHTMLRules() {
        let table = Self.column("score", .double, [.double(45)])
        #expect(TableRenderer(mode: .csv).render(table) == "score\n45.0\n")
        #expect(TableRenderer(mode: .markdown).render(table).contains("45.0"))
    }

    @Test func thePageIsSelfContainedAndStylesEveryBand() {
        let page = HTMLDocument(title: "Harrow <2011>", bands: ReportFixtures.palette, meta: [("author", "HMI & co")])
            .render(body: "<p>x</p>\n")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(page.contains("<title>Harrow &lt;2011&gt;</title>"))
        #expect(page.contains("<meta name=\"author\" content=\"HMI &amp; co\">"))
        #expect(page.contains("<main>\n<p>x</p>\n</main>\n</body>\n</html>\n"))
        #expect(
            !page.contains("<script") && !page.contains("://") && !page.contains("@import") && !page.contains("url("))
        for band in ReportFixtures.palette.bands {
            #expect(page.contains(".band-\(band.slug) { background: \(band.tint); }"))
            #expect(page.contains(".band-\(band.slug)::before { background: \(band.colour);"))
        }
        for selector in [
            "figure.chart", "figcaption", ".cell ", ".cell-source", ".cell-error", ".cell-message", "pre, code",
        ] {
            #expect(page.contains(selector), "\(selector)")
        }
    }

    @Test func bodyWritersEscapeWithTheSameRules() {
        #expect(HTMLDocument.escape("a < b && \"c\" 'd'") == "a &lt; b &amp;&amp; &quot;c&quot; &#39;d&#39;")
    }

    @Test func aChartFigureHoldsTheSVGAndAnEscapedCaption() throws {
        let chart = try ChartRenderer.charts(ChartFixtures.funnel, kind: .funnel, context: ReportFixtures.context)[0]
        let figure = chart.figure(caption: "Source: synthetic & made up")
        #expect(figure.hasPrefix("<figure class=\"chart\">\n<svg xmlns="))
        #expect(figure.hasSuffix("</svg>\n<figcaption>Source: synthetic &amp; made up</figcaption>\n</figure>\n"))
        #expect(chart.figure() == "<figure class=\"chart\">\n" + chart.svg + "</figure>\n")
    }
}
