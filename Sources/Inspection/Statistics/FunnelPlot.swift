/// Funnel-plot limits for proportions across units (areas) with a test of, and two adjustments for,
/// over-dispersion (Spiegelhalter 2005, Stat Med 24:1185–1202; Qual Saf Health Care 14:347–351).
///
/// - Target p0: the pooled proportion Σ y_i / Σ n_i over the units compared (not the mean of unit scores).
/// - z_i = (p_i − p0) / s_i, s_i² = p0(1−p0)/n_i (n_i may be an effective sample size).
/// - Winsorising: the 10th and 90th percentiles of the z_i by linear interpolation (type 7, numpy's
///   default); z_i below / above them are replaced by them. φ̂ = (1/I) Σ z_i² over the winsorised z_i.
/// - Over-dispersion test: I·φ̂ against χ²_{I−1}; over-dispersed when P(χ²_{I−1} ≥ I·φ̂) < 0.05.
/// - Multiplicative limits p0 ± z·√(φ·s_i²) with φ = max(1, φ̂).
/// - Additive (random effects) limits p0 ± z·√(s_i² + τ̂²), w_i = 1/s_i²,
///   τ̂² = max(0, (I·φ̂ − (I − 1)) / (Σ w_i − Σ w_i² / Σ w_i)).
/// - Unadjusted limits p0 ± z·s_i, or exact binomial limits with Spiegelhalter's interpolation
///   (`exactLimits`) for whole-number n.
/// All proportions and limits are fractions 0–1; limits are clipped to [0, 1].
public struct FunnelPlot: Sendable, Equatable {
    public enum Adjustment: String, Sendable, CaseIterable {
        case none
        case multiplicative
        case additive
    }

    /// One unit: a proportion (0–1) and its sample size (judgements, or effective n).
    public struct Unit: Sendable, Equatable {
        public let proportion: Double
        public let n: Double

        public init(proportion: Double, n: Double) {
            self.proportion = proportion
            self.n = n
        }

        public init(sufficient: Int, trials: Int) {
            self.init(proportion: trials > 0 ? Double(sufficient) / Double(trials) : 0, n: Double(trials))
        }
    }

    /// Limits for one n at 95% (z = 1.959964) and 99.8% (z = 3.090232).
    public struct Limits: Sendable, Equatable {
        public let lower95: Double
        public let upper95: Double
        public let lower998: Double
        public let upper998: Double

        public func position(of p: Double) -> FunnelLimits.Position {
            if p > upper998 { return .above998 }
            if p > upper95 { return .above95 }
            if p < lower998 { return .below998 }
            if p < lower95 { return .below95 }
            return .within
        }
    }

    public let units: [Unit]
    /// p0, the pooled proportion.
    public let target: Double
    public let zScores: [Double]
    /// The 10th and 90th percentiles of `zScores` (type 7) that bound the winsorised z.
    public let winsorLow: Double
    public let winsorHigh: Double
    public let winsorisedZScores: [Double]
    /// φ̂, the over-dispersion factor estimated from the winsorised z-scores.
    public let phi: Double
    /// I·φ̂, compared with χ²_{I−1}.
    public let chiSquare: Double
    public let degreesOfFreedom: Int
    /// P(χ²_{I−1} ≥ I·φ̂), full precision.
    public let overDispersionP: Double
    /// τ̂², the between-unit variance of the additive random-effects model (fraction²), ≥ 0.
    public let tau2: Double

