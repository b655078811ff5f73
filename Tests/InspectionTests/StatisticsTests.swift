import Testing
@testable import Inspection

@Suite struct StatisticsTests {
    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
    /// Medicine 17:857–872, Table II, method 3 (Wilson score interval, no continuity correction), printed
    /// to 4 decimals: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0.0000–0.1611;
    /// 1/29 → 0.0061–0.1718. By hand for 45/100 (z = 1.959964, z² = 3.841459): centre
    /// (0.45 + 0.019207)/1.038415 = 0.451842, half 1.959964/1.038415·√(0.002475 + 0.0000960) = 0.095704
    /// → 0.356138–0.547546.
    @Test(arguments: [
        (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
        (45, 100, 0.3561, 0.5476),
    ])
    func wilsonIntervalMatchesNewcombe(y: Int, n: Int, low: Double, high: Double) throws {
        let interval = try #require(WilsonInterval(successes: y, trials: n))
        #expect(abs(interval.low - low) < 0.00006)
        #expect(abs(interval.high - high) < 0.00006)
    }

    @Test func wilsonIntervalRefusesEmptyOrInconsistentCounts() {
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
        #expect(WilsonInterval(successes: 5, trials: 4) == nil)
        #expect(WilsonInterval(successes: -1, trials: 4) == nil)
    }

    @Test func wilsonIntervalAtFullScoreStaysBelowOne() throws {
        let interval = try #require(WilsonInterval(successes: 20, trials: 20))
        #expect(interval.high == 1)
        #expect(abs(interval.low - (1 - 0.1611)) < 0.00006)  // mirror of 0/20
    }

    /// p0 = 0.5, n = 100: SE = √(0.25/100) = 0.05; 95%: 0.5 ∓ 1.959964·0.05 = 0.402002 / 0.597998;
    /// 99.8%: 0.5 ∓ 3.090232·0.05 = 0.345488 / 0.654512 (Spiegelhalter 2005, normal approximation).
    @Test func funnelLimitsByHand() throws {
        let limits = try #require(FunnelLimits(national: 0.5, n: 100))
        #expect(abs(limits.lower95 - 0.402002) < 1e-6)
        #expect(abs(limits.upper95 - 0.597998) < 1e-6)
        #expect(abs(limits.lower998 - 0.345488) < 1e-6)
        #expect(abs(limits.upper998 - 0.654512) < 1e-6)
        #expect(limits.position(of: 0.5) == .within)
        #expect(limits.position(of: 0.62) == .above95)
        #expect(limits.position(of: 0.70) == .above998)
        #expect(limits.position(of: 0.38) == .below95)
        #expect(limits.position(of: 0.30) == .below998)
    }

    /// Funnel limits narrow as n grows (∝ 1/√n) and are clipped to [0, 1].
    @Test func funnelLimitsNarrowWithNAndStayInRange() throws {
        let small = try #require(FunnelLimits(national: 0.9, n: 10))
        let large = try #require(FunnelLimits(national: 0.9, n: 1000))
        #expect(small.upper998 == 1)
        #expect(large.upper95 - large.lower95 < small.upper95 - small.lower95)
        #expect(abs((large.upper95 - 0.9) * 1000.0.squareRoot() - 1.959964 * 0.09.squareRoot()) < 1e-5)
        #expect(FunnelLimits(national: 0.5, n: 0) == nil)
    }

    /// Φ⁻¹ values: P(|Z| ≥ 1.959964) = 0.05 and P(|Z| ≥ 3.090232) = 0.002 by definition of the quantiles.
    @Test func normalTailAreasAtTheQuantiles() {
        #expect(abs(NormalDistribution.twoSidedP(NormalDistribution.z95) - 0.05) < 1e-12)
        #expect(abs(NormalDistribution.twoSidedP(NormalDistribution.z998) - 0.002) < 1e-12)
    }
}
