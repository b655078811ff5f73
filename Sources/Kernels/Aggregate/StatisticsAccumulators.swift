import Columnar
import Platform

/// `corr`, `covar_pop`, `covar_samp` and the `regr_*` family over (y, x) pairs, DuckDB's argument order.
///
/// A pair where either value is NULL is skipped. Per group one state of Welford-style co-moments — count,
/// both means, both sums of squared deviations and the sum of cross deviations — updated per pair without
/// subtracting large sums, and combined across partial states with the pairwise (Chan et al.) formula.
/// The finals follow DuckDB 2.0.1 (e.g. `corr` of a constant is NaN, `regr_r2` is 1 when only y is
/// constant and NULL when x is; `covar_samp` of one pair is NULL; `regr_count` of no pairs is 0).
final class CoMomentAccumulator: GroupedAccumulator {
    enum Statistic {
        case correlation, covariancePopulation, covarianceSample, slope, intercept, r2, count, averageX, averageY
        case sxx, syy, sxy
    }

    struct State {
        var n = 0.0, meanX = 0.0, meanY = 0.0, m2X = 0.0, m2Y = 0.0, cXY = 0.0

        @inline(__always)
        mutating func add(y: Double, x: Double) {
            n += 1
            let dx = x - meanX
            meanX += dx / n
            let dy = y - meanY
            meanY += dy / n
            m2X += dx * (x - meanX)
            m2Y += dy * (y - meanY)
            cXY += dx * (y - meanY)
        }

        mutating func combine(_ other: State) {
            guard other.n > 0 else { return }
            guard n > 0 else { self = other; return }
            let total = n + other.n
            let dx = other.meanX - meanX, dy = other.meanY - meanY
            let weight = n * other.n / total
            m2X += other.m2X + dx * dx * weight
            m2Y += other.m2Y + dy * dy * weight
            cXY += other.cXY + dx * dy * weight
            meanX += dx * other.n / total
            meanY += dy * other.n / total
            n = total
        }
    }

    private let statistic: Statistic
    private var states: [State] = []

    init(_ statistic: Statistic) { self.statistic = statistic }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        AccumulatorSupport.grow(&states, to: AccumulatorSupport.requiredCount(groups), with: State())
        let y = StatisticsSupport.doubles(arguments[0]), x = StatisticsSupport.doubles(arguments[1])
        let validY = arguments[0].validity?.words, validX = arguments[1].validity?.words
        y.withUnsafeBufferPointer { y in
            x.withUnsafeBufferPointer { x in
                states.withUnsafeMutableBufferPointer { states in
                    if validY == nil && validX == nil {
                        for row in 0..<groups.count { states[Int(groups[row])].add(y: y[row], x: x[row]) }
                    } else {
                        for row in 0..<groups.count
                        where StatisticsSupport.isValid(validY, row) && StatisticsSupport.isValid(validX, row) {
                            states[Int(groups[row])].add(y: y[row], x: x[row])
                        }
                    }
                }
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: CoMomentAccumulator.self)
        AccumulatorSupport.grow(&states, to: AccumulatorSupport.requiredCount(mapping), with: State())
        for g in 0..<min(other.states.count, mapping.count) { states[Int(mapping[g])].combine(other.states[g]) }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        if statistic == .count {
            return Column(.bigint((0..<groupCount).map { $0 < states.count ? Int64(states[$0].n) : 0 }))
        }
        var values = [Double](repeating: 0, count: groupCount)
        var validity: Validity?
        for g in 0..<groupCount {
            let result = g < states.count ? try value(states[g]) : nil
            if let result {
                values[g] = result
            } else {
                if validity == nil { validity = Validity(allValid: groupCount) }
                validity!.set(g, valid: false)
            }
        }
        return Column(.double(values), validity: validity)
    }

