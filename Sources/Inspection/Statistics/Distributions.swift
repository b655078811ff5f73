import Foundation

/// The binomial distribution B(n, p): cumulative probabilities and quantiles, summed in log space.
public enum BinomialDistribution {
    /// P(R ≤ r) for R ~ B(n, p); 0 for r < 0, 1 for r ≥ n.
    public static func cdf(_ r: Int, n: Int, p: Double) -> Double {
        if r < 0 { return 0 }
        if r >= n { return 1 }
        if p <= 0 { return 1 }
        if p >= 1 { return 0 }
        // Sum the smaller tail for accuracy.
        let lp = log(p), lq = log1p(-p)
        let lnN = logGamma(Double(n) + 1)
        func pmf(_ k: Int) -> Double {
            exp(lnN - logGamma(Double(k) + 1) - logGamma(Double(n - k) + 1) + Double(k) * lp + Double(n - k) * lq)
        }
        let mean = Double(n) * p
        if Double(r) < mean {
            var s = 0.0
            for k in stride(from: r, through: 0, by: -1) { s += pmf(k) }
            return min(1, s)
        } else {
            var s = 0.0
            for k in (r + 1)...n { s += pmf(k) }
            return max(0, 1 - s)
        }
    }

    /// The smallest r with P(R ≤ r) ≥ q (scipy's `binom.ppf`), for 0 < q < 1.
    public static func quantile(_ q: Double, n: Int, p: Double) -> Int {
        var lo = 0, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf(mid, n: n, p: p) >= q { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// The χ² distribution: upper tail and quantiles through the regularised incomplete gamma function
/// (series below a + 1, Lentz continued fraction above; Numerical Recipes §6.2).
public enum ChiSquareDistribution {
    /// P(X ≥ x) for X ~ χ²_df.
    public static func survival(_ x: Double, df: Double) -> Double {
        guard x > 0 else { return 1 }
        return upperGamma(df / 2, x / 2)
    }

    /// The q-quantile (0 < q < 1), by bisection on `survival` to full precision.
    public static func quantile(_ q: Double, df: Double) -> Double {
        var lo = 0.0, hi = max(1.0, df)
        while survival(hi, df: df) > 1 - q { hi *= 2 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if mid <= lo || mid >= hi { break }
            if survival(mid, df: df) > 1 - q { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// Q(a, x) = Γ(a, x)/Γ(a).
    static func upperGamma(_ a: Double, _ x: Double) -> Double {
        let logPrefix = -x + a * log(x) - logGamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(logPrefix) * h
    }
}

/// Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7: numpy's
/// default `percentile`, R's default `quantile`, DuckDB's `quantile_cont`): h = (n − 1)·q,
/// x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) over the sorted values.
public enum SampleQuantile {
    public static func type7(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty, q >= 0, q <= 1 else { return nil }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * q
        let i = Int(h.rounded(.down))
        if i + 1 >= sorted.count { return sorted[sorted.count - 1] }
        return sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i])
    }
}

/// ln Γ(x) (the Double overload; Glibc also exports lgamma returning the sign).
@inline(__always) func logGamma(_ x: Double) -> Double {
    let value: Double = Foundation.lgamma(x)
    return value
}
