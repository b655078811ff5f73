import Foundation
import Testing
@testable import Inspection

/// Reference values. Tables are in statsmodels' order: d = x1/n1 − x2/n2.
/// - Newcombe: statsmodels 0.15.0 `confint_proportions_2indep(x1, n1, x2, n2, method="newcomb")`.
/// - Score test p and z: statsmodels 0.15.0 `test_proportions_2indep(x1, n1, x2, n2, method="score")`
///   (value 0: pooled estimate, correction N/(N−1)).
/// - MN score interval: NOT statsmodels — its constrained MLE for value ≠ 0 has a wrong linear
///   coefficient (count0 for nobs0; statsmodels issue #10269, open), e.g. its interval for 7/20 vs 7/20
///   is asymmetric (−0.28049, 0.28608). Reference: mn_indep.py (ReferenceScripts.swift), which finds the
///   restricted MLE by brentq on the score equation dl/dp0 = 0 (not the cubic), the MN variance with
///   N/(N−1), and the limits by brentq(xtol=1e-15) on z(δ) = ±norm.ppf(0.975):
///     def g(p0): p1 = p0 + d; return x1/p1 - (n1-x1)/(1-p1) + x0/p0 - (n0-x0)/(1-p0)
///     var = (p1(1-p1)/n1 + p0(1-p0)/n0) * N/(N-1); z = (x1/n1 - x0/n0 - d)/sqrt(var)
@Suite struct ProportionDifferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let x1: Int, n1: Int, x2: Int, n2: Int
        let newcombe: (Double, Double)
        let score: (Double, Double)
        let z: Double?, p: Double?
        var testDescription: String { "\(x1)/\(n1) vs \(x2)/\(n2)" }
    }

    static let cases: [Case] = [
        // 0/5 → 5/5 (d = 1)
        Case(
            x1: 5, n1: 5, x2: 0, n2: 5, newcombe: (0.38554900569034356, 1.0), score: (0.40170990316091193, 1.0),
            z: 2.9999999999999996, p: 0.0026997960632601918),
        // 1/2 → 2/2
        Case(
            x1: 2, n1: 2, x2: 1, n2: 2, newcombe: (-0.2725727851131816, 0.9054687942657693),
            score: (-0.46770552428011347, 0.9240217685066195), z: 1.0, p: 0.31731050786291415),
        // 1/1 → 0/1, here as 1/1 vs 0/1
        Case(
            x1: 1, n1: 1, x2: 0, n2: 1, newcombe: (-0.12210872068194178, 1.0), score: (-0.5869013712455252, 1.0),
            z: 1.0, p: 0.31731050786291415),
        // equal proportions
        Case(
            x1: 7, n1: 20, x2: 7, n2: 20, newcombe: (-0.275042661062265, 0.275042661062265),
            score: (-0.2898870972571446, 0.2898870972571446), z: 0.0, p: 1.0),
        Case(
            x1: 30, n1: 60, x2: 40, n2: 80, newcombe: (-0.16278051302107469, 0.1627805130210746),
            score: (-0.1655150049255546, 0.1655150049255546), z: 0.0, p: 1.0),
        // Newcombe (1998b) example (a): 56/70 vs 48/80; his Table II method 10 prints 0.0524 to 0.3339.
        Case(
            x1: 56, n1: 70, x2: 48, n2: 80, newcombe: (0.05243147240236498, 0.33387265403690614),
            score: (0.05282971324584467, 0.3381729400158684), z: 2.6413232722941253, p: 0.008258287929380758),
        Case(
            x1: 9, n1: 10, x2: 3, n2: 10, newcombe: (0.1705227239345029, 0.809017973535488),
            score: (0.1700250164243989, 0.840649543943328), z: 2.6692695630078282, p: 0.007601641475220156),
        Case(
            x1: 0, n1: 10, x2: 10, n2: 10, newcombe: (-1.0, -0.6075093504305241), score: (-1.0, -0.6636415518947675),
            z: -4.358898943540673, p: 1.3071845366763019e-05),
        Case(
            x1: 45, n1: 100, x2: 55, n2: 100, newcombe: (-0.2327304767851176, 0.03796214747351179),
            score: (-0.23504571551633519, 0.03883336212766206), z: -1.4106735979665888, p: 0.1583408793536505),
        Case(
            x1: 1, n1: 29, x2: 0, n2: 20, newcombe: (-0.1291208709323256, 0.17175521879320294),
            score: (-0.1319557722839393, 0.17384183619508634), z: 0.8304547985373998, p: 0.406281694117552),
        Case(
            x1: 17, n1: 40, x2: 9, n2: 38, newcombe: (-0.02081297986755079, 0.3748468853645404),
            score: (-0.02280431438679411, 0.3835662572054483), z: 1.7506577711188864, p: 0.08000487757940827),
        // both 0/5: statsmodels' test is nan (0/0); yotq defines z = 0, p = 1 (nothing to test).
        Case(
            x1: 0, n1: 5, x2: 0, n2: 5, newcombe: (-0.43448246478317487, 0.43448246478317487),
            score: (-0.4605260186820011, 0.4605260186820011), z: nil, p: nil),
    ]

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test(arguments: cases)
    func newcombeMatchesStatsmodels(c: Case) throws {
        let interval = try #require(NewcombeInterval(successes1: c.x1, trials1: c.n1, successes2: c.x2, trials2: c.n2))
        #expect(Self.close(interval.low, c.newcombe.0))
        #expect(Self.close(interval.high, c.newcombe.1))
        #expect(interval.low >= -1 && interval.high <= 1 && interval.low < interval.high)
        // The same through ProportionDifference, which reports after − before: sample 2 is "before".
        let d = try #require(
            ProportionDifference(successes1: c.x2, trials1: c.n2, successes2: c.x1, trials2: c.n1, method: .newcombe))
        #expect(d.low == interval.low && d.high == interval.high)
        #expect(d.method == .newcombe)
    }

    @Test(arguments: cases)
    func scoreIntervalAndTestMatchReferences(c: Case) throws {
        let d = try #require(ProportionDifference(successes1: c.x2, trials1: c.n2, successes2: c.x1, trials2: c.n1))
        #expect(d.method == .scoreMN)
        #expect(Self.close(d.difference, Double(c.x1) / Double(c.n1) - Double(c.x2) / Double(c.n2), 1e-15))
        #expect(Self.close(d.low, c.score.0), "low \(d.low)")
        #expect(Self.close(d.high, c.score.1), "high \(d.high)")
        #expect(d.low >= -1 && d.high <= 1 && d.low < d.high)
        if let z = c.z, let p = c.p {
            #expect(Self.close(d.z, z, 1e-12))
            #expect(Self.close(d.pValue, p, 1e-12))
        } else {
            #expect(d.z == 0 && d.pValue == 1)
        }
    }

    /// Effective (non-integer) sizes: 62% of n_eff 41.3 vs 48% of 37.9. Newcombe and the score test from
    /// statsmodels 0.15.0 with counts 0.62*41.3 and 0.48*37.9; the MN interval from mn_indep.py.
    @Test func effectiveSampleSizes() throws {
        let n = try #require(
            ProportionDifference(proportion1: 0.48, n1: 37.9, proportion2: 0.62, n2: 41.3, method: .newcombe))
        #expect(Self.close(n.low, -0.07608442350626357))
        #expect(Self.close(n.high, 0.3394436570177315))
        #expect(Self.close(n.z, 1.243898673029981, 1e-12))
        #expect(Self.close(n.pValue, 0.2135368578177267, 1e-12))
        let s = try #require(ProportionDifference(proportion1: 0.48, n1: 37.9, proportion2: 0.62, n2: 41.3))
        #expect(Self.close(s.low, -0.07980813407700044))
        #expect(Self.close(s.high, 0.3475640975319639))
    }

    /// The MN interval is the inversion of the test: over every table with n1 = 12, n2 = 15, the
    /// interval excludes 0 exactly when p < 0.05. Newcombe's need not (counted, not asserted equal).
    @Test func scoreIntervalAgreesWithItsTest() throws {
        var newcombeDisagreements = 0
        for y1 in 0...12 {
            for y2 in 0...15 {
                let d = try #require(ProportionDifference(successes1: y1, trials1: 12, successes2: y2, trials2: 15))
                let excludesZero = d.low > 0 || d.high < 0
                #expect(excludesZero == (d.pValue < 0.05), "\(y1)/12 → \(y2)/15: [\(d.low), \(d.high)] p \(d.pValue)")
                #expect(d.low <= d.difference && d.difference <= d.high)
                let n = try #require(
                    ProportionDifference(successes1: y1, trials1: 12, successes2: y2, trials2: 15, method: .newcombe))
                #expect(n.pValue == d.pValue)
                if (n.low > 0 || n.high < 0) != (n.pValue < 0.05) { newcombeDisagreements += 1 }
            }
        }
        #expect(newcombeDisagreements > 0)  // why the verbs should pair the test with the MN interval
    }

    /// Twenty random tables (numpy default_rng(11): n ~ U[1, 200), x ~ U[0, n]), MN limits from
    /// mn_indep.py `ci(x1, n1, x2, n2)` (mn_random.py in ReferenceScripts.swift).
    @Test(
        arguments: [
            (22, 27, 13, 26, 0.05866774390820753, 0.5364210253376257),
            (84, 118, 3, 120, 0.5932088835638502, 0.765088333693994),
            (39, 97, 28, 30, -0.643963365619833, -0.36158381610552043),
            (60, 110, 2, 15, 0.15066511437526175, 0.5551961018872896),
            (148, 151, 118, 189, 0.2840689638624816, 0.4293110838774385),
            (25, 173, 38, 74, -0.4905411402053733, -0.2434111615020847),
            (89, 89, 36, 132, 0.6454813910589116, 0.7961532104914162),
            (59, 171, 22, 28, -0.5772607164526751, -0.24622404249520302),
            (23, 50, 69, 134, -0.21188376672408046, 0.10643382818542713),
            (158, 188, 90, 163, 0.19440375260806528, 0.379247751044408),
            (26, 196, 40, 196, -0.1463020050058554, 0.0027935286996998232),
            (51, 62, 54, 111, 0.19239487569079267, 0.45932068917261015),
            (182, 196, 42, 71, 0.22261680805678866, 0.4582607955405227),
            (85, 144, 38, 47, -0.3423748423483967, -0.06444431183673022),
            (172, 177, 22, 173, 0.7803323289203532, 0.891681386956539),
            (106, 155, 26, 93, 0.2807414758746906, 0.513507637259299),
            (3, 3, 16, 17, -0.5247415216064321, 0.27710815210309053),
            (14, 61, 12, 86, -0.03516681817570947, 0.2256647929673293),
            (13, 171, 27, 134, -0.20880509851271795, -0.04923775507320903),
            (113, 113, 39, 180, 0.7174463866571513, 0.8373397973965513),
        ] as [(Int, Int, Int, Int, Double, Double)])
    func scoreIntervalOnRandomTables(x1: Int, n1: Int, x2: Int, n2: Int, low: Double, high: Double) throws {
        let d = try #require(ProportionDifference(successes1: x2, trials1: n2, successes2: x1, trials2: n1))
        #expect(Self.close(d.low, low), "low \(d.low)")
        #expect(Self.close(d.high, high), "high \(d.high)")
    }

    /// The closed-form restricted MLE maximises the restricted likelihood: over a grid of tables and δ,
    /// no point of a fine grid of p0 in the feasible range has a higher log-likelihood
    /// l(p0) = x1 log(p0 + δ) + (n1 − x1) log(1 − p0 − δ) + x0 log p0 + (n0 − x0) log(1 − p0).
    @Test func restrictedEstimatesMaximiseTheLikelihood() {
        func logLikelihood(_ t: ScoreTestMN, _ p0: Double, _ delta: Double) -> Double {
            let p1 = p0 + delta
            func term(_ count: Double, _ p: Double) -> Double { count == 0 ? 0 : count * Foundation.log(p) }
            return term(t.x1, p1) + term(t.n1 - t.x1, 1 - p1) + term(t.x0, p0) + term(t.n0 - t.x0, 1 - p0)
        }
        var checked = 0
        for (x1, n1, x0, n0) in [
            (0, 5, 0, 5), (5, 5, 0, 5), (3, 7, 6, 9), (12, 40, 30, 35), (1, 1, 0, 1), (17, 20, 2, 31),
        ] {
            let t = ScoreTestMN(x1: Double(x1), n1: Double(n1), x0: Double(x0), n0: Double(n0))
            for delta in stride(from: -0.95, through: 0.95, by: 0.05) {
                let (p1, p0) = t.restrictedEstimates(at: delta)
                #expect(abs(p1 - p0 - delta) < 1e-12)
                let best = logLikelihood(t, p0, delta)
                let low = max(0, -delta), high = min(1, 1 - delta)
                for i in 1..<400 {
                    let q = low + (high - low) * Double(i) / 400
                    #expect(logLikelihood(t, q, delta) <= best + 1e-9, "\(x1)/\(n1) \(x0)/\(n0) δ \(delta)")
                }
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    @Test func refusesEmptyOrInconsistentCounts() {
        #expect(ProportionDifference(successes1: 0, trials1: 0, successes2: 1, trials2: 2) == nil)
        #expect(ProportionDifference(successes1: 1, trials1: 2, successes2: 0, trials2: 0) == nil)
        #expect(ProportionDifference(successes1: 3, trials1: 2, successes2: 0, trials2: 2) == nil)
        #expect(ProportionDifference(proportion1: 0.5, n1: 0, proportion2: 0.5, n2: 10) == nil)
        #expect(NewcombeInterval(successes1: 0, trials1: 0, successes2: 0, trials2: 5) == nil)
    }

    /// Φ⁻¹ against scipy 1.x `norm.ppf`: 0.95 → 1.6448536269514722, 0.9 → 1.2815515655446004,
    /// 0.995 → 2.5758293035489004, 0.0005 → −3.2905267314918945.
    @Test(arguments: [
        (0.95, 1.6448536269514722), (0.9, 1.2815515655446004), (0.995, 2.5758293035489004),
        (0.0005, -3.2905267314918945),
    ])
    func normalQuantile(p: Double, z: Double) {
        #expect(abs(NormalDistribution.quantile(p) - z) < 1e-13)
    }
}
