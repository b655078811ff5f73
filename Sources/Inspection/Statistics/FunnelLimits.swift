/// Control limits of a funnel plot for a proportion (Spiegelhalter, "Funnel plots for comparing
/// institutional performance", Statistics in Medicine 2005, normal approximation to the binomial):
/// p0 ± z·√(p0(1−p0)/n), z = 1.96 (95%) and 3.09 (99.8%), clipped to [0, 1].
public struct FunnelLimits: Sendable, Equatable {
    public let lower95: Double
    public let upper95: Double
    public let lower998: Double
    public let upper998: Double

    /// Where a unit falls against the limits.
    public enum Position: String, Sendable {
        case above998 = "above 99.8%"
        case above95 = "above 95%"
        case within
        case below95 = "below 95%"
        case below998 = "below 99.8%"
    }

    /// - Parameters: `national` the target proportion (0–1), `n` the unit's number of judgements.
    public init?(national p0: Double, n: Int) {
        guard n > 0, (0...1).contains(p0) else { return nil }
        let se = (p0 * (1 - p0) / Double(n)).squareRoot()
        lower95 = max(0, p0 - NormalDistribution.z95 * se)
        upper95 = min(1, p0 + NormalDistribution.z95 * se)
        lower998 = max(0, p0 - NormalDistribution.z998 * se)
        upper998 = min(1, p0 + NormalDistribution.z998 * se)
    }

    public func position(of p: Double) -> Position {
        if p > upper998 { return .above998 }
        if p > upper95 { return .above95 }
        if p < lower998 { return .below998 }
        if p < lower95 { return .below95 }
        return .within
    }
}
