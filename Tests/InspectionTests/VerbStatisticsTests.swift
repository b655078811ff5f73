import Columnar
import Testing
@testable import Inspection

/// The comparative layer of the verbs (issue 11): reference groups per area, differences with valid
/// intervals at any n, clustering, over-dispersed funnels, band provenance, triggers per framework and
/// programme period. Reference values from statsmodels 0.15.0 / scipy 1.17.1, as recorded beside each.
@Suite struct VerbStatisticsTests {
    static let areas = VerbTests.areas
    static let frameworks = InspectionFixture.frameworks

    func date(_ text: String) -> Date32 { Date32(iso: text)! }

    /// The fixture's inspections with `pooled` scores from judgements and `published` printed ones.
    func data(
        inspections: Table = VerbTests.inspections, published: Table? = nil, pooled: [PooledScore] = []
    ) throws -> InspectionData {
        let raw = try InspectionData(
            frameworks: Self.frameworks, areas: Self.areas, inspections: inspections, scores: published)
        let united = ScoreTable.unite(
            existing: raw.scores, pooled: pooled, inspections: raw.inspections, frameworks: Self.frameworks)
        return InspectionData(
            frameworks: raw.frameworks, areas: raw.areas, inspections: raw.inspections, scores: united)
    }

    func pooled(_ id: String, _ measure: String, _ y: Int, _ n: Int) -> PooledScore {
        PooledScore(inspectionID: id, measure: measure, sufficient: y, applicable: n)
    }

