/// Wilson's score interval for a proportion y / n (Wilson 1927; Newcombe 1998, method 3): unlike the
/// Wald interval it stays inside [0, 1] and behaves at small n and at 0% or 100%.
///
/// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n).
public struct WilsonInterval: Sendable, Equatable {
    /// Proportions 0–1.
    public let low: Double
    public let high: Double

    /// - Parameters: `successes` judgements found sufficient out of `trials` applicable ones; nil when
    ///   `trials` is zero or the counts are inconsistent.
    public init?(successes: Int, trials: Int, z: Double = NormalDistribution.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        self.init(proportion: Double(successes) / Double(trials), n: Double(trials), z: z)
    }

    /// The interval for a proportion `proportion` (0–1) observed on `n` units, where `n` may be an
    /// effective sample size (judgements divided by the design effect, `ClusteredProportion`).
    /// nil when `n` is not positive and finite or `proportion` is outside [0, 1].
    public init?(proportion p: Double, n: Double, z: Double = NormalDistribution.z95) {
        guard n > 0, n.isFinite, p >= 0, p <= 1, z > 0 else { return nil }
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        low = max(0, centre - half)
        high = min(1, centre + half)
    }
}
