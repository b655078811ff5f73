import Columnar

/// `agg(DISTINCT x)`: lets each distinct (group, arguments) tuple through to the wrapped accumulator once.
///
/// The seen tuples live in a `GroupIndex` keyed by (group, arguments...); a row is new exactly when it
/// receives a fresh id. Merging replays the other side's distinct tuples through this one's filter, so
/// values seen by both partial states still count once.
final class DistinctAccumulator: GroupedAccumulator {
    private let inner: any GroupedAccumulator
    private var seen: GroupIndex?

    init(wrapping inner: any GroupedAccumulator) { self.inner = inner }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        let groupColumn = Column(.bigint(groups.map { Int64($0) }))
        try feed(groupColumn: groupColumn, arguments: arguments)
    }

    private func feed(groupColumn: Column, arguments: [Column]) throws(KernelError) {
        let keys = [groupColumn] + arguments
        if seen == nil { seen = GroupIndex(keyTypes: keys.map(\.type)) }
        let before = UInt32(seen!.groupCount)
        let ids = seen!.groupIDs(for: keys)
        var fresh: [Int32] = []
        var highest = before
        for (row, id) in ids.enumerated() where id >= highest {
            fresh.append(Int32(row))
            highest = id + 1
        }
        guard !fresh.isEmpty else { return }
        guard case .bigint(let groupValues) = groupColumn.storage else { return }
        let groups = fresh.map { UInt32(groupValues[Int($0)]) }
        let picked = arguments.map { $0.gather(fresh) }
        try groups.withUnsafeBufferPointer { groups throws(KernelError) in
            try inner.update(groups: groups, arguments: picked)
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: DistinctAccumulator.self)
        guard let otherSeen = other.seen, otherSeen.groupCount > 0 else { return }
        var columns = otherSeen.keyColumns()
        let otherGroups = columns.removeFirst()
        guard case .bigint(let values) = otherGroups.storage else { return }
        let mapped = Column(.bigint(values.map { Int64(mapping[Int($0)]) }))
        try feed(groupColumn: mapped, arguments: columns)
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        try inner.finalize(groupCount: groupCount)
    }
}
