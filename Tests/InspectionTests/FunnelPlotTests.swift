import Testing
@testable import Inspection

/// Reference: funnel.py (ReferenceScripts.swift) (numpy + scipy 1.x), written from Spiegelhalter (2005) independently:
///   p0 = y.sum()/n.sum(); z = (y/n − p0)/sqrt(p0(1−p0)/n); lo, hi = np.percentile(z, 10), np.percentile(z, 90)
///   zw = np.clip(z, lo, hi); phi = mean(zw²); tau2 = max(0, (I·phi − (I−1))/(Σw − Σw²/Σw)), w = 1/s²
///   stats.chi2.sf(I·phi, I−1); limits p0 ± norm.ppf(0.975 | 0.999)·se with se = s, √max(1, φ)·s, √(s² + τ²)
///   exact: r = binom.ppf(P, n, p0); F = binom.cdf(r, n, p0); F1 = binom.cdf(r−1, n, p0); (r − (F−P)/(F−F1))/n
@Suite struct FunnelPlotTests {
    static let y = [31, 52, 18, 70, 45, 12, 88, 27, 60, 39, 21, 55]
    static let n = [50, 80, 40, 100, 60, 30, 120, 45, 75, 70, 25, 90]
    static func plot() throws -> FunnelPlot {
        try #require(FunnelPlot(units: zip(y, n).map { FunnelPlot.Unit(sufficient: $0, trials: $1) }))
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func estimatesMatchNumpyScipy() throws {
        let f = try Self.plot()
        #expect(Self.close(f.target, 0.6598726114649681))
        #expect(Self.close(f.winsorLow, -2.7030309605948295))
        #expect(Self.close(f.winsorHigh, 1.8808276334262153))
        #expect(Self.close(f.phi, 2.734547711546014))
        #expect(Self.close(f.chiSquare, 12 * 2.734547711546014))
        #expect(f.degreesOfFreedom == 11)
        #expect(Self.close(f.overDispersionP, 0.0005638174178525075, 1e-9))
        #expect(Self.close(f.chiSquareCritical, 19.67513757268249, 1e-10))
        #expect(f.overDispersed)
        #expect(Self.close(f.tau2, 0.006918228781180288))
        // Type 7 with I = 12 puts the 10th percentile between the 2nd and 3rd smallest z: numpy clips two
        // values at each end ((z < lo).sum() == (z > hi).sum() == 2), and they become the percentiles.
        #expect(f.zScores.filter { $0 < f.winsorLow }.count == 2)
        #expect(f.zScores.filter { $0 > f.winsorHigh }.count == 2)
        #expect(f.winsorisedZScores.filter { $0 == f.winsorLow }.count == 2)
        #expect(f.winsorisedZScores.filter { $0 == f.winsorHigh }.count == 2)
    }

    /// (n, adjustment, lower95, upper95, lower998, upper998); values above 1 are clipped.
    @Test(arguments: [
        (
            40.0, FunnelPlot.Adjustment.none, 0.513058111880894, 0.8066871110490422, 0.4283934040880863,
            0.8913518188418499
        ),
        (40.0, .multiplicative, 0.41709328525954537, 0.9026519376703909, 0.27708776285168524, 1.0),
        (40.0, .additive, 0.44048576531605454, 0.8792594576138817, 0.31397017403995753, 1.0),
        (100.0, .none, 0.5670189690202646, 0.7527262539096716, 0.5134723062086888, 0.8062729167212475),
        (100.0, .multiplicative, 0.5063254835429402, 0.8134197393869961, 0.41777821638082424, 0.901967006549112),
        (100.0, .additive, 0.4722616046175717, 0.8474836183123645, 0.36407044421823254, 0.9556747787117037),
    ])
    func limitsMatchNumpy(
        n: Double, adjustment: FunnelPlot.Adjustment, l95: Double, u95: Double, l998: Double, u998: Double
    ) throws {
        let limits = try #require(try Self.plot().limits(n: n, adjustment: adjustment))
        #expect(Self.close(limits.lower95, l95))
        #expect(Self.close(limits.upper95, u95))
        #expect(Self.close(limits.lower998, l998))
        #expect(Self.close(limits.upper998, u998))
    }

    /// Exact binomial limits, Spiegelhalter's interpolation; negative limits clip to 0.
    @Test(arguments: [
        (0.6175, 40, 0.4519096023518997, 0.75246197887311, 0.3604398876581433, 0.8314667442163381),
        (0.6175, 100, 0.5159017755056794, 0.7068513606444982, 0.4600451448759026, 0.7586144586592131),
        (0.9, 12, 0.6641736031509587, 0.9926235288302664, 0.5100922800252312, 0.9997049411532107),
        (0.05, 30, 0.0, 0.1264175829692631, 0.0, 0.19475191894626306),
    ])
    func exactLimitsMatchScipy(p0: Double, n: Int, l95: Double, u95: Double, l998: Double, u998: Double) throws {
        let limits = try #require(FunnelPlot.exactLimits(target: p0, n: n))
        #expect(Self.close(limits.lower95, l95, 1e-10))
        #expect(Self.close(limits.upper95, u95, 1e-10))
        #expect(Self.close(limits.lower998, l998, 1e-10))
        #expect(Self.close(limits.upper998, u998, 1e-10))
    }

    /// scipy `binom.cdf(20, 40, 0.6175)`, `binom.cdf(3, 300, 0.02)`, `binom.cdf(290, 300, 0.95)`;
    /// `chi2.sf(20, 11)`, `chi2.sf(3, 1)`, `chi2.sf(200, 157)`, `chi2.ppf(0.95, 157)`, `chi2.ppf(0.95, 1)`;
    /// `np.percentile([3, 1, 4, 1.5, 5], 10 | 90)`, `np.percentile([2, 7], 25)`.
    @Test func distributionsMatchScipy() {
        #expect(Self.close(BinomialDistribution.cdf(20, n: 40, p: 0.6175), 0.08718091410953532, 1e-11))
        #expect(Self.close(BinomialDistribution.cdf(3, n: 300, p: 0.02), 0.14851038151125792, 1e-11))
        #expect(Self.close(BinomialDistribution.cdf(290, n: 300, p: 0.95), 0.9350303191362107, 1e-11))
        #expect(Self.close(ChiSquareDistribution.survival(20, df: 11), 0.04534067443406042, 1e-11))
        #expect(Self.close(ChiSquareDistribution.survival(3, df: 1), 0.08326451666355042, 1e-11))
        #expect(Self.close(ChiSquareDistribution.survival(200, df: 157), 0.011551161785622729, 1e-10))
        #expect(Self.close(ChiSquareDistribution.quantile(0.95, df: 157), 187.23886994495388, 1e-11))
        #expect(Self.close(ChiSquareDistribution.quantile(0.95, df: 1), 3.841458820694124, 1e-11))
        #expect(SampleQuantile.type7([3, 1, 4, 1.5, 5], 0.1) == 1.2)
        #expect(Self.close(SampleQuantile.type7([3, 1, 4, 1.5, 5], 0.9)!, 4.6, 1e-15))
        #expect(SampleQuantile.type7([2, 7], 0.25) == 3.25)
    }

    @Test func refusesDegenerateInput() {
        #expect(FunnelPlot(units: [.init(sufficient: 3, trials: 5)]) == nil)
        #expect(FunnelPlot(units: [.init(sufficient: 0, trials: 5), .init(sufficient: 0, trials: 9)]) == nil)
        #expect(FunnelPlot(units: [.init(sufficient: 1, trials: 5), .init(sufficient: 0, trials: 0)]) == nil)
        #expect(FunnelPlot.exactLimits(target: 0.5, n: 0) == nil)
    }

    /// Seeded simulation: 158 areas with true proportions Beta(14, 6) (mean 0.70, sd 0.10, about the spread
    /// of published CCI scores), n uniform 50…300, y ~ B(n, p_i), SplitMix64 seed 2005. With real
    /// between-area variation the unadjusted 99.8% limits flag far more than 0.2% of areas; the additive
    /// random-effects limits flag at most about 5%, and τ̂ recovers the simulated sd roughly (winsorising
    /// shrinks it). With this seed: τ̂ 0.078, φ̂ 6.22; beyond 99.8%: unadjusted 52, multiplicative 3, additive 2.
    @Test func overDispersionAdjustmentOnSimulatedAreas() throws {
        var rng = SplitMix64(seed: 2005)
        func uniform() -> Double { Double(rng.next() >> 11) * 0x1p-53 }
        var units: [FunnelPlot.Unit] = []
        for _ in 0..<158 {
            // Beta(14, 6) as the 14th smallest of 19 uniforms.
            let p = (0..<19).map { _ in uniform() }.sorted()[13]
            let n = 50 + rng.below(251)
            let y = (0..<n).reduce(0) { count, _ in count + (uniform() < p ? 1 : 0) }
            units.append(.init(sufficient: y, trials: n))
        }
        let f = try #require(FunnelPlot(units: units))
        func outside(_ adjustment: FunnelPlot.Adjustment) -> Int {
            units.indices.filter { i in
                let position = f.limits(unit: i, adjustment: adjustment)!.position(of: units[i].proportion)
                return position == .above998 || position == .below998
            }.count
        }
        #expect(f.overDispersed)
        #expect(f.tau2.squareRoot() > 0.06 && f.tau2.squareRoot() < 0.14, "tau \(f.tau2.squareRoot())")
        let unadjusted = outside(.none), additive = outside(.additive), multiplicative = outside(.multiplicative)
        #expect(unadjusted >= 30, "unadjusted \(unadjusted) of 158")
        #expect(additive <= 8, "additive \(additive) of 158")
        #expect(multiplicative < unadjusted)
    }
}
