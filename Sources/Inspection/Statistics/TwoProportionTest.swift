/// The change between two proportions y1/n1 → y2/n2 (two inspections of one area): the difference, its
/// 95% Wald interval (unpooled standard error; Newcombe 1998b, method 1) and the two-sided p-value of
/// the pooled two-proportion z test.
public struct TwoProportionTest: Sendable, Equatable {
    /// p2 − p1, a proportion (−1…1).
    public let difference: Double
    public let low: Double
    public let high: Double
    public let z: Double
    public let pValue: Double

    /// nil when either n is zero, counts are inconsistent, or both proportions are 0 or both 1 (no
    /// variance to test against).
    public init?(successes1: Int, trials1: Int, successes2: Int, trials2: Int) {
        guard trials1 > 0, trials2 > 0, (0...trials1).contains(successes1), (0...trials2).contains(successes2) else {
            return nil
        }
        let n1 = Double(trials1), n2 = Double(trials2)
        let p1 = Double(successes1) / n1, p2 = Double(successes2) / n2
        let pooled = Double(successes1 + successes2) / (n1 + n2)
        let pooledSE = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        guard pooledSE > 0 else { return nil }
        let se = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2).squareRoot()
        difference = p2 - p1
        low = difference - NormalDistribution.z95 * se
        high = difference + NormalDistribution.z95 * se
        z = difference / pooledSE
        pValue = NormalDistribution.twoSidedP(z)
    }

    /// Significant at the 5% level.
    public var isSignificant: Bool { pValue < 0.05 }
}