    func clustered(_ id: String, _ measure: String, _ cases: [(Int, Int)]) -> PooledScore {
        let c = ClusteredProportion(cases: cases.map { (judgements: $0.0, sufficient: $0.1) })!
        return PooledScore(
            inspectionID: id, measure: measure, sufficient: c.sufficient, applicable: c.judgements, clustered: c)
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    // MARK: compare

    @Test func compareSetsEachAreaAgainstItsOwnRegion() throws {
        let data = try VerbTests().data()
        for names in [["Alpha", "Gamma"], ["Gamma", "Alpha"]] {
            let table = try CompareVerb.run(areas: names, options: VerbOptions(within: "region"), data: data)
            let rows = (0..<table.rowCount).map {
                Dictionary(uniqueKeysWithValues: zip(table.schema.names, table.row($0)))
            }
            let safeguarding = rows.filter { $0["measure"]?.description == "safeguarding" }
            // Alpha (London): Alpha 70, Beta 60. Gamma (Wales): Gamma 50, Delta 90.
            let alpha = try #require(safeguarding.first { $0["area"]?.description == "Alpha" })
            #expect(alpha["group"]?.description == "London")
            #expect(alpha["areas"] == .bigint(2))
            #expect(alpha["rank"] == .bigint(1))
            #expect(alpha["lowest"] == .double(60))
            #expect(alpha["average"] == .double(65))
            let gamma = try #require(safeguarding.first { $0["area"]?.description == "Gamma" })
            #expect(gamma["group"]?.description == "Wales")
            #expect(gamma["areas"] == .bigint(2))
            #expect(gamma["rank"] == .bigint(2))
            #expect(gamma["highest"] == .double(90))
            #expect(gamma["percentile"] == .double(25))
            // Never a rank beyond the group, never a score outside its lowest–highest.
            for row in rows {
                guard case .bigint(let rank) = row["rank"], case .bigint(let size) = row["areas"],
                    case .double(let score) = row["score"], case .double(let low) = row["lowest"],
                    case .double(let high) = row["highest"]
                else { continue }
                #expect(rank <= size)
                #expect(low <= score && score <= high)
            }
        }
    }

    @Test func compareTiesShareARankAndNIsShown() throws {
        let scores = InspectionFixture.scores([
            ("a2", "safeguarding", 60, nil), ("b1", "safeguarding", 60, nil), ("c1", "safeguarding", 50, nil),
        ])
        let data = try self.data(published: scores, pooled: [pooled("d1", "safeguarding", 1, 1)])
        let table = try CompareVerb.run(areas: ["Alpha", "Beta", "Delta"], options: VerbOptions(), data: data)
        let safeguarding = (0..<table.rowCount).filter { table.row($0)[1].description == "safeguarding" }
        let rank = safeguarding.map { table.column(named: "rank")!.values[$0] }
        // Delta's single judgement scoring 100 ranks first, and its n of 1 is there to see.
        #expect(rank == [.bigint(2), .bigint(2), .bigint(1)])
        #expect(safeguarding.map { table.column(named: "n")!.values[$0] } == [.null, .null, .bigint(1)])
    }

    // MARK: deltas

    /// Reference: MN score interval and score-test p-value, as in ProportionDifferenceTests (statsmodels
    /// 0.15.0 `test_proportions_2indep(..., method="score")`; interval from mn_indep.py).
    @Test func deltasAtTheEdgesStayInsideTheScaleWithATestThatAgrees() throws {
        let data = try self.data(pooled: [
            pooled("a1", "safeguarding", 0, 5), pooled("a2", "safeguarding", 5, 5),
            pooled("a1", "risk_of_harm", 1, 2), pooled("a2", "risk_of_harm", 2, 2),
            pooled("a1", "likelihood_of_reoffending", 1, 1), pooled("a2", "likelihood_of_reoffending", 0, 1),
        ])
        let table = try DeltasVerb.run(area: "Alpha", measure: nil, options: VerbOptions(), data: data)
        func row(_ measure: String) throws -> [String: Value] {
            let index = try #require((0..<table.rowCount).first { table.row($0)[2].description == measure })
            return Dictionary(uniqueKeysWithValues: zip(table.schema.names, table.row(index)))
        }
        func number(_ row: [String: Value], _ name: String) -> Double? {
            if case .double(let d) = row[name] { return d }
            return nil
        }
        let expected: [(String, Double, Double, Double)] = [
            // 0/5 → 5/5: (40.17, 100), p = 0.0027 (not Wald's degenerate [100, 100]).
            ("safeguarding", 40.170990316091193, 100, 0.0026997960632601918),
            // 1/2 → 2/2: (−46.77, 92.40), p = 0.3173 (not Wald's [−19.3, 119.3]).
            ("risk_of_harm", -46.770552428011347, 92.40217685066195, 0.31731050786291415),
            // 1/1 → 0/1: (−100, 58.69), p = 0.3173 (not [−100, −100] beside p = 0.157).
            ("likelihood_of_reoffending", -100, 58.69013712455252, 0.31731050786291415),
        ]
        for (measure, low, high, p) in expected {
            let r = try row(measure)
            #expect(Self.close(number(r, "diff_low"), low), "\(measure)")
            #expect(Self.close(number(r, "diff_high"), high), "\(measure)")
            #expect(Self.close(number(r, "p_value"), p), "\(measure)")
            #expect(number(r, "diff_low")! >= -100 && number(r, "diff_high")! <= 100)
            // The interval excludes 0 exactly when p < 0.05.
            #expect((number(r, "diff_low")! > 0 || number(r, "diff_high")! < 0) == (p < 0.05))
            #expect(r["method"] == .varchar("Miettinen-Nurminen score"))
        }
        // Every statistic column is DOUBLE whatever the data.
        for name in ["before", "after", "points", "diff_low", "diff_high", "p_value"] {
            #expect(table.schema.fields.first { $0.name == name }?.type == .double, "\(name)")
        }
    }

    @Test func deltasDeclineWithoutNOrWithOneCase() {
        func record(_ score: Double?, n: Int?, y: Int?, cases: Int? = nil) -> ScoreRecord {
            ScoreRecord(
                inspectionID: "i", measure: "safeguarding", score: score, band: nil, bandSource: nil, n: n,
                sufficient: y, cases: cases, source: "computed")
        }
        // n = 0 on one side.
        let empty = DeltasVerb.change(record(nil, n: 0, y: 0), record(50, n: 4, y: 2))
        #expect(empty.test == nil)
        #expect(DeltasVerb.change(record(0, n: 0, y: 0), record(50, n: 4, y: 2)).method == DeltasVerb.noJudgement)
        // A single case: no between-case variation to estimate.
        let single = DeltasVerb.change(record(50, n: 6, y: 3, cases: 1), record(75, n: 8, y: 6, cases: 2))
        #expect(single.test == nil)
        #expect(single.method == DeltasVerb.singleCase)
        // Published whole percents: no n, no interval, and the result says so.
        let printed = DeltasVerb.change(record(40, n: nil, y: nil), record(70, n: nil, y: nil))
        #expect(printed.test == nil)
        #expect(printed.method == DeltasVerb.noInterval)
    }

    /// Cases (judgements, sufficient) per case. statsmodels 0.15.0: OLS of the 0/1 judgements on an
    /// intercept, `cov_type="cluster"` by case → v; deff = v/(p(1−p)/N); n_eff = N/deff; then
    /// `test_proportions_2indep(p2·n_eff2, n_eff2, p1·n_eff1, n_eff1, method="score")` → z 1.7116205046341673,
    /// p 0.08696662707704078 (before: deff 2.6973684210526354, n_eff 7.0439024390243805; after: deff
    /// 1.5565217391304327, n_eff 14.776536312849181).
    @Test func deltasUseTheEffectiveNWhereCasesAreKnown() throws {
        let data = try self.data(pooled: [
            clustered("a1", "safeguarding", [(4, 4), (4, 3), (4, 1), (4, 0), (3, 2)]),
            clustered("a2", "safeguarding", [(4, 4), (4, 4), (4, 3), (4, 4), (3, 3), (4, 2)]),
        ])
        let table = try DeltasVerb.run(area: "Alpha", measure: "safeguarding", options: VerbOptions(), data: data)
        let row = Dictionary(uniqueKeysWithValues: zip(table.schema.names, table.row(0)))
        #expect(row["n_before"] == .bigint(19))
        #expect(row["cases_before"] == .bigint(5))
        #expect(row["cases_after"] == .bigint(6))
        guard case .double(let p) = row["p_value"] else { Issue.record("no p-value"); return }
        #expect(Self.close(p, 0.08696662707704078, 1e-9))
        #expect(row["method"] == .varchar("Miettinen-Nurminen score, effective n (design effect)"))
    }

    @Test func deltasIncludeRatingChangesByDefault() throws {
        let inspections = InspectionFixture.inspections([
            ("y1", "a", "YOUTH-2018", "2019-08-22"), ("y2", "a", "YOUTH-2018", "2022-03-15"),
        ])
        let scores = InspectionFixture.scores([("y1", "overall", nil, "Inadequate"), ("y2", "overall", nil, "Good")])
        let data = try InspectionFixture.data(areas: Self.areas, inspections: inspections, scores: scores)
        let table = try DeltasVerb.run(area: "Alpha", measure: nil, options: VerbOptions(), data: data)
        #expect(InspectionFixture.column(table, "measure") == ["overall"])
        #expect(InspectionFixture.column(table, "band_before") == ["Inadequate"])
        #expect(InspectionFixture.column(table, "band_after") == ["Good"])
        #expect(InspectionFixture.column(table, "movement") == ["2"])
        #expect(InspectionFixture.column(table, "method") == [DeltasVerb.noScore])
    }

    @Test func anEmptyDeltasSaysWhy() throws {
        let data = try VerbTests().data()
        let table = try DeltasVerb.run(area: "Beta", measure: nil, options: VerbOptions(), data: data)
        #expect(table.rowCount == 1)
        #expect(InspectionFixture.column(table, "area") == ["Beta"])
        #expect(InspectionFixture.column(table, "before") == ["NULL"])
        let why = InspectionFixture.column(table, "method")[0]
        #expect(why == "no change to show for Beta: one inspection only under cci-2009")
    }

    // MARK: profile

    /// statsmodels 0.15.0: `proportion_confint(p·n_eff, n_eff, method="wilson")` with p = 10/19 and
    /// n_eff = 7.0439024390243805 (OLS cluster-robust variance, above) → (0.22026773611730166, 0.8137900869049782).
    @Test func profileUsesTheEffectiveNAndShowsCasesAndDesignEffect() throws {
        let data = try self.data(pooled: [clustered("b1", "safeguarding", [(4, 4), (4, 3), (4, 1), (4, 0), (3, 2)])])
        let table = try ProfileVerb.run(area: "Beta", options: VerbOptions(), data: data)
        let index = try #require((0..<table.rowCount).first { table.row($0)[3].description == "safeguarding" })
        let row = Dictionary(uniqueKeysWithValues: zip(table.schema.names, table.row(index)))
        #expect(row["n"] == .bigint(19))
        #expect(row["cases"] == .bigint(5))
        guard case .double(let deff) = row["design_effect"], case .double(let low) = row["ci_low"],
            case .double(let high) = row["ci_high"]
        else { Issue.record("missing columns"); return }
        #expect(Self.close(deff, 2.6973684210526354))
        #expect(Self.close(low, 22.026773611730166))
        #expect(Self.close(high, 81.37900869049782))
    }

    @Test func profileAsOfNamesAnInspectionWithoutScores() throws {
        let data = try self.data(published: InspectionFixture.scores([("b1", "safeguarding", 60, nil)]))
        do {
            _ = try ProfileVerb.run(area: "Gamma", options: VerbOptions(asOf: date("2011-01-01")), data: data)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("has an inspection on or before 2011-01-01 (c1)"))
            #expect(!error.description.contains("no inspection"))
        }
    }

