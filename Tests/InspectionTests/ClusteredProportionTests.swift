import Testing
@testable import Inspection

/// Reference: cluster.py (ReferenceScripts.swift) — statsmodels 0.15.0 `OLS(y, ones).fit(cov_type="cluster",
/// cov_kwds={"groups": case})` on the 0/1 judgements (variance `cov_params()[0,0]`; its small-sample factor
/// G/(G−1)·(N−1)/(N−K) is k/(k−1) for an intercept-only model), agreeing with the numpy formula
/// k/(k−1)·Σ(y_i − p̂ m_i)²/N² to 1e-17; deff = v/(p̂(1−p̂)/N), n_eff = N/max(1, deff), and
/// `proportion_confint(p*n_eff, n_eff, method="wilson")`.
@Suite struct ClusteredProportionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let cases: [[Int]]
        let p: Double, v: Double, deff: Double, neff: Double, low: Double, high: Double
        var testDescription: String { "\(cases)" }
    }

    static let cases: [Case] = [
        Case(
            cases: [[10, 7], [12, 4], [8, 8], [11, 5], [9, 6]], p: 0.6, v: 0.012200000000000006,
            deff: 2.5416666666666683, neff: 19.67213114754097, low: 0.3849767582481713, high: 0.7823488706678416),
        // deff below 1 (0.2667): reported raw, floored at 1, so n_eff = N = 36.
        Case(
            cases: [[6, 5], [6, 4], [6, 5], [6, 4], [6, 5], [6, 4]], p: 0.75, v: 0.0013888888888888887,
            deff: 0.26666666666666666, neff: 36.0, low: 0.5892954623327165, high: 0.8624952233700518),
        Case(
            cases: [[20, 12], [3, 1], [15, 9], [7, 7], [1, 0], [9, 3], [14, 11]], p: 0.6231884057971014,
            v: 0.005003973229183656, deff: 1.4703490532610854, neff: 46.927632487649774,
            low: 0.4802448674614942, high: 0.7474897673333477),
    ]

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-12 * max(1, abs(b))
    }

    @Test(arguments: cases)
    func matchesStatsmodelsClusterRobustOLS(c: Case) throws {
        let clustered = try #require(ClusteredProportion(cases: c.cases.map { ($0[0], $0[1]) }))
        #expect(clustered.cases == c.cases.count)
        #expect(clustered.judgements == c.cases.reduce(0) { $0 + $1[0] })
        #expect(Self.close(clustered.proportion, c.p))
        #expect(Self.close(clustered.variance, c.v))
        #expect(Self.close(clustered.designEffectRaw, c.deff))
        #expect(Self.close(clustered.designEffect, max(1, c.deff)))
        #expect(clustered.designEffectBelowOne == (c.deff < 1))
        #expect(Self.close(clustered.effectiveN, c.neff))
        #expect(Self.close(clustered.interval?.low, c.low))
        #expect(Self.close(clustered.interval?.high, c.high))
    }

    @Test func oneCaseHasNoInterval() throws {
        let one = try #require(ClusteredProportion(cases: [(12, 7), (0, 0)]))
        #expect(one.cases == 1 && one.judgements == 12 && one.sufficient == 7)
        #expect(one.variance == nil && one.designEffect == nil && one.effectiveN == nil && one.interval == nil)
    }

    @Test func emptyOrInconsistentIsNil() {
        #expect(ClusteredProportion(cases: []) == nil)
        #expect(ClusteredProportion(cases: [(0, 0), (0, 0)]) == nil)
        #expect(ClusteredProportion(cases: [(3, 4), (5, 1)]) == nil)
    }

    /// All sufficient: variance 0, deff undefined (0/0): n_eff = N and Wilson 20/20 (Newcombe's 0/20
    /// mirrored, upper 1, lower 1 − 0.1611).
    @Test func allSufficientUsesN() throws {
        let all = try #require(ClusteredProportion(cases: [(10, 10), (10, 10)]))
        #expect(all.variance == 0 && all.designEffectRaw == nil && all.designEffect == 1 && all.effectiveN == 20)
        #expect(all.interval == WilsonInterval(successes: 20, trials: 20))
    }

    /// Kish's 1 + (m − 1)ρ with ρ = 1: cases that are all-or-nothing give deff = m·k/(k−1).
    /// Hand: 4 cases of 5, two all Y and two all N: p̂ = 0.5, Σ(y − p̂m)² = 4·6.25 = 25, v = 4/3·25/400
    /// = 0.083333, binomial 0.25/20 = 0.0125, deff = 6.6667 = 5·4/3.
    @Test func allOrNothingCasesByHand() throws {
        let c = try #require(ClusteredProportion(cases: [(5, 5), (5, 0), (5, 5), (5, 0)]))
        #expect(abs(c.designEffectRaw! - 20.0 / 3) < 1e-12)
        #expect(abs(c.effectiveN! - 3) < 1e-12)
    }
}