    /// The statistic of one group's state, nil for NULL (DuckDB's rules).
    private func value(_ s: State) throws(KernelError) -> Double? {
        guard s.n > 0 else { return nil }
        let n = s.n
        let varianceX = n > 1 ? s.m2X / n : 0, varianceY = n > 1 ? s.m2Y / n : 0
        switch statistic {
        case .covariancePopulation: return s.cXY / n
        case .covarianceSample: return n > 1 ? s.cXY / (n - 1) : nil
        case .correlation: return try CoMomentAccumulator.correlation(s, varianceX, varianceY)
        case .slope:
            guard varianceX.isFinite else { throw KernelError(.invalidArgument, "VARPOP is out of range!") }
            return (s.cXY / n) / varianceX
        case .intercept:
            let slope = (s.cXY / n) / varianceX
            guard slope.isFinite else { return nil }
            return s.meanY - slope * s.meanX
        case .r2:
            guard varianceX.isFinite, varianceX != 0 else { return nil }
            guard varianceY.isFinite else { throw KernelError(.invalidArgument, "VARPOP is out of range!") }
            if varianceY == 0 { return 1 }
            let r = try CoMomentAccumulator.correlation(s, varianceX, varianceY)
            return r * r
        case .averageX: return s.meanX
        case .averageY: return s.meanY
        case .sxx: return s.m2X
        case .syy: return s.m2Y
        case .sxy: return s.cXY
        case .count: return n
        }
    }

    private static func correlation(_ s: State, _ varianceX: Double, _ varianceY: Double) throws(KernelError)
        -> Double
    {
        let deviationX = varianceX.squareRoot(), deviationY = varianceY.squareRoot()
        guard deviationX.isFinite else { throw KernelError(.invalidArgument, "STDDEV_POP for X is out of range!") }
        guard deviationY.isFinite else { throw KernelError(.invalidArgument, "STDDEV_POP for Y is out of range!") }
        return (s.cXY / s.n) / (deviationX * deviationY)
    }
}

/// `skewness`, `kurtosis` (sample excess kurtosis) and `kurtosis_pop`: per group the count, mean and the
/// 2nd–4th central moment sums, updated per value (Terriberry's extension of Welford's method) and combined
/// with Pébay's pairwise formulas, so no catastrophic cancellation of raw power sums. The finals are
/// DuckDB's formulas on those moments: skewness needs n > 2 and a non-zero variance, kurtosis n > 3;
/// a non-finite result is DuckDB's "out of range" error.
final class MomentAccumulator: GroupedAccumulator {
    enum Statistic { case skewness, kurtosis, kurtosisPopulation }

    struct State {
        var n = 0.0, mean = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0

        @inline(__always)
        mutating func add(_ x: Double) {
            let previous = n
            n += 1
            let delta = x - mean
            let deltaN = delta / n
            let deltaN2 = deltaN * deltaN
            let term = delta * deltaN * previous
            mean += deltaN
            m4 += term * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3
            m3 += term * deltaN * (n - 2) - 3 * deltaN * m2
            m2 += term
        }

        mutating func combine(_ b: State) {
            guard b.n > 0 else { return }
            guard n > 0 else { self = b; return }
            let a = self
            let total = a.n + b.n
            let delta = b.mean - a.mean
            let delta2 = delta * delta
            let product = a.n * b.n
            n = total
            mean = a.mean + delta * b.n / total
            m2 = a.m2 + b.m2 + delta2 * product / total
            m3 =
                a.m3 + b.m3 + delta2 * delta * product * (a.n - b.n) / (total * total)
                + 3 * delta * (a.n * b.m2 - b.n * a.m2) / total
            m4 =
                a.m4 + b.m4
                + delta2 * delta2 * product * (a.n * a.n - a.n * b.n + b.n * b.n) / (total * total * total)
                + 6 * delta2 * (a.n * a.n * b.m2 + b.n * b.n * a.m2) / (total * total)
                + 4 * delta * (a.n * b.m3 - b.n * a.m3) / total
        }
    }

    private let statistic: Statistic
    private var states: [State] = []

