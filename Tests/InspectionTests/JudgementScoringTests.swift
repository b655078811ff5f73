import Columnar
import Testing
@testable import Inspection

@Suite struct JudgementScoringTests {
    /// A small random case-level dataset: 4 inspections, 3–9 cases each, 24 questions over the eight CCI
    /// criteria, some key questions of one or two themes, answers Y / N / NA.
    struct Generated {
        var questions: [(id: String, criterion: String, section: String)] = []
        var themes: [(question: String, theme: String)] = []
        var judgements: [(inspection: String, question: String, answer: String)] = []

        init(seed: UInt64) {
            var state = seed
            func next(_ bound: Int) -> Int {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int((state >> 33) % UInt64(bound))
            }
            let criteria = ["c1.1", "c1.2", "c1.3", "c2.1", "c2.2", "c2.3", "c3.1", "c3.2"]
            let themeIDs = ["safeguarding", "risk_of_harm", "likelihood_of_reoffending"]
            for q in 0..<24 {
                let criterion = criteria[q % criteria.count]
                let id = "\(criterion.dropFirst()).\(q / criteria.count + 1)"
                questions.append((id, criterion, "section_\(criterion.dropFirst().prefix(1))"))
                if q % 3 != 0 { themes.append((id, themeIDs[next(3)])) }
                if q % 5 == 0 { themes.append((id, themeIDs[next(3)])) }
            }
            for inspection in ["i1", "i2", "i3", "i4"] {
                for _ in 0..<(3 + next(7)) {
                    for question in questions {
                        judgements.append((inspection, question.id, ["Y", "Y", "N", "NA"][next(4)]))
                    }
                }
            }
        }

        var tables: (judgements: Table, questions: Table, themes: Table) {
            (
                InspectionFixture.table(
                    ["inspection_id", "case_id", "question", "answer"],
                    judgements.enumerated().map {
                        [.varchar($1.inspection), .bigint(Int64($0 / 24)), .varchar($1.question), .varchar($1.answer)]
                    }),
                InspectionFixture.table(
                    ["question", "criterion", "section"],
                    questions.map { [.varchar($0.id), .varchar($0.criterion), .varchar($0.section)] }),
                InspectionFixture.table(
                    ["question", "theme"], themes.map { [.varchar($0.question), .varchar($0.theme)] })
            )
        }

