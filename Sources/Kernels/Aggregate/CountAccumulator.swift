import Columnar

/// `count(x)` (non-NULL values) and `count(*)` (rows, when built with `countsRows`).
final class CountAccumulator: GroupedAccumulator {
    private let countsRows: Bool
    private var counts: [Int64] = []

    init(countsRows: Bool) { self.countsRows = countsRows }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        var counts = self.counts
        self.counts = []
        AccumulatorSupport.grow(&counts, to: AccumulatorSupport.requiredCount(groups), with: 0)
        counts.withUnsafeMutableBufferPointer { counts in
            if countsRows || arguments[0].validity == nil {
                for g in groups { counts[Int(g)] += 1 }
            } else {
                AccumulatorSupport.forEachValidRow(arguments[0]) { row in counts[Int(groups[row])] += 1 }
            }
        }
        self.counts = counts
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: CountAccumulator.self)
        AccumulatorSupport.grow(&counts, to: AccumulatorSupport.requiredCount(mapping), with: 0)
        for (g, count) in other.counts.enumerated() where g < mapping.count { counts[Int(mapping[g])] += count }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        var result = counts
        AccumulatorSupport.grow(&result, to: groupCount, with: 0)
        return Column(.bigint(Array(result.prefix(groupCount))))
    }
}
