import Columnar

/// Rows of a relation arranged for window evaluation: sorted by (partition, ORDER BY keys), with each
/// sorted position's partition and peer-group bounds. Positions index the sorted order; `order[p]` is
/// the original row at position p.
struct WindowLayout {
    let rowCount: Int
    let order: [Int32]
    /// Partition id of each original row (dense, in sorted-partition order is not guaranteed).
    let partitionOfRow: [UInt32]
    let partitionCount: Int
    /// Per position: its partition's `[start, end)` and its peer group's `[start, end)`, in positions.
    let partitionStart: [Int32]
    let partitionEnd: [Int32]
    let peerStart: [Int32]
    let peerEnd: [Int32]

    /// Nil when `cancellation` is requested part-way: every pass over the rows looks at it between slices.
    init?(partitionBy: [Column], orderBy: [SortKey], rowCount: Int, cancellation: Cancellation = .never) {
        self.rowCount = rowCount
        let partitions = GroupIndex(keyTypes: partitionBy.map(\.type))
        let partitionIDs =
            partitionBy.isEmpty
            ? [UInt32](repeating: 0, count: rowCount)
            : partitions.groupIDs(for: partitionBy, rowCount: rowCount, cancellation: cancellation)
        if cancellation.isRequested() { return nil }  // the ids are unfinished
        partitionOfRow = partitionIDs
        partitionCount = partitionBy.isEmpty ? (rowCount > 0 ? 1 : 0) : partitions.groupCount
        var keys: [SortKey] = []
        let hasPartitionKey = partitionCount > 1
        if hasPartitionKey { keys.append(SortKey(column: Column(.bigint(partitionIDs.map { Int64($0) })))) }
        keys += orderBy

        // Where each partition and each peer group starts, in sorted positions.
        var partitionBegins = [Bool](repeating: false, count: rowCount)
        var peerBegins = [Bool](repeating: false, count: rowCount)
        if keys.isEmpty {
            order = (0..<Int32(rowCount)).map { $0 }
        } else if let packed = Sorting.packedOrder(keys, rowCount: rowCount, cancellation: cancellation) {
            // Boundaries from the sorted images, read sequentially: the partition image is the top bits.
            order = packed.order
            let total = packed.bitsPerKey.reduce(0, +)
            let partitionShift = UInt64(total - (hasPartitionKey ? packed.bitsPerKey[0] : 0))
            _ = packed.sortedImages.withUnsafeBufferPointer { images in
                cancellation.forEachSlice(of: rowCount) { slice in
                    for p in max(slice.lowerBound, 1)..<slice.upperBound {
                        let previous = images[p - 1], current = images[p]
                        if hasPartitionKey && partitionShift < 64
                            && previous >> partitionShift != current >> partitionShift
                        {
                            partitionBegins[p] = true
                        }
                        if !orderBy.isEmpty && previous != current { peerBegins[p] = true }
                    }
                }
            }
        } else {
            order = Sorting.permutation(keys, rowCount: rowCount, cancellation: cancellation)
            let peers =
                orderBy.isEmpty
                ? nil
                : GroupIndex(keyTypes: orderBy.map(\.column.type)).groupIDs(
                    for: orderBy.map(\.column), rowCount: rowCount, cancellation: cancellation)
            if cancellation.isRequested() { return nil }
            let sorted = order  // a closure may not capture `self` before every property is set
            cancellation.forEachSlice(of: rowCount) { slice in
                for p in max(slice.lowerBound, 1)..<slice.upperBound {
                    let previous = Int(sorted[p - 1]), current = Int(sorted[p])
                    if partitionIDs[previous] != partitionIDs[current] { partitionBegins[p] = true }
                    if let peers, peers[previous] != peers[current] { peerBegins[p] = true }
                }
            }
        }

        var startOfPartition = [Int32](repeating: 0, count: rowCount)
        var endOfPartition = [Int32](repeating: 0, count: rowCount)
        var startOfPeers = [Int32](repeating: 0, count: rowCount)
        var endOfPeers = [Int32](repeating: 0, count: rowCount)
        var currentPartition: Int32 = 0, currentPeer: Int32 = 0
        cancellation.forEachSlice(of: rowCount) { slice in
            for p in slice {
                if partitionBegins[p] {
                    currentPartition = Int32(p)
                    currentPeer = Int32(p)
                } else if peerBegins[p] {
                    currentPeer = Int32(p)
                }
                startOfPartition[p] = currentPartition
                startOfPeers[p] = currentPeer
            }
        }
        var partitionLimit = Int32(rowCount), peerLimit = Int32(rowCount)
        cancellation.forEachSlice(of: rowCount, backwards: true) { slice in
            for p in slice.reversed() {
                endOfPartition[p] = partitionLimit
                endOfPeers[p] = peerLimit
                if partitionBegins[p] || p == 0 {
                    partitionLimit = Int32(p)
                    peerLimit = Int32(p)
                } else if peerBegins[p] {
                    peerLimit = Int32(p)
                }
            }
        }
        self.partitionStart = startOfPartition
        self.partitionEnd = endOfPartition
        self.peerStart = startOfPeers
        self.peerEnd = endOfPeers
        if cancellation.isRequested() { return nil }
    }