        /// Appendix 5 the slow way: for each measure, walk every judgement and count.
        func expected(_ inspection: String, _ measure: String) -> (y: Int, n: Int) {
            let members = Set(questions.filter { $0.criterion == measure || $0.section == measure }.map(\.id))
                .union(themes.filter { $0.theme == measure }.map(\.question))
            var y = 0, n = 0
            for j in judgements where j.inspection == inspection && members.contains(j.question) && j.answer != "NA" {
                n += 1
                if j.answer == "Y" { y += 1 }
            }
            return (y, n)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyComputedScoreEqualsAnIndependentCount(seed: UInt64) throws {
        let generated = Generated(seed: seed)
        let (judgements, questions, themes) = generated.tables
        let inspections = ["i1", "i2", "i3", "i4"].map {
            InspectionRecord(id: $0, areaCode: $0, programme: "CCI", published: nil, date: nil)
        }
        let scores = try JudgementScoring.score(
            judgements: judgements, questions: questions, themes: themes, inspections: inspections,
            frameworks: InspectionFixture.frameworks)
        #expect(scores.count == 4 * 14)
        for score in scores {
            let (y, n) = generated.expected(score.inspectionID, score.measure)
            #expect(score.sufficient == y, "\(score.inspectionID) \(score.measure)")
            #expect(score.applicable == n, "\(score.inspectionID) \(score.measure)")
        }
        // United: the percent, n, and a band by rule.
        let united = ScoreTable.unite(
            existing: [], pooled: scores, inspections: inspections, frameworks: InspectionFixture.frameworks)
        let first = try #require(united.first)
        #expect(first.score == 100 * Double(first.sufficient!) / Double(first.n!))
        #expect(first.source == "computed")
        #expect(first.bandSource == "inferred rule")  // the CCI cut-points are inferred
    }

    /// Cases and design effects: each pooled score's clustering equals `ClusteredProportion` over the
    /// per-case (m_i, y_i) counted the slow way. Case ids global (row / 24) or restarting at 1 in each
    /// inspection (as the synthetic data number them): a case is an (inspection, case_id) pair.
    @Test(arguments: [(1, false), (2, true), (3, true)] as [(UInt64, Bool)])
    func clusteringPerCaseMatchesASlowCount(seed: UInt64, localCaseIDs: Bool) throws {
        let generated = Generated(seed: seed)
        var (judgements, questions, themes) = generated.tables
        var caseOf: [Int] = []
        var caseStart: [String: Int] = [:]
        for (row, j) in generated.judgements.enumerated() {
            let global = row / 24
            if caseStart[j.inspection] == nil { caseStart[j.inspection] = global }
            caseOf.append(localCaseIDs ? global - caseStart[j.inspection]! + 1 : global)
        }
        if localCaseIDs {
            judgements = InspectionFixture.table(
                ["inspection_id", "case_id", "question", "answer"],
                generated.judgements.enumerated().map {
                    [.varchar($1.inspection), .bigint(Int64(caseOf[$0])), .varchar($1.question), .varchar($1.answer)]
                })
        }
        let inspections = ["i1", "i2", "i3", "i4"].map {
            InspectionRecord(id: $0, areaCode: $0, programme: "CCI", published: nil, date: nil)
        }
        let scores = try JudgementScoring.score(
            judgements: judgements, questions: questions, themes: themes, inspections: inspections,
            frameworks: InspectionFixture.frameworks)
        var checked = 0
        for score in scores {
            let members = Set(
                generated.questions.filter { $0.criterion == score.measure || $0.section == score.measure }.map(\.id)
            )
            .union(generated.themes.filter { $0.theme == score.measure }.map(\.question))
            var perCase: [Int: (judgements: Int, sufficient: Int)] = [:]
            for (row, j) in generated.judgements.enumerated()
            where j.inspection == score.inspectionID && members.contains(j.question) && j.answer != "NA" {
                perCase[caseOf[row], default: (0, 0)].judgements += 1
                if j.answer == "Y" { perCase[caseOf[row], default: (0, 0)].sufficient += 1 }
            }
            let expected = try #require(ClusteredProportion(cases: Array(perCase.values)))
            let clustered = try #require(score.clustered)
            #expect(clustered.cases == expected.cases && score.cases == perCase.count)
            #expect(clustered.judgements == score.applicable && clustered.sufficient == score.sufficient)
            if let v = expected.variance {
                #expect(abs(clustered.variance! - v) <= 1e-12 * max(v, 1e-300))
                #expect(
                    clustered.designEffect == expected.designEffect
                        || abs(clustered.designEffect! - expected.designEffect!) < 1e-12)
                checked += 1
            } else {
                #expect(clustered.variance == nil)
            }
        }
        #expect(checked > 40)
    }

    @Test func withoutCaseIDsThereIsNoClustering() throws {
        let generated = Generated(seed: 4)
        let (_, questions, themes) = generated.tables
        let judgements = InspectionFixture.table(
            ["inspection_id", "question", "answer"],
            generated.judgements.map { [.varchar($0.inspection), .varchar($0.question), .varchar($0.answer)] })
        let inspections = [InspectionRecord(id: "i1", areaCode: "i1", programme: "CCI", published: nil, date: nil)]
        let scores = try JudgementScoring.score(
            judgements: judgements, questions: questions, themes: themes, inspections: inspections,
            frameworks: InspectionFixture.frameworks)
        #expect(!scores.isEmpty)
        #expect(scores.allSatisfy { $0.clustered == nil && $0.cases == nil })
    }

    @Test func anUnknownAnswerIsAnErrorNotALoss() {
        let generated = Generated(seed: 9)
        var (judgements, questions, themes) = generated.tables
        judgements = InspectionFixture.table(
            ["inspection_id", "case_id", "question", "answer"],
            [[.varchar("i1"), .bigint(1), .varchar(generated.questions[0].id), .varchar("maybe")]])
        #expect(throws: InspectionError.badJudgement("judgements.answer must be Y, N or NA, not \"maybe\"")) {
            try JudgementScoring.score(
                judgements: judgements, questions: questions, themes: themes, inspections: [],
                frameworks: InspectionFixture.frameworks)
        }
    }

    @Test func aQuestionMissingFromTheQuestionSetIsAnError() {
        let generated = Generated(seed: 9)
        let (_, questions, themes) = generated.tables
        let judgements = InspectionFixture.table(
            ["inspection_id", "case_id", "question", "answer"],
            [[.varchar("i1"), .bigint(1), .varchar("9.9.99"), .varchar("Y")]])
        #expect(throws: InspectionError.self) {
            try JudgementScoring.score(
                judgements: judgements, questions: questions, themes: themes, inspections: [],
                frameworks: InspectionFixture.frameworks)
        }
    }
}
