import Columnar
import Testing
@testable import Inspection

@Suite struct ScoreTableTests {
    let areas = InspectionFixture.areas([("a", "Alpha", "London"), ("b", "Beta", "Wales")])

    @Test func publishedScoresWithoutBandsGetThemFromTheFrameworkRuleMarkedSo() throws {
        let data = try InspectionFixture.data(
            areas: areas,
            inspections: InspectionFixture.inspections([("i1", "a", "CCI", "2011-06")]),
            scores: InspectionFixture.scores([
                ("i1", "safeguarding", 65, nil), ("i1", "risk_of_harm", 44, nil),
                ("i1", "likelihood_of_reoffending", 44, "SUBSTANTIAL"),
            ]))
        let byMeasure = Dictionary(uniqueKeysWithValues: data.scores.map { ($0.measure, $0) })
        #expect(byMeasure["safeguarding"]?.band == "MODERATE")
        #expect(byMeasure["safeguarding"]?.bandSource == "inferred rule")
        #expect(byMeasure["risk_of_harm"]?.band == "DRASTIC")
        // A printed band always wins, even against the inferred cut-points.
        #expect(byMeasure["likelihood_of_reoffending"]?.band == "SUBSTANTIAL")
        #expect(byMeasure["likelihood_of_reoffending"]?.bandSource == "published")
        #expect(data.scores.allSatisfy { $0.source == "published" })
    }

    @Test func youthTotalIsTheSumOfTwelveStandardsAndOverallItsBand() throws {
        // Ratings Good ×6, Requires improvement ×6 → 6·2 + 6·1 = 18 → Requires improvement (7–18).
        let standards = (1...4).map { "s1.\($0)" } + (1...4).map { "s2.\($0)" } + (1...4).map { "s3.\($0)" }
        let rows =
            standards.enumerated().map { i, s in
                ("y1", s, Double?.none, Optional(i < 6 ? "Good" : "Requires improvement"))
            }
            + [("y1", "resettlement", nil, "Outstanding"), ("y2", "total", 19, nil)]
        let data = try InspectionFixture.data(
            areas: areas,
            inspections: InspectionFixture.inspections([
                ("y1", "a", "YOUTH-2018", "2022-01-10"), ("y2", "b", "YOUTH-2018", "2023"),
            ]),
            scores: InspectionFixture.scores(rows))
        let total = try #require(data.score("y1", "total"))
        #expect(total.score == 18)
        #expect(total.source == "computed")
        #expect(total.band == "Requires improvement")
        let overall = try #require(data.score("y1", "overall"))
        #expect(overall.band == "Requires improvement")
        #expect(overall.source == "computed")
        #expect(overall.bandSource == "inferred rule")  // 0–6 / 7–18 / 19–30 / 31–36 are inferred
        // A printed total without a rating: 19 → Good, the tightly pinned 18/19 boundary.
        #expect(data.score("y2", "overall")?.band == "Good")
        #expect(data.score("y2", "total")?.source == "published")
        // Each standard's points come from its printed rating.
        #expect(data.score("y1", "s1.1")?.score == 2)
        #expect(data.score("y1", "s3.4")?.score == 1)
    }

    @Test func aTotalIsNotComputedFromSomeStandardsOnly() throws {
        let data = try InspectionFixture.data(
            areas: areas, inspections: InspectionFixture.inspections([("y1", "a", "YOUTH-2018", "2022")]),
            scores: InspectionFixture.scores([("y1", "s1.1", nil, "Good"), ("y1", "s1.2", nil, "Good")]))
        #expect(data.score("y1", "total") == nil)
        #expect(data.score("y1", "overall") == nil)
    }

    @Test func unitingTwiceGivesTheSameRows() throws {
        let data = try InspectionFixture.data(
            areas: areas,
            inspections: InspectionFixture.inspections([("i1", "a", "CCI", "2011"), ("y2", "b", "YOUTH-2018", "2023")]),
            scores: InspectionFixture.scores([
                ("i1", "safeguarding", 50, nil), ("y2", "total", 30, nil), ("y2", "s1.1", nil, "Good"),
            ]))
        let table = ScoreTable.table(data.scores)
        let again = try InspectionData(
            frameworks: InspectionFixture.frameworks, areas: areas,
            inspections: InspectionFixture.inspections([("i1", "a", "CCI", "2011"), ("y2", "b", "YOUTH-2018", "2023")]),
            scores: table)
        let reunited = ScoreTable.unite(
            existing: again.scores, pooled: [], inspections: again.inspections, frameworks: InspectionFixture.frameworks
        )
        #expect(reunited == data.scores)
    }
}

/// Cases, design effect and effective n travel from the judgements into the `scores` table and back.
@Suite struct ScoreTableClusteringTests {
    @Test func clusteringColumnsSurviveUnitingAndReloading() throws {
        let areas = InspectionFixture.areas([("a", "Alpha", "London")])
        let inspections = InspectionFixture.inspections([("i1", "a", "CCI", "2011-06")])
        let raw = try InspectionData(
            frameworks: InspectionFixture.frameworks, areas: areas, inspections: inspections, scores: nil)
        let clustered = try #require(
            ClusteredProportion(
                cases: [(4, 4), (4, 3), (4, 1), (4, 0), (3, 2)].map {
                    (judgements: $0.0, sufficient: $0.1)
                }))
        let pooled = [
            PooledScore(
                inspectionID: "i1", measure: "safeguarding", sufficient: 10, applicable: 19, clustered: clustered)
        ]
        let united = ScoreTable.unite(
            existing: [], pooled: pooled, inspections: raw.inspections, frameworks: InspectionFixture.frameworks)
        let row = try #require(united.first { $0.measure == "safeguarding" })
        #expect(row.cases == 5)
        // statsmodels 0.15.0 OLS cluster-robust variance → deff 2.6973684210526354, n_eff 7.0439024390243805.
        #expect(abs(row.designEffect! - 2.6973684210526354) < 1e-12)
        #expect(abs(row.effectiveN! - 7.0439024390243805) < 1e-9)
        let table = ScoreTable.table(united)
        #expect(table.schema.names.contains("design_effect"))
        // One type on every dataset: DOUBLE even when every score is whole.
        let whole = ScoreTable.table([
            ScoreRecord(
                inspectionID: "i1", measure: "safeguarding", score: 45, band: nil, bandSource: nil, source: "published")
        ])
        #expect(whole.schema.fields.first { $0.name == "score" }?.type == .double)
        let reloaded = try ScoreTable.records(of: table)
        #expect(reloaded.first { $0.measure == "safeguarding" }?.effectiveN == row.effectiveN)
        #expect(reloaded.first { $0.measure == "safeguarding" }?.cases == 5)
    }
}
