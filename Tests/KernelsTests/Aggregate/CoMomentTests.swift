import Columnar
import Kernels
import TestSupport
import Testing

/// corr, covar_*, regr_* over random (y, x) pairs with NULLs, in groups, one pass and as a merge of
/// partial states, against two-pass formulas from the definitions (DuckDB's NULL and NaN rules).
@Suite struct CoMomentTests {
    static let names = [
        "corr", "covar_pop", "covar_samp", "regr_slope", "regr_intercept", "regr_r2", "regr_count", "regr_avgx",
        "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy",
    ]

    /// Two-pass reference over the pairs of one group.
    static func reference(_ name: String, _ pairs: [(y: Double, x: Double)]) -> Value {
        let n = Double(pairs.count)
        if name == "regr_count" { return .bigint(Int64(pairs.count)) }
        guard !pairs.isEmpty else { return .null }
        let meanX = pairs.reduce(0) { $0 + $1.x } / n, meanY = pairs.reduce(0) { $0 + $1.y } / n
        let sxx = pairs.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
        let syy = pairs.reduce(0) { $0 + ($1.y - meanY) * ($1.y - meanY) }
        let sxy = pairs.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
        let varX = sxx / n, varY = syy / n
        switch name {
        case "corr": return .double((sxy / n) / (varX.squareRoot() * varY.squareRoot()))
        case "covar_pop": return .double(sxy / n)
        case "covar_samp": return n > 1 ? .double(sxy / (n - 1)) : .null
        case "regr_slope": return .double((sxy / n) / varX)
        case "regr_intercept":
            let slope = (sxy / n) / varX
            return slope.isFinite ? .double(meanY - slope * meanX) : .null
        case "regr_r2":
            if varX == 0 { return .null }
            if varY == 0 { return .double(1) }
            let r = (sxy / n) / (varX.squareRoot() * varY.squareRoot())
            return .double(r * r)
        case "regr_avgx": return .double(meanX)
        case "regr_avgy": return .double(meanY)
        case "regr_sxx": return .double(sxx)
        case "regr_syy": return .double(syy)
        case "regr_sxy": return .double(sxy)
        default: fatalError(name)
        }
    }

    /// Loose where a result is a ratio of tiny differences (corr of nearly constant groups).
    static func close(_ a: Value, _ b: Value) -> Bool {
        approximatelyEqual(a, b, tolerance: 1e-6)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func groupedPairsMatchTwoPassFormulas(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let chunkCount = 4, rowsPerChunk = 700, groupCount = 23
        var chunks: [(groups: [UInt32], y: Column, x: Column)] = []
        var pairsOfGroup = [[(y: Double, x: Double)]](repeating: [], count: groupCount)
        for _ in 0..<chunkCount {
            var groups: [UInt32] = [], ys: [Double] = [], xs: [Double] = [], validY: [Bool] = [], validX: [Bool] = []
            for _ in 0..<rowsPerChunk {
                let g = UInt32.random(in: 0..<UInt32(groupCount), using: &rng)
                // Group 0: constant y; group 1: constant x; every fifth group far from zero.
                let offset = g % 5 == 4 ? 1e6 : 0
                let x = g == 1 ? 3 : Double(Int.random(in: -50...50, using: &rng)) / 4 + offset
                let y = g == 0 ? 7 : Double(Int.random(in: -50...50, using: &rng)) / 8 + offset
                let hasY = Int.random(in: 0..<10, using: &rng) > 0, hasX = Int.random(in: 0..<10, using: &rng) > 0
                groups.append(g); ys.append(y); xs.append(x); validY.append(hasY); validX.append(hasX)
                if hasX && hasY { pairsOfGroup[Int(g)].append((y, x)) }
            }
            chunks.append(
                (
                    groups, Column(.double(ys), validity: Validity(validY)),
                    Column(.double(xs), validity: Validity(validX))
                ))
        }
        for name in Self.names {
            let overload = try #require(AggregateFunctions.standard[name]?.resolve([.double, .double]))
            let whole = overload.makeAccumulator(false)
            let left = overload.makeAccumulator(false), right = overload.makeAccumulator(false)
            for (i, chunk) in chunks.enumerated() {
                try chunk.groups.withUnsafeBufferPointer {
                    try whole.update(groups: $0, arguments: [chunk.y, chunk.x])
                    try (i < 2 ? left : right).update(groups: $0, arguments: [chunk.y, chunk.x])
                }
            }
            let identity = (0..<UInt32(groupCount)).map { $0 }
            try identity.withUnsafeBufferPointer { try left.merge(right, mapping: $0) }
            let results = [
                try whole.finalize(groupCount: groupCount + 1), try left.finalize(groupCount: groupCount + 1),
            ]
            for result in results {
                for g in 0..<groupCount {
                    let expected = Self.reference(name, pairsOfGroup[g])
                    #expect(Self.close(result[g], expected), "\(name) of group \(g): \(result[g]) vs \(expected)")
                }
                // A group with no pairs at all: NULL (regr_count: 0).
                #expect(result[groupCount] == (name == "regr_count" ? .bigint(0) : .null))
            }
        }
    }
}
