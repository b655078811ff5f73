import Columnar

/// One synthetic inspection: an area in a round, with the latent quality its judgements are drawn from and
/// the headline tallies those judgements produced.
struct SyntheticInspection {
    /// `round × 1000 + area number`, e.g. 3042 for area SYN042 in round 3.
    let id: Int
    /// Index into the plan's areas.
    let area: Int
    /// 1-based.
    let round: Int
    /// Number of cases sampled, 38–99 (seed Appendix 3).
    let cases: Int
    /// Per criterion, the probability in basis points that a typical case's work is judged sufficient.
    let criterionQuality: [Int]
    /// True when the area's previous inspection was flagged, so this one is an early re-inspection (`CCI-RE`).
    let isReinspection: Bool
    var published = Date32(daysSinceEpoch: 0)
    /// Judgements answered `Y` and judgements applicable (not `NA`), per `SyntheticTheme`.
    var themeSufficient = [0, 0, 0]
    var themeJudged = [0, 0, 0]

    /// `CCI` for a routine inspection, `CCI-RE` for an early re-inspection.
    var programme: String { isReinspection ? "CCI-RE" : "CCI" }

    /// The inferred early re-inspection trigger (frameworks.md): a Safeguarding or Risk of Harm score below
    /// 45%, i.e. DRASTIC improvement required.
    var isFlagged: Bool {
        isDrastic(.safeguarding) || isDrastic(.riskOfHarm)
    }

    private func isDrastic(_ theme: SyntheticTheme) -> Bool {
        100 * themeSufficient[theme.rawValue] < 45 * themeJudged[theme.rawValue]
    }
}
