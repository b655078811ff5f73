import Foundation

/// The standard normal distribution: the few quantiles and tail areas the comparisons need.
public enum NormalDistribution {
    /// z for a two-sided 95% interval: Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054
    /// z for a two-sided 99.8% interval: Φ⁻¹(0.999) (Spiegelhalter's "3 sigma" funnel limit).
    public static let z998 = 3.090232306167813

    /// Two-sided tail area P(|Z| ≥ |z|) = erfc(|z| / √2).
    public static func twoSidedP(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }

    /// Φ(z) = erfc(−z/√2)/2.
    public static func cdf(_ z: Double) -> Double { erfc(-z / 2.0.squareRoot()) / 2 }

    /// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation refined by Newton steps on erfc, accurate
    /// to a few ulps. The exact constants above are returned for 0.975 and 0.999.
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1")
        if p == 0.975 { return z95 }
        if p == 0.999 { return z998 }
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p > 1 - 0.02425 {
            let q = (-2 * log(1 - p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5, r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        for _ in 0..<3 {
            let e = cdf(x) - p
            let density = exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            if density == 0 { break }
            x -= e / density
        }
        return x
    }
}