    init(_ statistic: Statistic) { self.statistic = statistic }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        AccumulatorSupport.grow(&states, to: AccumulatorSupport.requiredCount(groups), with: State())
        let x = StatisticsSupport.doubles(arguments[0])
        x.withUnsafeBufferPointer { x in
            states.withUnsafeMutableBufferPointer { states in
                AccumulatorSupport.forEachValidRow(arguments[0]) { row in states[Int(groups[row])].add(x[row]) }
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: MomentAccumulator.self)
        AccumulatorSupport.grow(&states, to: AccumulatorSupport.requiredCount(mapping), with: State())
        for g in 0..<min(other.states.count, mapping.count) { states[Int(mapping[g])].combine(other.states[g]) }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        var values = [Double](repeating: 0, count: groupCount)
        var validity: Validity?
        for g in 0..<groupCount {
            if g < states.count, let result = try value(states[g]) {
                values[g] = result
            } else {
                if validity == nil { validity = Validity(allValid: groupCount) }
                validity!.set(g, valid: false)
            }
        }
        return Column(.double(values), validity: validity)
    }

    private func value(_ s: State) throws(KernelError) -> Double? {
        let n = s.n
        let m2 = s.m2 / n
        switch statistic {
        case .skewness:
            guard n > 2 else { return nil }
            let divisor = (m2 * m2 * m2).squareRoot()
            guard divisor != 0 else { return nil }
            let result = (n * (n - 1)).squareRoot() / (n - 2) * (s.m3 / n) / divisor
            guard result.isFinite else { throw KernelError(.invalidArgument, "SKEW is out of range!") }
            return result
        case .kurtosis, .kurtosisPopulation:
            let sample = statistic == .kurtosis
            guard n > (sample ? 3 : 0), m2 > 0 else { return nil }
            let ratio = (s.m4 / n) / (m2 * m2)
            let result = sample ? (n - 1) * ((n + 1) * ratio - 3 * (n - 1)) / ((n - 2) * (n - 3)) : ratio - 3
            guard result.isFinite else { throw KernelError(.invalidArgument, "Kurtosis is out of range!") }
            return result
        }
    }
}

/// `product(x)`: the product of the non-NULL values as DOUBLE (NULL for none).
final class ProductAccumulator: GroupedAccumulator {
    private var products: [Double] = []
    private var seen: [Bool] = []

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        let needed = AccumulatorSupport.requiredCount(groups)
        AccumulatorSupport.grow(&products, to: needed, with: 1)
        AccumulatorSupport.grow(&seen, to: needed, with: false)
        let x = StatisticsSupport.doubles(arguments[0])
        x.withUnsafeBufferPointer { x in
            products.withUnsafeMutableBufferPointer { products in
                seen.withUnsafeMutableBufferPointer { seen in
                    AccumulatorSupport.forEachValidRow(arguments[0]) { row in
                        let g = Int(groups[row])
                        products[g] *= x[row]
                        seen[g] = true
                    }
                }
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: ProductAccumulator.self)
        let needed = AccumulatorSupport.requiredCount(mapping)
        AccumulatorSupport.grow(&products, to: needed, with: 1)
        AccumulatorSupport.grow(&seen, to: needed, with: false)
        for g in 0..<min(other.seen.count, mapping.count) where other.seen[g] {
            let t = Int(mapping[g])
            products[t] *= other.products[g]
            seen[t] = true
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let values = (0..<groupCount).map { $0 < seen.count && seen[$0] ? products[$0] : 0 }
        let validity = AccumulatorSupport.validity(groupCount: groupCount) { $0 < seen.count && seen[$0] }
        return Column(.double(values), validity: validity)
    }
}

/// `mode(x)` and `entropy(x)`: how often each distinct (group, value) pair occurs, in a `GroupIndex`
/// keyed by (group, value) whose ids follow first appearance. `mode` is the most frequent value, a tie
/// going to the value seen first (DuckDB's rule); `entropy` is −Σ p·log2 p over the group's value
/// frequencies, 0 for a group without values. NULLs are skipped.
final class FrequencyAccumulator: GroupedAccumulator {
    enum Statistic { case mode, entropy }

