import Columnar

/// `RANGE BETWEEN n PRECEDING AND m FOLLOWING`: frames by ORDER BY value, found by binary search in the
/// sorted partition. Needs exactly one numeric or DATE ORDER BY key.
///
/// Keys are compared in their own type, in the order the rows were sorted: integers (BIGINT, DATE days)
/// exactly, so keys above 2^53 are not merged by a conversion to DOUBLE, and the offset is added in 128
/// bits; doubles in the sort's total order, where NaN equals NaN and follows +inf. A NaN or infinite key
/// plus an offset is itself, so its frame is its peers (as in DuckDB), and a NaN no longer breaks the
/// binary search for the other rows.
struct RangeOffsets {
    private enum Keys {
        case integers([Int64?])
        case doubles([Double?])
    }

    /// Per position (sorted order) the key, nil for NULL.
    private let keys: Keys
    private let ascending: Bool

    init(orderBy: [SortKey], order: [Int32]) throws(KernelError) {
        guard orderBy.count == 1, orderBy[0].column.type != .varchar, orderBy[0].column.type != .boolean else {
            throw KernelError(.invalidArgument, "RANGE with an offset needs exactly one numeric or DATE ORDER BY key")
        }
        let key = orderBy[0]
        ascending = key.ascending
        let validity = RowValidity(key.column)
        switch key.column.storage {
        case .double(let values):
            keys = .doubles(order.map { validity.isNull(Int($0)) ? nil : values[Int($0)] })
        case .bigint(let values):
            keys = .integers(order.map { validity.isNull(Int($0)) ? nil : values[Int($0)] })
        case .date(let days):
            keys = .integers(order.map { validity.isNull(Int($0)) ? nil : Int64(days[Int($0)]) })
        default:
            throw KernelError(.invalidArgument, "RANGE with an offset needs exactly one numeric or DATE ORDER BY key")
        }
    }

    /// The first position (start) or one past the last position (end) whose key is within the frame's
    /// reach of the current row's: `delta` is the signed offset in frame direction (negative for
    /// PRECEDING). NULL rows frame their NULL peers.
    func bound(position p: Int, delta: Int, isEnd: Bool, partition: Range<Int>, peers: Range<Int>) -> Int {
        switch keys {
        case .integers(let keys):
            guard let current = keys[p] else { return isEnd ? peers.upperBound : peers.lowerBound }
            // In sort direction: a DESC frame's PRECEDING rows have larger keys.
            let target = Int128(current) + Int128(ascending ? delta : -delta)
            return search(keys, partition: partition, isEnd: isEnd) { key in
                let key = Int128(key)
                return key == target ? 0 : (key < target) == ascending ? -1 : 1
            }
        case .doubles(let keys):
            guard let current = keys[p] else { return isEnd ? peers.upperBound : peers.lowerBound }
            let target = current + Double(ascending ? delta : -delta)
            return search(keys, partition: partition, isEnd: isEnd) { key in
                let order = RangeOffsets.totalOrder(key, target)
                return ascending ? order : -order
            }
        }
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b` ascending: NaN equals NaN and follows +inf.
    private static func totalOrder(_ a: Double, _ b: Double) -> Int {
        switch (a.isNaN, b.isNaN) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): return a < b ? -1 : a == b ? 0 : 1
        }
    }

    /// Binary search over the partition's non-NULL keys (contiguous, in sort order) with `compare`
    /// giving a key's place relative to the target in sort direction. Start: the first key not before
    /// the target; end: the first key after it.
    private func search<Key>(
        _ keys: [Key?], partition: Range<Int>, isEnd: Bool, compare: (Key) -> Int
    ) -> Int {
        var low = partition.lowerBound, high = partition.upperBound
        while low < partition.upperBound, keys[low] == nil { low += 1 }
        while high > low, keys[high - 1] == nil { high -= 1 }
        while low < high {
            let middle = (low + high) / 2
            let place = compare(keys[middle]!)
            if isEnd ? place <= 0 : place < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
