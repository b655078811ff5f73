/// One synthetic YOT area and the latent traits that persist across its inspections.
struct SyntheticArea {
    /// 1-based; `SYN001` ... `SYN158`.
    let number: Int
    let region: Int
    /// The typical number of cases sampled at an inspection (40–94; each round varies it by ±6).
    let caseload: Int
    /// Quality in basis points at the first round: the share of work done well enough (mean 66%).
    let initialQuality: Int
    /// Persistent strength or weakness per criterion, in basis points.
    let criterionBias: [Int]

    var code: String { "SYN" + SyntheticArea.threeDigits(number) }
    var name: String { "Synthetic Area " + SyntheticArea.threeDigits(number) }

    static func threeDigits(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The 158 areas for a seed. Caseloads are spread evenly over 40–94 and dealt out at random, so a round
    /// averages 67 cases an inspection (about 1.27 million judgements) whatever the seed.
    static func all(seed: UInt64) -> [SyntheticArea] {
        var random = SplitMix64(seed: seed, purpose: .areas)
        let regions = SyntheticRegions.regionOfArea
        let caseloadOrder = random.permutation(of: regions.count)
        return regions.enumerated().map { index, region in
            SyntheticArea(
                number: index + 1,
                region: region,
                caseload: 40 + (caseloadOrder[index] * 54 + (regions.count - 1) / 2) / (regions.count - 1),
                initialQuality: 6_600 + random.bell(standardDeviation: 1_000),
                criterionBias: SyntheticQuestionSet.criteria.map { _ in random.bell(standardDeviation: 500) })
        }
    }
}
