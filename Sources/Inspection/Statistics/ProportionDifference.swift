import Foundation

/// The change between two independent proportions, p1 = y1/n1 (before) → p2 = y2/n2 (after): the
/// difference p2 − p1, its 95% interval, and the two-sided p-value of the Miettinen–Nurminen score test
/// of "no difference". Proportions and the difference are fractions (p in 0–1, difference in −1…1).
///
/// Two intervals are offered (`Method`); the test is always the score test:
/// - `.scoreMN` (the default): the Miettinen–Nurminen (1985) score interval, the inversion of the same
///   score test, so the interval excludes 0 exactly when p < 0.05.
/// - `.newcombe`: Newcombe's (1998) hybrid score interval (method 10), closed form from two Wilson
///   intervals. It and the score test can disagree when p is close to 0.05.
///
/// Counts may be effective (non-integer) for clustered data: pass `proportion` and effective `n`.
public struct ProportionDifference: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        case scoreMN = "Miettinen-Nurminen score"
        case newcombe = "Newcombe hybrid score"
    }

    /// p1 and p2, fractions 0–1.
    public let before: Double
    public let after: Double
    /// after − before (−1…1).
    public let difference: Double
    /// The interval for `difference` at the requested level (default 95%), inside [−1, 1].
    public let low: Double
    public let high: Double
    /// The score statistic z of the test of no difference (positive when after > before); 0 when both
    /// proportions are 0 or both are 1 (no variation: nothing to test).
    public let z: Double
    /// Two-sided p-value of the score test, full precision, never rounded.
    public let pValue: Double
    public let method: Method
    /// The level of the interval, e.g. 0.95.
    public let level: Double

    /// Integer counts: `successes1` of `trials1` before, `successes2` of `trials2` after. nil when either
    /// `trials` is 0 or the counts are inconsistent.
    public init?(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int, method: Method = .scoreMN,
        level: Double = 0.95
    ) {
        guard trials1 > 0, trials2 > 0, (0...trials1).contains(successes1), (0...trials2).contains(successes2)
        else { return nil }
        self.init(
            proportion1: Double(successes1) / Double(trials1), n1: Double(trials1),
            proportion2: Double(successes2) / Double(trials2), n2: Double(trials2), method: method, level: level)
    }

    /// Proportions (0–1) with sample sizes that may be effective (judgements / design effect). nil when
    /// either n is not positive, a proportion is outside [0, 1], or `level` is outside (0, 1).
    public init?(
        proportion1 p1: Double, n1: Double, proportion2 p2: Double, n2: Double, method: Method = .scoreMN,
        level: Double = 0.95
    ) {
        guard n1 > 0, n2 > 0, n1.isFinite, n2.isFinite, (0...1).contains(p1), (0...1).contains(p2),
            level > 0, level < 1
        else { return nil }
        let zc = NormalDistribution.quantile(1 - (1 - level) / 2)
        // Internally "sample 1" is the after sample, so MN's d = p_after − p_before.
        let score = ScoreTestMN(x1: p2 * n2, n1: n2, x0: p1 * n1, n0: n1)
        let interval: (low: Double, high: Double)
        switch method {
        case .scoreMN:
            interval = score.interval(z: zc)
        case .newcombe:
            guard let newcombe = NewcombeInterval(proportion1: p2, n1: n2, proportion2: p1, n2: n1, z: zc) else {
                return nil
            }
            interval = (newcombe.low, newcombe.high)
        }
        before = p1
        after = p2
        difference = p2 - p1
        low = interval.low
        high = interval.high
        z = score.statistic(at: 0)
        pValue = NormalDistribution.twoSidedP(z)
        self.method = method
        self.level = level
    }

    /// Significant at the 5% level (p < 0.05).
    public var isSignificant: Bool { pValue < 0.05 }
}

/// Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, Stat Med 17:873–890, method 10):
/// with Wilson limits (l1, u1) and (l2, u2), d = p1 − p2,
/// L = d − √((p1 − l1)² + (u2 − p2)²), U = d + √((u1 − p1)² + (p2 − l2)²). Inside [−1, 1].
/// statsmodels: `confint_proportions_2indep(x1, n1, x2, n2, method="newcomb")`.
public struct NewcombeInterval: Sendable, Equatable {
    /// Bounds of p1 − p2, fractions −1…1.
    public let low: Double
    public let high: Double

    /// `n1`, `n2` may be effective sample sizes; nil when either is not positive.
    public init?(
        proportion1 p1: Double, n1: Double, proportion2 p2: Double, n2: Double, z: Double = NormalDistribution.z95
    ) {
        guard let w1 = WilsonInterval(proportion: p1, n: n1, z: z), let w2 = WilsonInterval(proportion: p2, n: n2, z: z)
        else { return nil }
        let d = p1 - p2
        let a = p1 - w1.low, b = w2.high - p2, c = w1.high - p1, e = p2 - w2.low
        low = max(-1, d - (a * a + b * b).squareRoot())
        high = min(1, d + (c * c + e * e).squareRoot())
    }

