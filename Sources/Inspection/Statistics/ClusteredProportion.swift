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
        self.init(
            cases: used.count, judgements: used.reduce(0) { $0 + $1.judgements },
            sufficient: used.reduce(0) { $0 + $1.sufficient },
            sumY2: used.reduce(0) { $0 + $1.sufficient * $1.sufficient },
            sumYM: used.reduce(0) { $0 + $1.sufficient * $1.judgements },
            sumM2: used.reduce(0) { $0 + $1.judgements * $1.judgements }, z: z)
    }

    /// From sufficient statistics over the k cases with m_i > 0: N = Σ m_i, Y = Σ y_i, Σ y_i², Σ y_i·m_i,
    /// Σ m_i² (what `JudgementScoring` accumulates in one pass). Σ (y_i − p̂ m_i)² is computed as
    /// (N²Σy² − 2NYΣym + Y²Σm²)/N², exactly in integers unless that overflows.
    /// nil when N is 0, or k < 1.
    public init?(
        cases k: Int, judgements n: Int, sufficient y: Int, sumY2: Int, sumYM: Int, sumM2: Int,
        z: Double = NormalDistribution.z95
    ) {
        guard n > 0, k >= 1, y >= 0, y <= n else { return nil }
        let p = Double(y) / Double(n)
        cases = k
        judgements = n
        sufficient = y
        proportion = p
        guard k > 1 else {
            variance = nil
            designEffectRaw = nil
            designEffect = nil
            effectiveN = nil
            interval = nil
            return
        }
        let bigN = Double(n)
        // Σ (y_i − p̂ m_i)² · N² = N²Σy² − 2NYΣym + Y²Σm².
        var scaled: Double
        let n2 = n.multipliedReportingOverflow(by: n), a = n2.partialValue.multipliedReportingOverflow(by: sumY2)
        let ny = n.multipliedReportingOverflow(by: y), b = ny.partialValue.multipliedReportingOverflow(by: 2 * sumYM)
        let y2 = y.multipliedReportingOverflow(by: y), c = y2.partialValue.multipliedReportingOverflow(by: sumM2)
        if !(n2.overflow || a.overflow || ny.overflow || b.overflow || y2.overflow || c.overflow),
            case let (ab, o1) = a.partialValue.subtractingReportingOverflow(b.partialValue), !o1,
            case let (abc, o2) = ab.addingReportingOverflow(c.partialValue), !o2
        {
            scaled = Double(abc)
        } else {
            let yd = Double(y)
            scaled = bigN * bigN * Double(sumY2) - 2 * bigN * yd * Double(sumYM) + yd * yd * Double(sumM2)
        }
        scaled = max(0, scaled)
        let kd = Double(k)
        let v = kd / (kd - 1) * scaled / (bigN * bigN) / (bigN * bigN)
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
