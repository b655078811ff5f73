import Columnar

extension SyntheticDataset {
    /// Mean quality areas drift back towards, in basis points.
    static let nationalQuality = 6_700
    /// Improvement a flagged area makes before its early re-inspection, in basis points.
    static let reinspectionBoost = 1_400
    /// Latent quality stays within these basis points.
    static let qualityRange = 2_500...9_300

    /// Runs the rounds in order: each area's quality drifts (towards the national mean, plus noise, plus a
    /// boost after a flag), its judgements are tallied, and the round is scheduled — flagged areas of the
    /// previous round first.
    /// - Returns: the inspections ordered by id.
    static func simulate(
        rounds: Int, seed: UInt64, areas: [SyntheticArea], model: SyntheticJudgementModel
    ) -> [SyntheticInspection] {
        var inspections: [SyntheticInspection] = []
        var quality = areas.map(\.initialQuality)
        var flagged = Array(repeating: false, count: areas.count)
        for round in 1...rounds {
            var random = SplitMix64(seed: seed, purpose: .rounds, index: round)
            var roundInspections: [SyntheticInspection] = []
            for (index, area) in areas.enumerated() {
                if round > 1 {
                    let drift = (nationalQuality - quality[index]) / 4 + 120 + random.bell(standardDeviation: 700)
                    quality[index] += drift + (flagged[index] ? reinspectionBoost : 0)
                    quality[index] = min(max(quality[index], qualityRange.lowerBound), qualityRange.upperBound)
                }
                let criterionQuality = SyntheticQuestionSet.criteria.indices.map { criterion in
                    quality[index] + SyntheticQuestionSet.criteria[criterion].difficulty
                        + area.criterionBias[criterion] + random.bell(standardDeviation: 300)
                }
                var inspection = SyntheticInspection(
                    id: round * 1_000 + area.number, area: index, round: round,
                    cases: min(max(area.caseload + random.uniform(in: -6...6), 38), 99),
                    criterionQuality: criterionQuality, isReinspection: flagged[index])
                var tally = SyntheticThemeTally()
                model.simulate(inspection, into: &tally)
                inspection.themeSufficient = tally.sufficient
                inspection.themeJudged = tally.judged
                roundInspections.append(inspection)
            }
            schedule(&roundInspections, round: round, seed: seed)
            flagged = roundInspections.map(\.isFlagged)
            inspections += roundInspections
        }
        return inspections
    }

    /// Gives each inspection of a round a distinct publication date in the round's three-year window
    /// (April to March): early re-inspections first, then the rest in a random order, about a week apart.
    private static func schedule(_ inspections: inout [SyntheticInspection], round: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed, purpose: .schedule, index: round)
        let firstYear = 2009 + 3 * (round - 1)
        guard let start = Date32(year: firstYear, month: 4, day: 1),
            let end = Date32(year: firstYear + 3, month: 4, day: 1)
        else { preconditionFailure("round \(round) lies outside the calendar") }
        let windowDays = Int(end.daysSinceEpoch - start.daysSinceEpoch)
        let order = random.permutation(of: inspections.count)
        let early = order.filter { inspections[$0].isReinspection }
        let routine = order.filter { !inspections[$0].isReinspection }
        let slotDays = windowDays / inspections.count
        for (slot, index) in (early + routine).enumerated() {
            let day = slot * windowDays / inspections.count + random.below(slotDays)
            inspections[index].published = Date32(daysSinceEpoch: start.daysSinceEpoch + Int32(day))
        }
    }
}
