import Columnar

/// `median`, `quantile_cont` and `quantile_disc` of numbers over frames whose bounds never move back
/// (growing from the partition start, or sliding): the frame's values live in a Fenwick tree of counts
/// by rank, each row entering and leaving once, and the k-th smallest is found in O(log n). The
/// accumulator path sorted every frame's values again: O(n² log n) for `median(x) OVER (ORDER BY id)`.
/// Results are `QuantileAccumulator`'s, value for value.
enum WindowQuantile {
    static func evaluate(
        _ kind: QuantileKind, arguments: [Column], resultType: DataType, layout: WindowLayout, starts: [Int32],
        ends: [Int32]
    ) throws(KernelError) -> Column {
        let n = layout.rowCount
        let column = arguments[0]
        let present = RowValidity(column)
        var fraction = kind.fraction ?? 0.5
        if kind.fraction == nil, n > 0 { fraction = try QuantileAccumulator.fraction(arguments[1]) }
        // Keys by position; ranks among the distinct keys (ties share a rank).
        var keyOfPosition = [UInt64](repeating: 0, count: n)
        var valid = [Bool](repeating: false, count: n)
        QuantileAccumulator.withKeys(column, continuous: kind.continuous) { key in
            for p in 0..<n {
                let row = Int(layout.order[p])
                if present.isValid(row) {
                    valid[p] = true
                    keyOfPosition[p] = key(row)
                }
            }
        }
        var distinct = (0..<n).compactMap { valid[$0] ? keyOfPosition[$0] : nil }
        distinct.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(distinct.count)
        for key in distinct where unique.last != key { unique.append(key) }
        let rankOfPosition = (0..<n).map { p -> Int in valid[p] ? lowerBound(unique, keyOfPosition[p]) : -1 }

        var tree = OrderStatisticTree(size: unique.count)
        var keys = [UInt64](repeating: 0, count: n)
        var doubles = [Double](repeating: 0, count: n)
        var hasValue = [Bool](repeating: false, count: n)
        var low = 0, high = 0  // positions in the tree: [low, high)
        for p in 0..<n {
            if p == Int(layout.partitionStart[p]) {
                // A new partition: empty the tree of the previous one's remaining rows.
                for q in low..<high where rankOfPosition[q] >= 0 { tree.add(rankOfPosition[q], -1) }
                low = p
                high = p
            }
            let start = Int(starts[p]), end = max(Int(ends[p]), start)
            // Add before removing, so every removed position was added.
            while high < end {
                if rankOfPosition[high] >= 0 { tree.add(rankOfPosition[high], 1) }
                high += 1
            }
            while low < start {
                if low < high, rankOfPosition[low] >= 0 { tree.add(rankOfPosition[low], -1) }
                low += 1
            }
            if high < low { high = low }
            let count = tree.total
            guard count > 0 else { continue }
            hasValue[p] = true
            if kind.continuous {
                doubles[p] = QuantileAccumulator.interpolated(count: count, fraction: fraction) {
                    unique[tree.rank(ofSmallest: $0)]
                }
            } else {
                let index = QuantileAccumulator.discreteIndex(count: count, fraction: fraction)
                keys[p] = unique[tree.rank(ofSmallest: index)]
            }
        }
        var placedKeys = keys, placedDoubles = doubles
        var validity = Validity(allValid: n)
        var anyNull = false
        for p in 0..<n {
            let row = Int(layout.order[p])
            placedKeys[row] = keys[p]
            placedDoubles[row] = doubles[p]
            if !hasValue[p] {
                validity.set(row, valid: false)
                anyNull = true
            }
        }
        if kind.continuous { return Column(.double(placedDoubles), validity: anyNull ? validity : nil) }
        return KeyNormalization.column(fromOrderKeys: placedKeys, type: resultType, validity: anyNull ? validity : nil)
    }

    private static func lowerBound(_ sorted: [UInt64], _ key: UInt64) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Counts by rank in a Fenwick tree: add or remove a rank and find the k-th smallest in O(log n).
struct OrderStatisticTree {
    private var counts: [Int]
    private let size: Int
    private(set) var total = 0
    /// The highest power of two not above `size`, where the descent in `rank(ofSmallest:)` starts.
    private let topStep: Int

    init(size: Int) {
        self.size = size
        counts = [Int](repeating: 0, count: size + 1)
        var step = 1
        while step * 2 <= size { step *= 2 }
        topStep = size == 0 ? 0 : step
    }

    mutating func add(_ rank: Int, _ delta: Int) {
        total += delta
        var i = rank + 1
        while i <= size {
            counts[i] += delta
            i += i & -i
        }
    }

    /// The rank of the k-th smallest element (0-based k < total).
    func rank(ofSmallest k: Int) -> Int {
        var position = 0, remaining = k
        var step = topStep
        while step > 0 {
            let next = position + step
            if next <= size && counts[next] <= remaining {
                position = next
                remaining -= counts[next]
            }
            step /= 2
        }
        return position  // 1-based index position + 1 holds it, i.e. rank `position`
    }
}
