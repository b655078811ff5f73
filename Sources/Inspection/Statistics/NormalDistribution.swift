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
}
