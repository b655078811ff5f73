/// Wilson's score interval for a proportion y / n (Wilson 1927; Newcombe 1998, method 3): unlike the
/// Wald interval it stays inside [0, 1] and behaves at small n and at 0% or 100%.
public struct WilsonInterval: Sendable, Equatable {
    /// Proportions 0–1.
    public let low: Double
    public let high: Double

    /// - Parameters: `successes` judgements found sufficient out of `trials` applicable ones; nil when
    ///   `trials` is zero or the counts are inconsistent.
    public init?(successes: Int, trials: Int, z: Double = NormalDistribution.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        low = max(0, centre - half)
        high = min(1, centre + half)
    }
}
