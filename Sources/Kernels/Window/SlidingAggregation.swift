import Columnar

/// count / sum / avg / min / max over frames that slide: `ROWS BETWEEN 10000 PRECEDING AND 10000
/// FOLLOWING` and the like, where a frame's start and end never move backwards as the rows go by in
/// sorted order (within a partition). Feeding every row of every frame costs rows × frame size (a
/// million rows with a 200,001-row frame: minutes); this costs O(n) for count, integer sums and
/// min/max (a running sum, and a queue of candidates for the extremum) and O(n log n) for DOUBLE sums,
/// whose running sums are kept in a tree so that no subtraction loses precision or turns ∞ − ∞ into NaN.
///
/// Positions are sorted positions (`layout.order[p]` is the row); `starts[p] ..< ends[p]` is row p's
/// frame, in positions.
enum SlidingAggregation {
    /// Whether the frames slide (neither bound moves backwards within a partition).
    static func slides(_ layout: WindowLayout, starts: [Int32], ends: [Int32]) -> Bool {
        for p in 1..<max(1, layout.rowCount) where layout.partitionStart[p] == layout.partitionStart[p - 1] {
            if starts[p] < starts[p - 1] || ends[p] < ends[p - 1] { return false }
        }
        return true
    }

    static func evaluate(
        _ kind: RunningAggregateKind, arguments: [Column], layout: WindowLayout, starts: [Int32], ends: [Int32]
    ) throws(KernelError) -> Column {
        let n = layout.rowCount
        let order = layout.order
        let column = arguments.first
        let present = column.map(RowValidity.init)
        // Non-NULL values before each position (a global prefix: frames never cross partitions).
        var before = [Int64](repeating: 0, count: n + 1)
        for q in 0..<n { before[q + 1] = before[q] + ((present?.isValid(Int(order[q])) ?? true) ? 1 : 0) }
        func count(_ p: Int) -> Int64 { ends[p] > starts[p] ? before[Int(ends[p])] - before[Int(starts[p])] : 0 }
        /// Results by position, placed at their rows; NULL where the frame holds no value.
        func byRow<T>(_ values: [T], _ make: ([T]) -> Column.Storage) -> Column {
            var placed = values
            var validity: Validity?
            for p in 0..<n {
                placed[Int(order[p])] = values[p]
                if count(p) == 0 {
                    if validity == nil { validity = Validity(allValid: n) }
                    validity!.set(Int(order[p]), valid: false)
                }
            }
            return Column(make(placed), validity: validity)
        }

        switch kind {
        case .count, .countStar:
            var counts = [Int64](repeating: 0, count: n)
            for p in 0..<n { counts[Int(order[p])] = count(p) }
            return Column(.bigint(counts))
        case .minimum, .maximum:
            let images =
                SortImage.images(of: SortKey(column: column!), rowCount: n).last?.values
                ?? [UInt64](repeating: 0, count: n)
            let isMax = kind == .maximum
            var chosen = [Int32](repeating: -1, count: n)
            // Positions still able to be a frame's extremum, best first, in increasing position.
            var queue = [Int](repeating: 0, count: n)
            var head = 0, tail = 0, added = 0
            for p in 0..<n {
                if p == 0 || layout.partitionStart[p] != layout.partitionStart[p - 1] {
                    head = 0; tail = 0
                    added = Int(layout.partitionStart[p])
                }
                while added < Int(ends[p]) {
                    let row = Int(order[added])
                    if present!.isValid(row) {
                        while tail > head {
                            let last = images[Int(order[queue[tail - 1]])]
                            if isMax ? last < images[row] : last > images[row] { tail -= 1 } else { break }
                        }
                        queue[tail] = added
                        tail += 1
                    }
                    added += 1
                }
                while tail > head && queue[head] < Int(starts[p]) { head += 1 }
                chosen[Int(order[p])] = tail > head && ends[p] > starts[p] ? order[queue[head]] : -1
            }
            return WindowGather.select(column!, rows: chosen)
        case .sum, .average:
            switch column!.storage {
            case .bigint(let values):
                // An exact running sum (128 bits: no prefix can overflow), entering rows added and leaving
                // rows taken off as the frame slides.
                var sums = [Int128](repeating: 0, count: n)
                var sum: Int128 = 0
                var low = 0, high = 0
                for p in 0..<n {
                    if p == 0 || layout.partitionStart[p] != layout.partitionStart[p - 1] {
                        sum = 0
                        low = Int(layout.partitionStart[p]); high = low
                    }
                    while high < Int(ends[p]) {
                        let row = Int(order[high])
                        if present!.isValid(row) { sum += Int128(values[row]) }
                        high += 1
                    }
                    while low < max(Int(starts[p]), 0) && low < high {
                        let row = Int(order[low])
                        if present!.isValid(row) { sum -= Int128(values[row]) }
                        low += 1
                    }
                    sums[p] = sum
                }
                if kind == .average {
                    return byRow((0..<n).map { p in count(p) > 0 ? Double(sums[p]) / Double(count(p)) : 0 }) {
                        .double($0)
                    }
                }
                var results = [Int64](repeating: 0, count: n)
                for p in 0..<n {
                    guard let fitted = Int64(exactly: sums[p]) else {
                        throw KernelError(.overflow, "Overflow in SUM of BIGINT values")
                    }
                    results[p] = fitted
                }
                return byRow(results) { .bigint($0) }
            case .double(let values):
                let tree = SumTree(
                    values: (0..<n).map { q in
                        let row = Int(order[q])
                        return present!.isValid(row) ? values[row] : 0
                    })
                let averages = kind == .average
                let results = (0..<n).map { p -> Double in
                    let total = tree.sum(Int(starts[p])..<max(Int(starts[p]), Int(ends[p])))
                    return averages && count(p) > 0 ? total / Double(count(p)) : total
                }
                return byRow(results) { .double($0) }
            default:
                preconditionFailure("sum/avg of \(column!.type)")
            }
        }
    }
}

/// Sums of ranges of a fixed list of doubles in O(log n) each: a binary tree of partial sums laid out in
/// one array (leaves at `count ..< 2 count`).
struct SumTree {
    private let count: Int
    private var nodes: [Double]

    init(values: [Double]) {
        count = values.count
        nodes = [Double](repeating: 0, count: 2 * max(1, values.count))
        for (i, value) in values.enumerated() { nodes[count + i] = value }
        if count > 1 {
            for i in stride(from: count - 1, through: 1, by: -1) { nodes[i] = nodes[2 * i] + nodes[2 * i + 1] }
        }
    }

    func sum(_ range: Range<Int>) -> Double {
        var left: Double = 0, right: Double = 0
        var lo = range.lowerBound + count, hi = range.upperBound + count
        while lo < hi {
            if lo & 1 == 1 { left += nodes[lo]; lo += 1 }
            if hi & 1 == 1 { hi -= 1; right = nodes[hi] + right }
            lo >>= 1; hi >>= 1
        }
        return left + right
    }
}