    /// Each position's frame `[start, end)` in positions (empty when end <= start).
    func frames(_ frame: FrameSpecification, orderBy: [SortKey]) throws(KernelError) -> (start: [Int32], end: [Int32]) {
        var starts = [Int32](repeating: 0, count: rowCount)
        var ends = [Int32](repeating: 0, count: rowCount)
        for bound in [frame.start, frame.end] {
            switch bound {
            case .preceding(let n) where n < 0, .following(let n) where n < 0:
                throw KernelError(.invalidArgument, "Frame offsets must not be negative, got \(n)")
            default: break
            }
        }
        var rangeValues: RangeOffsets?
        if frame.unit == .range, frame.start.hasOffset || frame.end.hasOffset {
            rangeValues = try RangeOffsets(orderBy: orderBy, order: order)
        }
        for p in 0..<rowCount {
            let ps = Int(partitionStart[p]), pe = Int(partitionEnd[p])
            var s: Int, e: Int
            switch frame.unit {
            case .rows:
                s = WindowLayout.rowsBound(frame.start, position: p, isEnd: false)
                e = WindowLayout.rowsBound(frame.end, position: p, isEnd: true)
            case .range:
                s = try rangeBound(frame.start, position: p, isEnd: false, offsets: rangeValues)
                e = try rangeBound(frame.end, position: p, isEnd: true, offsets: rangeValues)
            }
            if case .unboundedPreceding = frame.start { s = ps }
            if case .unboundedFollowing = frame.end { e = pe }
            s = min(max(s, ps), pe)
            e = min(max(e, ps), pe)
            starts[p] = Int32(s)
            ends[p] = Int32(max(e, s))
        }
        return (starts, ends)
    }

    private static func rowsBound(_ bound: FrameSpecification.Bound, position p: Int, isEnd: Bool) -> Int {
        let edge = isEnd ? 1 : 0
        switch bound {
        case .unboundedPreceding: return Int.min / 2
        // Offsets beyond any partition are clamped so the arithmetic cannot overflow.
        case .preceding(let n): return p - min(n, Int(Int32.max)) + edge
        case .currentRow: return p + edge
        case .following(let n): return p + min(n, Int(Int32.max)) + edge
        case .unboundedFollowing: return Int.max / 2
        }
    }

    private func rangeBound(
        _ bound: FrameSpecification.Bound, position p: Int, isEnd: Bool, offsets: RangeOffsets?
    ) throws(KernelError) -> Int {
        switch bound {
        case .unboundedPreceding: return Int(partitionStart[p])
        case .unboundedFollowing: return Int(partitionEnd[p])
        case .currentRow: return Int(isEnd ? peerEnd[p] : peerStart[p])
        case .preceding(let n), .following(let n):
            guard let offsets else { return p }
            let delta = bound == .preceding(n) ? -n : n
            return offsets.bound(
                position: p, delta: delta, isEnd: isEnd,
                partition: Int(partitionStart[p])..<Int(partitionEnd[p]),
                peers: Int(peerStart[p])..<Int(peerEnd[p]))
        }
    }
}

extension FrameSpecification.Bound {
    var hasOffset: Bool {
        switch self {
        case .preceding, .following: true
        default: false
        }
    }
}
