import Inspection
import Testing

/// `judgements.csv`: sizes, integrity and the statistics the spec asks for.
@Suite struct SyntheticJudgementTests {
    let fixture = SyntheticFixture.shared

    @Test func everyRowIsWellFormedAndReferencesAKnownQuestionAndInspection() {
        let scan = fixture.judgements
        #expect(scan.badRows.isEmpty, "\(scan.badRows)")
        #expect(scan.unknownQuestions == 0)
        let inspectionIDs = Set(fixture.inspectionRecords.map(\.id))
        #expect(Set(scan.byInspection.keys) == inspectionIDs)
    }

    @Test func eachCaseIsJudgedOnceOnEachOf120Questions() {
        for record in fixture.inspectionRecords {
            guard let tally = fixture.judgements.byInspection[record.id] else {
                Issue.record("no judgements for \(record.id)")
                continue
            }
            #expect(tally.duplicates == 0)
            #expect(tally.rows == record.cases * 120)
            #expect(tally.rowsPerCase[0] == 0)
            #expect(tally.rowsPerCase[1...record.cases].allSatisfy { $0 == 120 }, "inspection \(record.id)")
        }
    }

    @Test func aRoundHasAbout1_27MillionRows() {
        #expect(fixture.judgements.rows == fixture.dataset.judgementRowCount)
        for round in 1...fixture.rounds {
            let rows = fixture.judgements.byInspection.filter { $0.key / 1000 == round }.values.reduce(0) {
                $0 + $1.rows
            }
            #expect(rows > 1_200_000 && rows < 1_340_000, "round \(round): \(rows)")
        }
    }

    @Test func aboutOneJudgementInSixIsNotApplicable() {
        let share = Double(fixture.judgements.notApplicable) / Double(fixture.judgements.rows)
        #expect(share > 0.15 && share < 0.21, "NA share \(share)")
    }

    @Test func criteriaDifferInDifficulty() {
        var sufficient: [String: Int] = [:]
        var judged: [String: Int] = [:]
        for tally in fixture.judgements.byInspection.values {
            sufficient.merge(tally.criterionSufficient, uniquingKeysWith: +)
            judged.merge(tally.criterionJudged, uniquingKeysWith: +)
        }
        let scores = judged.keys.map { 100 * Double(sufficient[$0]!) / Double(judged[$0]!) }
        #expect(scores.count == 8)
        #expect(scores.max()! - scores.min()! > 5, "\(scores)")
        #expect(scores.allSatisfy { $0 > 40 && $0 < 90 })
    }

    @Test func someAreasFallBelow45OnSafeguardingOrRiskOfHarm() {
        let flagged = fixture.judgements.byInspection.values.filter {
            $0.themeScore("safeguarding") < 45 || $0.themeScore("risk_of_harm") < 45
        }
        #expect(flagged.count >= 3 && flagged.count < 60, "\(flagged.count) flagged")
        let scores = fixture.judgements.byInspection.values.map { $0.themeScore("safeguarding") }
        #expect(scores.contains { $0 > 80 }, "good areas exist too")
    }

    /// The programme of a later round is `CCI-RE` exactly when the area's previous inspection scored below 45
    /// on Safeguarding or Risk of Harm, recomputed here from the written judgements.
    @Test func earlyReinspectionsFollowADrasticScoreAndComeFirstInTheRound() {
        let records = fixture.inspectionRecords
        var reinspections = 0
        for record in records where record.id / 1000 > 1 {
            let previous = fixture.judgements.byInspection[record.id - 1000]!
            let drastic = previous.themeScore("safeguarding") < 45 || previous.themeScore("risk_of_harm") < 45
            #expect((record.programme == "CCI-RE") == drastic, "inspection \(record.id)")
            if drastic { reinspections += 1 }
        }
        #expect(reinspections > 0)
        for round in 2...fixture.rounds {
            let roundRecords = records.filter { $0.id / 1000 == round }
            let latestEarly = roundRecords.filter { $0.programme == "CCI-RE" }.map(\.published).max() ?? ""
            let firstRoutine = roundRecords.filter { $0.programme == "CCI" }.map(\.published).min() ?? "9"
            #expect(latestEarly < firstRoutine)
        }
    }

    @Test func areaScoresDriftBetweenRounds() {
        var changes: [Double] = []
        for record in fixture.inspectionRecords where record.id / 1000 == 2 {
            let now = fixture.judgements.byInspection[record.id]!.themeScore("safeguarding")
            let before = fixture.judgements.byInspection[record.id - 1000]!.themeScore("safeguarding")
            changes.append(now - before)
        }
        #expect(changes.contains { $0 > 10 } && changes.contains { $0 < -10 })
    }
}
