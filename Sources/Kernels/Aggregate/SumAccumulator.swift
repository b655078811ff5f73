import Columnar

/// `sum(BIGINT)`: exact Int64 sums; leaving the Int64 range is an error, never wraparound.
final class IntegerSumAccumulator: GroupedAccumulator {
    private var sums: [Int64] = []
    private var counts: [Int64] = []

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        guard case .bigint(let values) = arguments[0].storage else { preconditionFailure("sum expects BIGINT") }
        let needed = AccumulatorSupport.requiredCount(groups)
        var sums = self.sums, counts = self.counts
        self.sums = []; self.counts = []
        AccumulatorSupport.grow(&sums, to: needed, with: 0)
        AccumulatorSupport.grow(&counts, to: needed, with: 0)
        var overflow = false
        values.withUnsafeBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { sums in
                counts.withUnsafeMutableBufferPointer { counts in
                    AccumulatorSupport.forEachValidRow(arguments[0]) { row in
                        let g = Int(groups[row])
                        let (sum, o) = sums[g].addingReportingOverflow(values[row])
                        sums[g] = sum
                        overflow = overflow || o
                        counts[g] += 1
                    }
                }
            }
        }
        self.sums = sums; self.counts = counts
        if overflow { throw KernelError(.overflow, "Overflow in SUM of BIGINT values") }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: IntegerSumAccumulator.self)
        let needed = AccumulatorSupport.requiredCount(mapping)
        AccumulatorSupport.grow(&sums, to: needed, with: 0)
        AccumulatorSupport.grow(&counts, to: needed, with: 0)
        for g in 0..<min(other.sums.count, mapping.count) where other.counts[g] > 0 {
            let target = Int(mapping[g])
            let (sum, overflow) = sums[target].addingReportingOverflow(other.sums[g])
            if overflow { throw KernelError(.overflow, "Overflow in SUM of BIGINT values") }
            sums[target] = sum
            counts[target] += other.counts[g]
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let values = (0..<groupCount).map { $0 < sums.count ? sums[$0] : 0 }
        let validity = AccumulatorSupport.validity(groupCount: groupCount) { $0 < counts.count && counts[$0] > 0 }
        return Column(.bigint(values), validity: validity)
    }
}

/// `sum(DOUBLE)` and `avg(DOUBLE)`: plain left-to-right addition, as DuckDB's `sum`/`avg` do (its
/// compensated variants are the separate `fsum`/`favg`), so results print the same digits.
final class DoubleSumAccumulator: GroupedAccumulator {
    private let averages: Bool
    private var sums: [Double] = []
    private var counts: [Int64] = []

    init(averages: Bool) { self.averages = averages }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        let needed = AccumulatorSupport.requiredCount(groups)
        var sums = self.sums, counts = self.counts
        self.sums = []; self.counts = []
        AccumulatorSupport.grow(&sums, to: needed, with: 0)
        AccumulatorSupport.grow(&counts, to: needed, with: 0)
        sums.withUnsafeMutableBufferPointer { sums in
            counts.withUnsafeMutableBufferPointer { counts in
                switch arguments[0].storage {
                case .double(let values):
                    values.withUnsafeBufferPointer { values in
                        AccumulatorSupport.forEachValidRow(arguments[0]) { row in
                            let g = Int(groups[row])
                            sums[g] += values[row]
                            counts[g] += 1
                        }
                    }
                default: preconditionFailure("expected DOUBLE")
                }
            }
        }
        self.sums = sums; self.counts = counts
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: DoubleSumAccumulator.self)
        let needed = AccumulatorSupport.requiredCount(mapping)
        AccumulatorSupport.grow(&sums, to: needed, with: 0)
        AccumulatorSupport.grow(&counts, to: needed, with: 0)
        for g in 0..<min(other.sums.count, mapping.count) where other.counts[g] > 0 {
            sums[Int(mapping[g])] += other.sums[g]
            counts[Int(mapping[g])] += other.counts[g]
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let values = (0..<groupCount).map { g -> Double in
            guard g < sums.count, counts[g] > 0 else { return 0 }
            return averages ? sums[g] / Double(counts[g]) : sums[g]
        }
        let validity = AccumulatorSupport.validity(groupCount: groupCount) { $0 < counts.count && counts[$0] > 0 }
        return Column(.double(values), validity: validity)
    }
}

/// `avg(BIGINT)`: an exact 128-bit sum per group, divided once at the end (as DuckDB sums into HUGEINT),
/// so no intermediate overflow and no rounding drift.
final class IntegerAverageAccumulator: GroupedAccumulator {
    private var high: [Int64] = []
    private var low: [UInt64] = []
    private var counts: [Int64] = []

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        guard case .bigint(let values) = arguments[0].storage else { preconditionFailure("avg expects BIGINT") }
        let needed = AccumulatorSupport.requiredCount(groups)
        var high = self.high, low = self.low, counts = self.counts
        self.high = []; self.low = []; self.counts = []
        AccumulatorSupport.grow(&high, to: needed, with: 0)
        AccumulatorSupport.grow(&low, to: needed, with: 0)
        AccumulatorSupport.grow(&counts, to: needed, with: 0)
        values.withUnsafeBufferPointer { values in
            high.withUnsafeMutableBufferPointer { high in
                low.withUnsafeMutableBufferPointer { low in
                    counts.withUnsafeMutableBufferPointer { counts in
                        AccumulatorSupport.forEachValidRow(arguments[0]) { row in
                            let g = Int(groups[row])
                            IntegerAverageAccumulator.add(values[row], high: &high[g], low: &low[g])
                            counts[g] += 1
                        }
                    }
                }
            }
        }
        self.high = high; self.low = low; self.counts = counts
    }

    /// Adds a sign-extended Int64 to a two-word 128-bit integer.
    @inline(__always)
    static func add(_ value: Int64, high: inout Int64, low: inout UInt64) {
        let (sum, carry) = low.addingReportingOverflow(UInt64(bitPattern: value))
        low = sum
        high = high &+ (value < 0 ? -1 : 0) &+ (carry ? 1 : 0)
    }

    static func double(high: Int64, low: UInt64) -> Double {
        if high == 0 && low >> 63 == 0 || high == -1 && low >> 63 == 1 { return Double(Int64(bitPattern: low)) }
        return Double(high) * 18_446_744_073_709_551_616.0 + Double(low)
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: IntegerAverageAccumulator.self)
        let needed = AccumulatorSupport.requiredCount(mapping)
        AccumulatorSupport.grow(&high, to: needed, with: 0)
        AccumulatorSupport.grow(&low, to: needed, with: 0)
        AccumulatorSupport.grow(&counts, to: needed, with: 0)
        for g in 0..<min(other.counts.count, mapping.count) where other.counts[g] > 0 {
            let t = Int(mapping[g])
            let (sum, carry) = low[t].addingReportingOverflow(other.low[g])
            low[t] = sum
            high[t] = high[t] &+ other.high[g] &+ (carry ? 1 : 0)
            counts[t] += other.counts[g]
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let values = (0..<groupCount).map { g -> Double in
            guard g < counts.count, counts[g] > 0 else { return 0 }
            return IntegerAverageAccumulator.double(high: high[g], low: low[g]) / Double(counts[g])
        }
        let validity = AccumulatorSupport.validity(groupCount: groupCount) { $0 < counts.count && counts[$0] > 0 }
        return Column(.double(values), validity: validity)
    }
}
