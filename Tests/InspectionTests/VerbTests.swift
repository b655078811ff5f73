import Columnar
import Testing
@testable import Inspection

/// The verbs as pure functions over small hand-made tables.
@Suite struct VerbTests {
    static let areas = InspectionFixture.areas([
        ("a", "Alpha", "London"), ("b", "Beta", "London"), ("c", "Gamma", "Wales"), ("d", "Delta", "Wales"),
    ])
    static let inspections = InspectionFixture.inspections([
        ("a1", "a", "CCI", "2010-05"), ("a2", "a", "CCI-RE", "2011-07-01"), ("b1", "b", "CCI", "2011"),
        ("c1", "c", "CCI", "2010-02-01"), ("d1", "d", "CCI", "2012-10"), ("a3", "a", "YOUTH-2018", "2020-03-01"),
    ])
    static let scores = InspectionFixture.scores([
        ("a1", "safeguarding", 40, nil), ("a1", "risk_of_harm", 50, nil), ("a2", "safeguarding", 70, nil),
        ("a2", "risk_of_harm", 55, nil), ("b1", "safeguarding", 60, nil), ("b1", "risk_of_harm", 30, "DRASTIC"),
        ("c1", "safeguarding", 50, nil), ("c1", "risk_of_harm", 80, nil), ("d1", "safeguarding", 90, nil),
        ("a3", "overall", nil, "Good"),
    ])

    func data() throws -> InspectionData {
        try InspectionFixture.data(areas: Self.areas, inspections: Self.inspections, scores: Self.scores)
    }

    func date(_ text: String) -> Date32 { Date32(iso: text)! }

    @Test func compareUsesEachAreasLatestInspectionToDate() throws {
        let table = try CompareVerb.run(areas: ["alpha"], options: VerbOptions(asOf: date("2011-12-31")), data: data())
        let column = { InspectionFixture.column(table, $0) }
        // Safeguarding to date: Alpha 70 (re-inspection), Beta 60, Gamma 50; Delta not yet inspected.
        #expect(column("measure") == ["safeguarding", "risk_of_harm"])
        let rounded = { InspectionFixture.rounded(table, $0) }
        #expect(rounded("lowest") == ["50", "30"])
        #expect(rounded("highest") == ["70", "80"])
        #expect(rounded("average") == ["60", "55"])
        #expect(column("average_of") == ["mean of area scores", "mean of area scores"])
        #expect(column("group") == ["all", "all"])
        #expect(column("areas") == ["3", "3"])
        #expect(rounded("score") == ["70", "55"])
        #expect(column("rank") == ["1", "2"])
        // Percentile: areas below plus half the ties, over 3: (2 + 0.5)/3 and (1 + 0.5)/3.
        #expect(InspectionFixture.numbers(table, "percentile") == [250.0 / 3, 50])
        #expect(column("band") == ["MODERATE", "SUBSTANTIAL"])
        // The CCI cut-points are inferred from printed pairs, and the band says so.
        #expect(column("band_source") == ["inferred rule", "inferred rule"])
        // Statistic columns are DOUBLE whatever the data (here every value is whole).
        #expect(table.schema.fields.first { $0.name == "average" }?.type == .double)
        #expect(table.schema.fields.first { $0.name == "score" }?.type == .double)
    }