    // MARK: bands

    @Test func theBandIsTheBandOfTheShownScoreWithItsProvenance() throws {
        // 5998/10000 = 59.98, shown 60: MODERATE (from 60), not SUBSTANTIAL.
        let data = try self.data(pooled: [
            pooled("b1", "safeguarding", 5998, 10000), pooled("b1", "risk_of_harm", 80, 100),
        ])
        #expect(data.score("b1", "safeguarding")?.band == "MODERATE")
        #expect(data.score("b1", "safeguarding")?.bandSource == "inferred rule")
        // 80 is MINIMUM only by the placeholder cut-point (status "placeholder" in cci-2009.json).
        #expect(data.score("b1", "risk_of_harm")?.band == "MINIMUM")
        #expect(data.score("b1", "risk_of_harm")?.bandSource == "placeholder rule")
        let compare = try CompareVerb.run(areas: ["Beta"], options: VerbOptions(), data: data)
        #expect(InspectionFixture.column(compare, "band_source") == ["inferred rule", "placeholder rule"])
    }

    // MARK: funnel

    @Test func funnelShowsTheDispersionAndAdjustsByDefaultWhenOverDispersed() throws {
        let data = try self.data(pooled: [
            pooled("b1", "safeguarding", 50, 100), pooled("c1", "safeguarding", 20, 100),
            pooled("d1", "safeguarding", 80, 100), pooled("a3", "safeguarding", 10, 10),
        ])
        let table = try FunnelVerb.run(measure: "safeguarding", options: VerbOptions(), data: data)
        // Latest CCI inspections with n: Beta, Gamma, Delta (Alpha's a2 has no n).
        #expect(InspectionFixture.column(table, "area") == ["Beta", "Gamma", "Delta"])
        #expect(InspectionFixture.column(table, "adjustment") == ["additive", "additive", "additive"])
        let plot = try #require(
            FunnelPlot(units: [
                .init(sufficient: 50, trials: 100), .init(sufficient: 20, trials: 100),
                .init(sufficient: 80, trials: 100),
            ]))
        #expect(plot.overDispersed)
        #expect(InspectionFixture.numbers(table, "phi") == [plot.phi, plot.phi, plot.phi])
        #expect(InspectionFixture.numbers(table, "tau2") == [plot.tau2, plot.tau2, plot.tau2])
        let limits = try #require(plot.limits(n: 100, adjustment: .additive))
        #expect(InspectionFixture.numbers(table, "upper_998")[0] == limits.upper998 * 100)
        // Every area within the adjusted limits here; unadjusted, two fall outside the 99.8% limits.
        #expect(InspectionFixture.column(table, "position") == ["within", "within", "within"])
        let none = try FunnelVerb.run(measure: "safeguarding", options: VerbOptions(adjust: "none"), data: data)
        #expect(InspectionFixture.column(none, "position") == ["within", "below 99.8%", "above 99.8%"])
        #expect(throws: InspectionError.self) {
            var options = VerbOptions()
            try VerbClause.adjust.apply(.varchar("sideways"), to: &options)
        }
    }

    @Test func funnelLeavesOutAnAreaWithASingleCase() throws {
        let data = try self.data(pooled: [
            pooled("b1", "safeguarding", 50, 100), pooled("c1", "safeguarding", 20, 100),
            clustered("d1", "safeguarding", [(6, 5)]),
        ])
        let table = try FunnelVerb.run(measure: "safeguarding", options: VerbOptions(), data: data)
        #expect(InspectionFixture.column(table, "area") == ["Beta", "Gamma"])
    }

    /// scipy 1.17.1, Spiegelhalter's interpolated exact limits for p0 = 0.5, n = 20 (FunnelPlotTests):
    /// the verb uses them for unadjusted limits below 100 judgements.
    @Test func funnelUsesExactBinomialLimitsForSmallN() throws {
        let data = try self.data(pooled: [
            pooled("b1", "safeguarding", 10, 20), pooled("c1", "safeguarding", 12, 20),
            pooled("d1", "safeguarding", 8, 20),
        ])
        let table = try FunnelVerb.run(measure: "safeguarding", options: VerbOptions(adjust: "none"), data: data)
        #expect(InspectionFixture.column(table, "limits") == ["exact binomial", "exact binomial", "exact binomial"])
        let exact = try #require(FunnelPlot.exactLimits(target: 0.5, n: 20))
        #expect(InspectionFixture.numbers(table, "lower_95")[0] == exact.lower95 * 100)
    }

    // MARK: triggers

    static let triggerAreas = InspectionFixture.areas([("e", "Epsilon", "North East"), ("f", "Phi", "North West")])

    /// Epsilon: CCI 2010 DRASTIC, youth 2021 since. Phi: a CCI inspection dated only by its fieldwork
    /// (2011-03) after an undated one.
    static func triggerData() throws -> InspectionData {
        let inspections = InspectionFixture.table(
            ["inspection_id", "area_code", "programme", "published", "fieldwork"],
            [
                [.varchar("e1"), .varchar("e"), .varchar("CCI"), .varchar("2010"), .null],
                [.varchar("e2"), .varchar("e"), .varchar("YOUTH-2018"), .varchar("2021"), .null],
                [.varchar("f1"), .varchar("f"), .varchar("CCI"), .null, .null],
                [.varchar("f2"), .varchar("f"), .varchar("CCI-RE"), .null, .varchar("2011-03 (spring)")],
            ])
        let scores = InspectionFixture.scores([
            ("e1", "safeguarding", 41, nil), ("e1", "risk_of_harm", 60, nil), ("e2", "overall", nil, "Good"),
            ("f1", "safeguarding", 28, "DRASTIC"), ("f1", "risk_of_harm", 29, "DRASTIC"),
            ("f2", "safeguarding", 76, nil), ("f2", "risk_of_harm", 62, nil),
        ])
        return try InspectionFixture.data(areas: triggerAreas, inspections: inspections, scores: scores)
    }

    @Test func triggersInAFrameworkJudgeTheLatestInspectionUnderIt() throws {
        let data = try Self.triggerData()
        let table = try TriggersVerb.run(options: VerbOptions(framework: "cci-2009"), data: data)
        // Epsilon fires on its 2010 CCI inspection though its latest is a youth one; Phi's latest CCI
        // inspection is the re-inspection placed by its fieldwork date (76 is MINIMUM only by the
        // placeholder cut-point, but not DRASTIC whatever that cut-point is): judged, not fired.
        #expect(InspectionFixture.column(table, "area") == ["Epsilon"])
        #expect(InspectionFixture.column(table, "status") == ["fired"])
        #expect(InspectionFixture.column(table, "fired_by") == ["safeguarding 41 DRASTIC (band by inferred rule)"])
    }

    @Test func triggersApplyOnlyInTheProgrammePeriodAndReportUndated() throws {
        let data = try Self.triggerData()
        let late = try TriggersVerb.run(
            options: VerbOptions(asOf: date("2015-06-30"), framework: "cci-2009"), data: data)
        #expect(InspectionFixture.column(late, "status") == ["not judged", "not judged"])
        #expect(
            InspectionFixture.column(late, "reason").allSatisfy {
                $0.contains("programme period 2009-04-01 to 2012-12-31")
            })
        // As of 2010-12-31 Phi has only its undated inspection: reported, not dropped.
        let early = try TriggersVerb.run(options: VerbOptions(asOf: date("2010-12-31")), data: data)
        #expect(InspectionFixture.column(early, "area") == ["Epsilon", "Phi"])
        #expect(InspectionFixture.column(early, "status") == ["fired", "not judged"])
        #expect(InspectionFixture.column(early, "reason")[1].contains("undated"))
        // Today: Epsilon's latest is a youth inspection (no rules, no row); Phi's CCI rules ended.
        let today = try TriggersVerb.run(options: VerbOptions(), data: data, today: date("2026-12-08"))
        #expect(InspectionFixture.column(today, "area") == ["Phi"])
        #expect(InspectionFixture.column(today, "status") == ["not judged"])
    }
}
