import Columnar

/// `count(DISTINCT x)` over frames whose ends never move back within a partition (growing or sliding):
/// positions are added in order, and a Fenwick tree marks only the latest position of each value seen,
/// so the distinct values of a frame `[s, e)` once its end is added are the marks inside it. O(n log n),
/// where feeding every frame's rows to a distinct accumulator cost O(n · frame size).
enum DistinctCounting {
    static func evaluate(_ column: Column, layout: WindowLayout, starts: [Int32], ends: [Int32]) -> Column {
        let n = layout.rowCount
        let present = RowValidity(column)
        let index = GroupIndex(keyTypes: [column.type])
        let sorted = column.gather(layout.order)
        let ids = index.groupIDs(for: [sorted], rowCount: n)
        var latest = [Int](repeating: -1, count: index.groupCount)
        var marks = FenwickSums(size: n)
        var counts = [Int64](repeating: 0, count: n)
        var added = 0
        for p in 0..<n {
            let end = Int(ends[p]), start = Int(starts[p])
            while added < end {
                if present.isValid(Int(layout.order[added])) {
                    let id = Int(ids[added])
                    if latest[id] >= 0 { marks.add(latest[id], -1) }
                    marks.add(added, 1)
                    latest[id] = added
                }
                added += 1
            }
            if end > start { counts[Int(layout.order[p])] = Int64(marks.prefix(end) - marks.prefix(start)) }
        }
        return Column(.bigint(counts))
    }

    /// Whether every frame end is at or after the previous position's within its partition.
    static func applies(_ layout: WindowLayout, ends: [Int32]) -> Bool {
        for p in 1..<max(1, layout.rowCount) where layout.partitionStart[p] == layout.partitionStart[p - 1] {
            if ends[p] < ends[p - 1] { return false }
        }
        return true
    }
}

/// Prefix sums over positions with point updates.
struct FenwickSums {
    private var tree: [Int]

    init(size: Int) { tree = [Int](repeating: 0, count: size + 1) }

    mutating func add(_ position: Int, _ delta: Int) {
        var i = position + 1
        while i < tree.count {
            tree[i] += delta
            i += i & -i
        }
    }

    /// The sum over positions `0..<end`.
    func prefix(_ end: Int) -> Int {
        var i = end, sum = 0
        while i > 0 {
            sum += tree[i]
            i -= i & -i
        }
        return sum
    }
}
