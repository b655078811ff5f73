import Inspection
import Columnar
import TestSupport
import Testing

@testable import Rendering
@testable import Reporting

/// SVG charts from the verbs' tables: golden files, well-formedness, text alternatives, errors.
@Suite struct ChartRendererTests {
    /// A fixed table drawn as one kind, with the golden file its charts are checked against.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let table: Table
        let kind: ChartKind
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "bullet-harrow", table: ChartFixtures.compareHarrow, kind: .bullet),
        Case(name: "bullet-two-areas", table: ChartFixtures.twoAreas, kind: .bullet),
        Case(name: "histogram-numeric", table: ChartFixtures.distribution, kind: .histogram),
        Case(name: "histogram-ratings-by-region", table: ChartFixtures.ratingsByRegion, kind: .histogram),
        Case(name: "funnel", table: ChartFixtures.funnel, kind: .funnel),
        Case(name: "line-deltas", table: ChartFixtures.deltas, kind: .line),
        Case(name: "line-undated", table: ChartFixtures.undatedSeries, kind: .line),
        Case(name: "bar-harrow", table: ChartFixtures.compareHarrow, kind: .bar),
    ]

    /// Expected SVGs; `YOTQ_RECORD=1 swift test` re-records them.
    static let golden = GoldenFiles("Tests/ReportingTests/Golden")

    static func charts(_ testCase: Case) throws -> [Chart] {
        try ChartRenderer.charts(testCase.table, kind: testCase.kind, context: ReportFixtures.context)
    }

    @Test(arguments: cases)
    func chartsMatchTheirGoldenFiles(_ testCase: Case) throws {
        for (index, chart) in try Self.charts(testCase).enumerated() {
            try Self.golden.check(chart.svg, named: "\(testCase.name)-\(index + 1).svg")
        }
    }

    @Test(arguments: cases)
    func everyChartIsWellFormedWithATextAlternative(_ testCase: Case) throws {
        for chart in try Self.charts(testCase) {
            let svg = SVGStructure(chart.svg)
            #expect(svg.isWellFormed, "\(svg.error ?? "")")
            #expect(svg.root == "svg")
            let root = svg.elements.first?.attributes ?? [:]
            #expect(root["role"] == "img")
            #expect(root["viewBox"] == "0 0 640 \(root["height"] ?? "")")
            let labelledBy = (root["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
            #expect(labelledBy.count == 2 && labelledBy.allSatisfy(svg.ids.contains))
            #expect(svg.texts["title"] == chart.title)
            #expect(svg.texts["desc"] == chart.textAlternative)
            #expect(chart.textAlternative.count > 40)
        }
    }

    @Test(arguments: cases)
    func chartsHaveNoScriptsOrExternalReferences(_ testCase: Case) throws {
        for chart in try Self.charts(testCase) {
            let svg = SVGStructure(chart.svg)
            #expect(!svg.elements.contains { ["script", "image", "use", "foreignObject", "style"].contains($0.name) })
            #expect(
                !svg.elements.contains { $0.attributes.keys.contains { $0.hasPrefix("on") || $0.contains("href") } })
            #expect(chart.svg.ranges(of: "://").count == 1)  // the SVG namespace only
        }
    }

    @Test func sameTableGivesTheSameBytes() throws {
        let first = try ChartRenderer.charts(ChartFixtures.funnel, kind: .funnel, context: ReportFixtures.context)
        #expect(try ChartRenderer.charts(ChartFixtures.funnel, kind: .funnel, context: ReportFixtures.context) == first)
    }

    @Test func bulletDrawsOneChartPerMeasureWithARowPerArea() throws {
        // Several areas: one chart per measure, a row per area.
        let charts = try ChartRenderer.charts(
            ChartFixtures.twoAreas, kind: .bullet, title: "Board", context: ReportFixtures.context)
        #expect(charts.map(\.title) == ["Board: safeguarding"])
        let text = SVGStructure(charts[0].svg).texts["text"] ?? ""
        #expect(text.contains("Synthetic A") && text.contains("Synthetic B & <Sons>"))
    }

    @Test func namesAreEscapedInTextAndTitles() throws {
        let chart = try ChartRenderer.charts(ChartFixtures.twoAreas, kind: .bullet, context: ReportFixtures.context)[0]
        #expect(chart.svg.contains("<title id=\"") && chart.svg.contains("Synthetic B &amp; &lt;Sons&gt;"))
        #expect(!chart.svg.contains("<Sons>"))
        #expect(SVGStructure(chart.svg).texts["title"] == "safeguarding: each area against its group")
    }

    @Test func barChartsLabelByTheColumnThatVariesAndColourByBand() throws {
        let chart = try ChartRenderer.charts(ChartFixtures.compareHarrow, kind: .bar, context: ReportFixtures.context)[
            0]
        let text = SVGStructure(chart.svg).texts["text"] ?? ""
        // One area's measures: labelled by measure, not by the area repeated.
        #expect(!chart.textAlternative.hasPrefix("Bar chart of score: Harrow"))
        #expect(text.contains("DRASTIC"))
        let drastic = try #require(ReportFixtures.palette.band(named: "DRASTIC"))
        #expect(chart.svg.contains("fill=\"\(drastic.colour)\""))
        #expect(throws: ChartError.self) {
            try ChartRenderer.charts(Table([("n", Column(.bigint([1])))]), kind: .bar, context: ReportFixtures.context)
        }
    }

    @Test func bulletWritesScoresAndBandsAndUnits() throws {
        let chart = try ChartRenderer.charts(
            ChartFixtures.compareHarrow, kind: .bullet, context: ReportFixtures.context)[0]
        let text = SVGStructure(chart.svg).texts["text"] ?? ""
        for words in ["45", "SUBSTANTIAL", "43", "DRASTIC", "53", "Requires improvement", "Score (%)", "Points (0–36)"]
        {
            #expect(text.contains(words), "\(words)")
        }
        #expect(
            chart.textAlternative.contains(
                "Safeguarding work (action to protect the young person): 45% (SUBSTANTIAL), rank 11 of 14; areas range from 28% to 83%, average 56.9%."
            ))
        #expect(chart.textAlternative.contains("17 points (Requires improvement)"))
    }

    @Test func bulletMarkersTakeTheirBandsColourAndShape() throws {
        let svg = try ChartRenderer.charts(ChartFixtures.compareHarrow, kind: .bullet, context: ReportFixtures.context)[
            0
        ].svg
        let drastic = ReportFixtures.palette.band(named: "DRASTIC")!
        #expect(drastic.marker == .triangle)
        #expect(svg.contains("<path d=\"M") && svg.contains("fill=\"\(drastic.colour)\""))
    }

    @Test func funnelNamesThePointsOutsideTheLimits() throws {
        let chart = try ChartRenderer.charts(ChartFixtures.funnel, kind: .funnel, context: ReportFixtures.context)[0]
        #expect(chart.textAlternative.contains("Above the 99.8% limit (1): Synthetic B 90% (n 80)."))
        #expect(chart.textAlternative.contains("Below the 99.8% limit (1): Synthetic C 52% (n 120)."))
        #expect(chart.textAlternative.contains("Above the 95% limit only (1): Synthetic F 76% (n 240)."))
        #expect(chart.textAlternative.contains("Below the 95% limit only (1): Synthetic G 61% (n 280)."))
        #expect(chart.textAlternative.contains("Within the limits: 4."))
        let labels = SVGStructure(chart.svg).texts["text"] ?? ""
        for area in ["Synthetic B", "Synthetic C", "Synthetic F", "Synthetic G"] { #expect(labels.contains(area)) }
        #expect(!labels.contains("Synthetic A"))
    }

    @Test func lineChainsDeltasIntoOneSeriesPerArea() throws {
        let charts = try ChartRenderer.charts(ChartFixtures.deltas, kind: .line, context: ReportFixtures.context)
        #expect(charts.count == 1)
        #expect(charts[0].title == "safeguarding: scores over successive inspections")
        #expect(
            charts[0].textAlternative
                == "Line chart of scores over successive inspections. Synthetic A: 63.4% (2009-12-01), 55.5% "
                + "(2014-03-02), 62.4% (2018-02-07). Synthetic B: 61.6% (2011-03), 70.3% (2016-02-10).")
        #expect(charts[0].svg.contains(">Publication date</text>"))
    }

    @Test func lineFallsBackToInspectionOrderWhenADateIsUnknown() throws {
        let chart = try ChartRenderer.charts(ChartFixtures.undatedSeries, kind: .line, context: ReportFixtures.context)[
            0]
        #expect(chart.svg.contains(">1st</text>") && chart.svg.contains(">2nd</text>"))
        #expect(chart.textAlternative.contains("37% (date unknown), 83% (2012-05)"))
    }

    @Test func aHistogramNeedsOnlyBucketAndCount() throws {
        // A plain SQL result: no framework, measure or group columns (this once indexed an empty list).
        let table = Table(
            schema: Schema([Field(name: "bucket", type: .varchar), Field(name: "count", type: .bigint)]),
            rows: [[.varchar("SUBSTANTIAL"), .bigint(5)], [.varchar("DRASTIC"), .bigint(2)]])
        let charts = try ChartRenderer.charts(table, kind: .histogram, context: ReportFixtures.context)
        #expect(charts.count == 1)
        #expect(charts[0].svg.contains(">SUBSTANTIAL</text>") && charts[0].svg.contains(">DRASTIC</text>"))
    }

    /// Issue 13: counts past 10^15 left the text alternative's counts blank (" counted; a: , b: .").
    @Test func extremeCountsStillHaveTextInTheHistogramsCaption() throws {
        let table = Table(
            schema: Schema([Field(name: "bucket", type: .varchar), Field(name: "count", type: .bigint)]),
            rows: [[.varchar("a"), .bigint(Int64.max)], [.varchar("b"), .bigint(3)]])
        let chart = try ChartRenderer.charts(table, kind: .histogram, context: ReportFixtures.context)[0]
        #expect(chart.textAlternative.contains("a: 9.223372036854776e+18, b: 3."))
        #expect(!chart.textAlternative.contains(": ,"))
        #expect(!chart.textAlternative.contains("  counted"))
    }

    @Test func histogramColoursRatingBarsByBand() throws {
        let svg = try ChartRenderer.charts(
            ChartFixtures.ratingsByRegion, kind: .histogram, context: ReportFixtures.context)[0].svg
        for band in ["Outstanding", "Good", "Requires improvement", "Inadequate"] {
            #expect(svg.contains("fill=\"\(ReportFixtures.palette.band(named: band)!.colour)\""))
        }
        // Every panel lists every rating, absent ones as 0, so the panels line up.
        #expect(svg.ranges(of: ">(no rating)</text>").count == 2)
    }

    @Test(arguments: [
        (ChartKind.bullet, ["area", "measure", "score"], ["lowest", "highest", "average"]),
        (.bullet, ["score", "lowest", "highest", "average"], ["measure or title"]),
        (.histogram, ["group", "share"], ["bucket", "count"]),
        (.funnel, ["area", "n", "score", "national"], ["lower_95", "upper_95", "lower_998", "upper_998"]),
        (.line, ["area", "score"], ["published or date"]),
        (.line, ["before", "after", "before_published"], ["after_published"]),
    ])
    func missingColumnsAreNamed(kind: ChartKind, columns: [String], missing: [String]) {
        let table = Table(
            schema: Schema(columns.map { Field(name: $0, type: .double) }), rows: [columns.map { _ in .double(1) }])
        #expect(throws: ChartError.missingColumns(kind, missing)) {
            try ChartRenderer.charts(table, kind: kind, context: ReportFixtures.context)
        }
    }

    @Test(arguments: ChartKind.allCases)
    func anEmptyTableHasNoRowsToDraw(kind: ChartKind) {
        let fixtures: [ChartKind: Table] = [
            .bullet: ChartFixtures.compareHarrow, .histogram: ChartFixtures.distribution, .funnel: ChartFixtures.funnel,
            .line: ChartFixtures.deltas, .bar: ChartFixtures.compareHarrow,
        ]
        let columns = fixtures[kind]!.schema
        #expect(throws: ChartError.noRows(kind)) {
            try ChartRenderer.charts(Table.empty(columns), kind: kind, context: ReportFixtures.context)
        }
    }

    @Test func rowsWithoutNumbersDrawNothing() {
        let table = ChartFixtures.table(
            ["area", "published", "score"], [.varchar, .varchar, .double], [["Synthetic A", "2012-05", nil]])
        #expect(throws: ChartError.noRows(.line)) {
            try ChartRenderer.charts(table, kind: .line, context: ReportFixtures.context)
        }
    }

    @Test func errorsReadAsSentences() {
        #expect(
            ChartError.missingColumns(.funnel, ["n", "national"]).description
                == "a funnel chart needs the columns n, national")
    }
}