    private let statistic: Statistic
    private let type: DataType
    private var pairs: GroupIndex?
    private var counts: [Int64] = []

    init(_ statistic: Statistic, type: DataType) {
        self.statistic = statistic
        self.type = type
    }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        let column = arguments[0]
        if column.validity == nil {
            add(groups: Column(.bigint(groups.map { Int64($0) })), values: column, weights: nil)
        } else {
            var rows: [Int32] = []
            AccumulatorSupport.forEachValidRow(column) { rows.append(Int32($0)) }
            add(groups: Column(.bigint(rows.map { Int64(groups[Int($0)]) })), values: column.gather(rows), weights: nil)
        }
    }

    private func add(groups: Column, values: Column, weights: [Int64]?) {
        guard groups.count > 0 else { return }
        if pairs == nil { pairs = GroupIndex(keyTypes: [.bigint, values.type]) }
        let ids = pairs!.groupIDs(for: [groups, values])
        AccumulatorSupport.grow(&counts, to: pairs!.groupCount, with: 0)
        counts.withUnsafeMutableBufferPointer { counts in
            if let weights {
                for (row, id) in ids.enumerated() { counts[Int(id)] += weights[row] }
            } else {
                for id in ids { counts[Int(id)] += 1 }
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: FrequencyAccumulator.self)
        guard let otherPairs = other.pairs, otherPairs.groupCount > 0 else { return }
        let columns = otherPairs.keyColumns()
        guard case .bigint(let otherGroups) = columns[0].storage else { return }
        let mapped = Column(.bigint(otherGroups.map { Int64(mapping[Int($0)]) }))
        add(groups: mapped, values: columns[1], weights: Array(other.counts.prefix(otherPairs.groupCount)))
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        var groupOfPair: [Int64] = []
        var values: Column?
        if let pairs, pairs.groupCount > 0 {
            let columns = pairs.keyColumns()
            if case .bigint(let g) = columns[0].storage { groupOfPair = g }
            values = columns[1]
        }
        switch statistic {
        case .entropy:
            var totals = [Int64](repeating: 0, count: groupCount)
            for (pair, g) in groupOfPair.enumerated() where Int(g) < groupCount { totals[Int(g)] += counts[pair] }
            var entropies = [Double](repeating: 0, count: groupCount)
            for (pair, g) in groupOfPair.enumerated() where Int(g) < groupCount {
                let p = Double(counts[pair]) / Double(totals[Int(g)])
                entropies[Int(g)] -= p * log2(p)
            }
            return Column(.double(entropies))
        case .mode:
            var best = [Int32](repeating: -1, count: groupCount)
            for (pair, g) in groupOfPair.enumerated() where Int(g) < groupCount {
                let current = best[Int(g)]
                // Pair ids follow first appearance, so a strictly larger count is needed to replace.
                if current < 0 || counts[pair] > counts[Int(current)] { best[Int(g)] = Int32(pair) }
            }
            guard let values else { return Column(type: type, values: Array(repeating: .null, count: groupCount)) }
            let rows = best.map { max($0, 0) }
            let picked = values.gather(rows)
            let validity = AccumulatorSupport.validity(groupCount: groupCount) { best[$0] >= 0 }
            return Column(picked.storage, validity: Validity.intersect(picked.validity, validity))
        }
    }
}

enum StatisticsSupport {
    /// The values of a numeric argument column as DOUBLE (the binder casts to DOUBLE; BIGINT is accepted too).
    static func doubles(_ column: Column) -> [Double] {
        switch column.storage {
        case .double(let values): return values
        case .bigint(let values): return values.map(Double.init)
        default: preconditionFailure("expected a numeric column")
        }
    }

    @inline(__always)
    static func isValid(_ words: [UInt64]?, _ row: Int) -> Bool {
        guard let words else { return true }
        return words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }
}