    public init?(successes1: Int, trials1: Int, successes2: Int, trials2: Int, z: Double = NormalDistribution.z95) {
        guard trials1 > 0, trials2 > 0, (0...trials1).contains(successes1), (0...trials2).contains(successes2)
        else { return nil }
        self.init(
            proportion1: Double(successes1) / Double(trials1), n1: Double(trials1),
            proportion2: Double(successes2) / Double(trials2), n2: Double(trials2), z: z)
    }
}

/// The Miettinen–Nurminen (1985) score statistic for H0: p1 − p0 = δ, with the variance under the
/// restricted maximum-likelihood estimates (closed form of the cubic, as Farrington & Manning 1990 and
/// statsmodels) and MN's small-sample factor N/(N − 1):
/// z(δ) = (p̂1 − p̂0 − δ) / √((p̃1(1−p̃1)/n1 + p̃0(1−p̃0)/n0) · N/(N−1)).
/// statsmodels: `test_proportions_2indep(x1, n1, x0, n0, value=δ, method="score")` (correction=True).
/// Counts may be non-integer (effective counts).
public struct ScoreTestMN: Sendable, Equatable {
    public let x1: Double, n1: Double, x0: Double, n0: Double

    public init(x1: Double, n1: Double, x0: Double, n0: Double) {
        self.x1 = x1
        self.n1 = n1
        self.x0 = x0
        self.n0 = n0
    }

    public var difference: Double { x1 / n1 - x0 / n0 }

    /// The restricted MLEs (p̃1, p̃0) with p̃1 − p̃0 = δ.
    public func restrictedEstimates(at delta: Double) -> (p1: Double, p0: Double) {
        let n = n1 + n0, count = x1 + x0
        if delta == 0 {
            let pooled = count / n
            return (pooled, pooled)
        }
        let tmp3 = n
        let tmp2 = (n1 + 2 * n0) * delta - n - count
        let tmp1 = (n0 * delta - n - 2 * x0) * delta + count
        let tmp0 = x0 * delta * (1 - delta)
        let b = tmp2 / (3 * tmp3)
        let q = b * b * b - tmp1 * tmp2 / (6 * tmp3 * tmp3) + tmp0 / (2 * tmp3)
        let radicand = max(0, b * b - tmp1 / (3 * tmp3))
        var p0: Double
        if radicand == 0 {
            p0 = -b
        } else {
            let p = (q < 0 ? -1.0 : 1.0) * radicand.squareRoot()
            let ratio = min(1, max(-1, q / (p * p * p)))
            let a = (Double.pi + acos(ratio)) / 3
            p0 = 2 * p * cos(a) - b
        }
        // Keep both estimates inside [0, 1] against rounding.
        p0 = min(min(1, 1 - delta), max(max(0, -delta), p0))
        return (p0 + delta, p0)
    }

    /// z(δ); ±∞ when the restricted variance is 0 but the observed difference is not δ; 0 when both.
    public func statistic(at delta: Double) -> Double {
        let numerator = difference - delta
        let variance: Double
        if abs(delta) >= 1 {
            variance = 0
        } else {
            let (p1, p0) = restrictedEstimates(at: delta)
            let n = n1 + n0
            variance = (p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0) * n / (n - 1)
        }
        if variance <= 0 {
            if numerator == 0 { return 0 }
            return numerator > 0 ? .infinity : -.infinity
        }
        return numerator / variance.squareRoot()
    }

    /// Two-sided p-value of H0: p1 − p0 = δ.
    public func pValue(at delta: Double = 0) -> Double { NormalDistribution.twoSidedP(statistic(at: delta)) }

    /// The score interval: every δ with |z(δ)| ≤ z, found by bisection (z(δ) decreases in δ) to
    /// the last representable bit.
    public func interval(z critical: Double = NormalDistribution.z95) -> (low: Double, high: Double) {
        let d = difference
        func solve(_ lo: Double, _ hi: Double, target: Double) -> Double {
            // z(lo) ≥ target ≥ z(hi)
            var lo = lo, hi = hi
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                if mid <= lo || mid >= hi { break }
                if statistic(at: mid) > target { lo = mid } else { hi = mid }
            }
            return (lo + hi) / 2
        }
        let low = d <= -1 ? -1 : solve(-1, d, target: critical)
        let high = d >= 1 ? 1 : solve(d, 1, target: -critical)
        return (low, high)
    }
}