    @Test func compareWithinRegion() throws {
        let table = try CompareVerb.run(areas: ["Gamma"], options: VerbOptions(within: "region"), data: data())
        #expect(InspectionFixture.column(table, "areas") == ["2", "1"])
        #expect(throws: InspectionError.self) {
            try CompareVerb.run(areas: ["Gamma"], options: VerbOptions(within: "planet"), data: data())
        }
    }

    @Test func anUnknownAreaListsCandidates() throws {
        do {
            _ = try ProfileVerb.run(area: "Alfa", options: VerbOptions(), data: data())
            Issue.record("expected an error")
        } catch let error as InspectionError {
            #expect(error.candidates.contains("Alpha"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func triggersLookAtTheLatestInspectionOfAnyFramework() throws {
        let early = try TriggersVerb.run(options: VerbOptions(asOf: date("2010-12-31")), data: data())
        #expect(InspectionFixture.column(early, "area") == ["Alpha"])
        #expect(InspectionFixture.column(early, "fired_by") == ["safeguarding 40 DRASTIC (band by inferred rule)"])
        #expect(InspectionFixture.column(early, "status") == ["fired"])
        let later = try TriggersVerb.run(options: VerbOptions(asOf: date("2012-12-31")), data: data())
        // Alpha's re-inspection (70 / 55) clears it; Beta's printed DRASTIC fires.
        #expect(InspectionFixture.column(later, "area") == ["Beta"])
        #expect(InspectionFixture.column(later, "rule_status") == ["inferred"])
        // Today Alpha's latest is a youth inspection (no trigger rule there: no row); the others' latest
        // are CCI inspections, whose rules applied up to the end of 2012 only: not judged, and why.
        let today = try TriggersVerb.run(options: VerbOptions(), data: data())
        #expect(InspectionFixture.column(today, "area") == ["Beta", "Gamma", "Delta"])
        #expect(InspectionFixture.column(today, "status") == ["not judged", "not judged", "not judged"])
        #expect(InspectionFixture.column(today, "reason").allSatisfy { $0.contains("2009-04-01 to 2012-12-31") })
    }

    @Test func rangesGiveQuartilesByInterpolation() throws {
        let table = try RangesVerb.run(measure: "Safeguarding", options: VerbOptions(), data: data())
        // Latest safeguarding: 50, 60, 70, 90. Type-7 quartiles: q1 = 50 + 0.75·10 = 57.5, median 65,
        // q3 = 70 + 0.25·20 = 75; average 67.5.
        #expect(
            table.row(0).map(\.description) == [
                "cci-2009", "safeguarding", "all", "4", "50.0", "57.5", "65.0", "75.0", "90.0", "67.5",
                "mean of area scores",
            ])
        let byCountry = try RangesVerb.run(measure: "RoH", options: VerbOptions(by: "country"), data: data())
        #expect(InspectionFixture.column(byCountry, "group") == ["England", "Wales"])
        #expect(throws: InspectionError.self) {
            try RangesVerb.run(measure: "overall", options: VerbOptions(), data: data())
        }
    }

    @Test func distributionCountsRatingsOrBins() throws {
        let ratings = try DistributionVerb.run(measure: "overall", options: VerbOptions(), data: data())
        #expect(
            InspectionFixture.column(ratings, "bucket") == [
                "Outstanding", "Good", "Requires improvement", "Inadequate",
            ])
        #expect(InspectionFixture.column(ratings, "count") == ["0", "1", "0", "0"])
        let bins = try DistributionVerb.run(measure: "safeguarding", options: VerbOptions(width: 25), data: data())
        // 50, 60, 70, 90 in [50,75) [75,100]
        #expect(InspectionFixture.column(bins, "bucket") == ["[50, 75)", "[75, 100]"])
        #expect(InspectionFixture.column(bins, "count") == ["3", "1"])
        // BINS n gives exactly n buckets from the lowest to the highest score: 50–90 in 4 × 10.
        let four = try DistributionVerb.run(measure: "safeguarding", options: VerbOptions(bins: 4), data: data())
        #expect(InspectionFixture.column(four, "bucket") == ["[50, 60)", "[60, 70)", "[70, 80)", "[80, 90]"])
        #expect(InspectionFixture.column(four, "count") == ["1", "1", "1", "1"])
        #expect(throws: InspectionError.self) {
            try DistributionVerb.run(measure: "safeguarding", options: VerbOptions(width: 0), data: data())
        }
    }

    @Test func frameworksResolveByIdPrefixOrProgramme() throws {
        let data = try data()
        #expect(try data.resolveFramework("youth").id == "youth-2018")
        #expect(try data.resolveFramework("CCI-RE").id == "cci-2009")
        #expect(throws: InspectionError.self) { try data.resolveFramework("ofsted") }
    }

    @Test func deltasCarryTheTwoProportionTestWhereNIsKnown() throws {
        let raw = try InspectionData(
            frameworks: InspectionFixture.frameworks, areas: Self.areas, inspections: Self.inspections, scores: nil)
        let pooled = [
            PooledScore(inspectionID: "a1", measure: "safeguarding", sufficient: 48, applicable: 80),
            PooledScore(inspectionID: "a2", measure: "safeguarding", sufficient: 56, applicable: 70),
        ]
        let united = ScoreTable.unite(
            existing: [], pooled: pooled, inspections: raw.inspections, frameworks: InspectionFixture.frameworks)
        let counted = InspectionData(
            frameworks: raw.frameworks, areas: raw.areas, inspections: raw.inspections, scores: united)
        let table = try DeltasVerb.run(area: "Alpha", measure: "safeguarding", options: VerbOptions(), data: counted)
        #expect(table.rowCount == 1)
        // Newcombe's example: 48/80 → 56/70 is +20 points; Miettinen–Nurminen 95% CI 5.28 to 33.82
        // (ProportionDifferenceTests), score test p = 0.008258 (statsmodels test_proportions_2indep).
        let row = Dictionary(uniqueKeysWithValues: zip(table.schema.names, table.row(0).map(\.description)))
        let number = { (name: String) in InspectionFixture.numbers(table, name)[0]! }
        #expect(number("before") == 60)
        #expect(number("after") == 80)
        #expect(number("points") == 20)
        #expect(abs(number("diff_low") - 5.282971324584467) < 1e-9)
        #expect(abs(number("diff_high") - 33.81729400158684) < 1e-9)
        // Full precision, never rounded (statsmodels: 0.008258287929380758).
        #expect(abs(number("p_value") - 0.008258287929380758) < 1e-12)
        #expect(row["method"] == "Miettinen-Nurminen score")
        #expect(row["n_before"] == "80")
        // MODERATE (60) → MINIMUM (80), but MINIMUM's cut-point is a placeholder: no movement is claimed.
        #expect(row["band_source_after"] == "placeholder rule")
        #expect(row["movement"] == "NULL")
    }

    @Test func funnelNeedsNAndFlagsAgainstTheNationalProportion() throws {
        #expect(throws: InspectionError.self) {
            try FunnelVerb.run(measure: "safeguarding", options: VerbOptions(), data: self.data())
        }
        let raw = try InspectionData(
            frameworks: InspectionFixture.frameworks, areas: Self.areas, inspections: Self.inspections, scores: nil)
        let pooled = [
            PooledScore(inspectionID: "b1", measure: "safeguarding", sufficient: 50, applicable: 100),
            PooledScore(inspectionID: "c1", measure: "safeguarding", sufficient: 20, applicable: 100),
            PooledScore(inspectionID: "d1", measure: "safeguarding", sufficient: 80, applicable: 100),
        ]
        let united = ScoreTable.unite(
            existing: [], pooled: pooled, inspections: raw.inspections, frameworks: InspectionFixture.frameworks)
        let counted = InspectionData(
            frameworks: raw.frameworks, areas: raw.areas, inspections: raw.inspections, scores: united)
        let table = try FunnelVerb.run(measure: "safeguarding", options: VerbOptions(adjust: "none"), data: counted)
        // National 150/300 = 0.5; n = 100: 95% limits 40.2–59.8, 99.8% 34.5–65.5.
        #expect(InspectionFixture.rounded(table, "national") == ["50", "50", "50"])
        #expect(InspectionFixture.column(table, "national_of").allSatisfy { $0.hasPrefix("pooled") })
        #expect(InspectionFixture.rounded(table, "lower_95") == ["40.2", "40.2", "40.2"])
        #expect(InspectionFixture.rounded(table, "upper_998") == ["65.5", "65.5", "65.5"])
        #expect(InspectionFixture.column(table, "position") == ["within", "below 99.8%", "above 99.8%"])
        #expect(InspectionFixture.column(table, "adjustment") == ["none", "none", "none"])
    }

    @Test func profileShowsAWilsonIntervalWhereNIsKnown() throws {
        let raw = try InspectionData(
            frameworks: InspectionFixture.frameworks, areas: Self.areas, inspections: Self.inspections, scores: nil)
        let pooled = [PooledScore(inspectionID: "b1", measure: "safeguarding", sufficient: 45, applicable: 100)]
        let united = ScoreTable.unite(
            existing: [], pooled: pooled, inspections: raw.inspections, frameworks: InspectionFixture.frameworks)
        let counted = InspectionData(
            frameworks: raw.frameworks, areas: raw.areas, inspections: raw.inspections, scores: united)
        let table = try ProfileVerb.run(area: "beta", options: VerbOptions(), data: counted)
        let row = Dictionary(uniqueKeysWithValues: zip(table.schema.names, table.row(0).map(\.description)))
        #expect(row["score"] == "45.0")
        #expect(row["n"] == "100")
        // statsmodels 0.15.0 proportion_confint(45, 100, method="wilson"): (0.3561453797951198, 0.5475539700255787)
        #expect(abs(InspectionFixture.numbers(table, "ci_low")[0]! - 35.61453797951198) < 1e-9)
        #expect(abs(InspectionFixture.numbers(table, "ci_high")[0]! - 54.75539700255787) < 1e-9)
        #expect(row["band"] == "SUBSTANTIAL")
        #expect(row["band_source"] == "inferred rule")
    }
}