    /// `target`: p0 when given (the pooled proportion of the judgements when the units' n are effective
    /// sizes), else Σ p_i n_i / Σ n_i over the units.
    /// nil with fewer than two units, a unit with n ≤ 0 or a proportion outside [0, 1], or a target of
    /// exactly 0 or 1 (no binomial variation to draw limits from).
    public init?(units: [Unit], target given: Double? = nil) {
        guard units.count >= 2,
            units.allSatisfy({ $0.n > 0 && $0.n.isFinite && $0.proportion >= 0 && $0.proportion <= 1 })
        else { return nil }
        let totalN = units.reduce(0) { $0 + $1.n }
        let p0 = given ?? units.reduce(0) { $0 + $1.proportion * $1.n } / totalN
        guard p0 > 0, p0 < 1 else { return nil }
        self.units = units
        target = p0
        let z = units.map { ($0.proportion - p0) / (p0 * (1 - p0) / $0.n).squareRoot() }
        zScores = z
        let low = SampleQuantile.type7(z, 0.1)!, high = SampleQuantile.type7(z, 0.9)!
        winsorLow = low
        winsorHigh = high
        let w = z.map { min(high, max(low, $0)) }
        winsorisedZScores = w
        let count = Double(units.count)
        phi = w.reduce(0) { $0 + $1 * $1 } / count
        chiSquare = count * phi
        degreesOfFreedom = units.count - 1
        overDispersionP = ChiSquareDistribution.survival(count * phi, df: count - 1)
        let weights = units.map { $0.n / (p0 * (1 - p0)) }
        let sw = weights.reduce(0, +), sw2 = weights.reduce(0) { $0 + $1 * $1 }
        tau2 = max(0, (count * phi - (count - 1)) / (sw - sw2 / sw))
    }

    /// More between-unit variation than chance allows (the χ² test at 5%).
    public var overDispersed: Bool { overDispersionP < 0.05 }

    /// χ²_{I−1} 95th percentile, the critical value of the test.
    public var chiSquareCritical: Double { ChiSquareDistribution.quantile(0.95, df: Double(degreesOfFreedom)) }

    /// Normal-approximation limits for a unit of size `n` (judgements or effective n); nil for n ≤ 0.
    public func limits(n: Double, adjustment: Adjustment) -> Limits? {
        guard n > 0 else { return nil }
        let s2 = target * (1 - target) / n
        let variance: Double
        switch adjustment {
        case .none: variance = s2
        case .multiplicative: variance = max(1, phi) * s2
        case .additive: variance = s2 + tau2
        }
        let se = variance.squareRoot()
        func clip(_ x: Double) -> Double { min(1, max(0, x)) }
        return Limits(
            lower95: clip(target - NormalDistribution.z95 * se), upper95: clip(target + NormalDistribution.z95 * se),
            lower998: clip(target - NormalDistribution.z998 * se), upper998: clip(target + NormalDistribution.z998 * se)
        )
    }

    /// Limits for the i-th unit.
    public func limits(unit i: Int, adjustment: Adjustment) -> Limits? { limits(n: units[i].n, adjustment: adjustment) }

    /// Unadjusted exact binomial limits for a whole-number n, interpolated as in Spiegelhalter (2005,
    /// Stat Med, appendix): for a tail probability P, r_P is the smallest r with F(r) ≥ P
    /// (F the B(n, p0) distribution function), α = (F(r_P) − P) / (F(r_P) − F(r_P − 1)), and the limit is
    /// (r_P − α)/n. P = 0.025, 0.975 (95%) and 0.001, 0.999 (99.8%).
    public func exactLimits(n: Int) -> Limits? { Self.exactLimits(target: target, n: n) }

    public static func exactLimits(target p0: Double, n: Int) -> Limits? {
        guard n > 0, p0 > 0, p0 < 1 else { return nil }
        func limit(_ probability: Double) -> Double {
            let r = BinomialDistribution.quantile(probability, n: n, p: p0)
            let fr = BinomialDistribution.cdf(r, n: n, p: p0), fr1 = BinomialDistribution.cdf(r - 1, n: n, p: p0)
            let alpha = (fr - probability) / (fr - fr1)
            return min(1, max(0, (Double(r) - alpha) / Double(n)))
        }
        return Limits(lower95: limit(0.025), upper95: limit(0.975), lower998: limit(0.001), upper998: limit(0.999))
    }
}
