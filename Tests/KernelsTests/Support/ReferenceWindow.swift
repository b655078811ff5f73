import Columnar
import Kernels

/// Brute-force window evaluation over boxed rows, from the definitions: partition, sort, peers, frame.
struct ReferenceWindow {
    let rows: [[Value]]
    let partitionColumns: [Int]
    let orderColumns: [(column: Int, ascending: Bool, nullsFirst: Bool)]
    private var partitions: [(rows: [Int], position: Int)] = []

    init(rows: [[Value]], partitionColumns: [Int], orderColumns: [(column: Int, ascending: Bool, nullsFirst: Bool)]) {
        self.rows = rows
        self.partitionColumns = partitionColumns
        self.orderColumns = orderColumns
        partitions = rows.indices.map(computePartition)
    }

    /// Rows of `row`'s partition in window order, and the position of `row` in it.
    func partition(of row: Int) -> (rows: [Int], position: Int) { partitions[row] }

    private func computePartition(of row: Int) -> (rows: [Int], position: Int) {
        let key = partitionColumns.map { rows[row][$0] }
        let members = rows.indices.filter { r in partitionColumns.map { rows[r][$0] } == key }
        let sorted = members.sorted { a, b in
            for order in orderColumns {
                let x = rows[a][order.column], y = rows[b][order.column]
                if x.isNull && y.isNull { continue }
                if x.isNull { return order.nullsFirst }
                if y.isNull { return !order.nullsFirst }
                if valuePrecedes(x, y) { return order.ascending }
                if valuePrecedes(y, x) { return !order.ascending }
            }
            return a < b
        }
        return (sorted, sorted.firstIndex(of: row)!)
    }

    func arePeers(_ a: Int, _ b: Int) -> Bool {
        orderColumns.allSatisfy { rows[a][$0.column] == rows[b][$0.column] }
    }

    /// Positions (within the sorted partition) in `row`'s frame.
    func frame(_ spec: FrameSpecification, members: [Int], position: Int) -> [Int] {
        let row = members[position]
        return members.indices.filter { q in
            switch spec.unit {
            case .rows:
                return after(q, spec.start, position, isStart: true) && before(q, spec.end, position)
            case .range:
                return rangeContains(spec.start, candidate: members[q], current: row, isStart: true)
                    && rangeContains(spec.end, candidate: members[q], current: row, isStart: false)
            }
        }
    }

    private func after(_ q: Int, _ bound: FrameSpecification.Bound, _ p: Int, isStart: Bool) -> Bool {
        switch bound {
        case .unboundedPreceding: return true
        case .preceding(let n): return q >= p - n
        case .currentRow: return q >= p
        case .following(let n): return q >= p + n
        case .unboundedFollowing: return false
        }
    }

    private func before(_ q: Int, _ bound: FrameSpecification.Bound, _ p: Int) -> Bool {
        switch bound {
        case .unboundedPreceding: return false
        case .preceding(let n): return q <= p - n
        case .currentRow: return q <= p
        case .following(let n): return q <= p + n
        case .unboundedFollowing: return true
        }
    }

    private func rangeContains(_ bound: FrameSpecification.Bound, candidate: Int, current: Int, isStart: Bool) -> Bool {
        switch bound {
        case .unboundedPreceding: return isStart
        case .unboundedFollowing: return !isStart
        case .currentRow:
            if arePeers(candidate, current) { return true }
            return isStart ? !precedes(candidate, current) : precedes(candidate, current)
        case .preceding(let n), .following(let n):
            let order = orderColumns[0]
            let x = rows[candidate][order.column], y = rows[current][order.column]
            if y.isNull { return x.isNull }
            if x.isNull { return false }
            let sign: Double = order.ascending ? 1 : -1
            let delta = ReferenceAggregate.double(x) * sign - ReferenceAggregate.double(y) * sign
            let offset = Double(n) * (bound == .preceding(n) ? -1 : 1)
            return isStart ? delta >= offset : delta <= offset
        }
    }

    /// True when `a` comes strictly before `b` in the ORDER BY (not peers).
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        for order in orderColumns {
            let x = rows[a][order.column], y = rows[b][order.column]
            if x == y { continue }
            if x.isNull { return order.nullsFirst }
            if y.isNull { return !order.nullsFirst }
            return valuePrecedes(x, y) == order.ascending
        }
        return false
    }
}
