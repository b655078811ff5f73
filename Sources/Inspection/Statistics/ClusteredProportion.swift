/// A proportion of judgements pooled over cases, where each case contributes several correlated
/// judgements (Appendix 5 pools every applicable judgement of every case). With case i holding m_i
/// applicable judgements of which y_i sufficient, k cases, N = Σ m_i, p̂ = Σ y_i / N:
/// - ratio-estimator (cluster-robust) variance v = k/(k−1) · Σ (y_i − p̂·m_i)² / N²;
/// - design effect deff = v / (p̂(1−p̂)/N) (Kish 1965); reported raw, and floored at 1 for use;
/// - effective n = N / max(1, deff); Wilson interval with the effective n.
/// With one case there is no between-case variation to estimate: no variance, no interval.
/// With p̂ = 0 or 1 the variance is 0 and deff is undefined (nil): the floored deff is 1, n_eff = N.
/// statsmodels check: the variance equals OLS of the 0/1 judgements on an intercept with
/// `cov_type="cluster"` (its correction G/(G−1)·(N−1)/(N−K) is k/(k−1) when K = 1).
public struct ClusteredProportion: Sendable, Equatable {
    /// Number of cases with at least one applicable judgement.
    public let cases: Int
    /// N, applicable judgements.
    public let judgements: Int
    public let sufficient: Int
    /// p̂ = Σ y_i / N, a fraction 0–1.
    public let proportion: Double
    /// v, the variance of p̂ (fraction²); nil with one case.
    public let variance: Double?
    /// deff as computed (may be below 1); nil with one case or when p̂ is 0 or 1.
    public let designEffectRaw: Double?
    /// The design effect used: max(1, raw), 1 when raw is undefined but a variance exists; nil with one case.
    public let designEffect: Double?
    /// N / designEffect; nil with one case.
    public let effectiveN: Double?
    /// 95% Wilson interval of p̂ with the effective n (fractions); nil with one case.
    public let interval: WilsonInterval?

    /// `cases`: per case (applicable judgements m_i, sufficient y_i). Cases with m_i = 0 are ignored.
    /// nil when no judgement is applicable or a pair is inconsistent (y_i < 0 or y_i > m_i).
    public init?(cases list: [(judgements: Int, sufficient: Int)], z: Double = NormalDistribution.z95) {
        guard list.allSatisfy({ $0.judgements >= 0 && $0.sufficient >= 0 && $0.sufficient <= $0.judgements })
        else { return nil }
        let used = list.filter { $0.judgements > 0 }
        let n = used.reduce(0) { $0 + $1.judgements }
        guard n > 0 else { return nil }
        let y = used.reduce(0) { $0 + $1.sufficient }
        let p = Double(y) / Double(n)
        cases = used.count
        judgements = n
        sufficient = y
        proportion = p
        guard used.count > 1 else {
            variance = nil
            designEffectRaw = nil
            designEffect = nil
            effectiveN = nil
            interval = nil
            return
        }
        let k = Double(used.count), bigN = Double(n)
        var sum = 0.0
        for c in used {
            let r = Double(c.sufficient) - p * Double(c.judgements)
            sum += r * r
        }
        let v = k / (k - 1) * sum / (bigN * bigN)
        variance = v
        let binomial = p * (1 - p) / bigN
        let raw: Double? = binomial > 0 ? v / binomial : nil
        designEffectRaw = raw
        let deff = max(1, raw ?? 1)
        designEffect = deff
        effectiveN = bigN / deff
        interval = WilsonInterval(proportion: p, n: bigN / deff, z: z)
    }

    /// The raw design effect is below 1 (cases vary less than independent judgements would): say so
    /// when reporting; the floored value 1 is what the interval uses.
    public var designEffectBelowOne: Bool { (designEffectRaw ?? 1) < 1 }
}
