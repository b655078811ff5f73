/// Dense ids for tuples of column value ids, by packing the ids side by side into one 64-bit key: one hash
/// probe a row for the whole tuple, where folding pair by pair (`IDPairCombiner`) costs one probe and one
/// table of every tuple for each extra column.
///
/// Each column gets a bit field wide enough for its id count plus `headroom` bits. When a column outgrows
/// its field, the fields widen and the keys are re-packed in id order, which keeps every tuple's id. Once
/// the fields would need more than 64 bits, `fit` says so and the caller folds by pairs instead.
final class PackedTupleKeys {
    /// Spare bits a widened field gets when they fit, so a steadily growing column re-packs only after a
    /// sixteenfold growth.
    private static let headroom = 4
    private var widths: [Int]
    private var map = UInt64HashMap()
    /// Tuples room was made for (`reserve`), kept across re-packing.
    private var reserved = 0

    var count: Int { map.count }

    init(columnCount: Int) {
        widths = [Int](repeating: 0, count: columnCount)
    }

    /// Widens the fields to hold ids below `idCounts[i]` in column i; false when that needs more than 64 bits
    /// (the keys are then unchanged).
    func fit(idCounts: [Int]) -> Bool {
        let needed = idCounts.map { $0 <= 1 ? 0 : Int.bitWidth - ($0 - 1).leadingZeroBitCount }
        guard zip(needed, widths).contains(where: { $0 > $1 }) else { return true }
        for spare in [PackedTupleKeys.headroom, 0] {
            let wanted = zip(needed, widths).map { $0 > $1 ? $0 + spare : $1 }
            if wanted.reduce(0, +) <= 64 {
                repack(to: wanted)
                return true
            }
        }
        return false
    }

    /// Makes room for `total` tuples.
    func reserve(_ total: Int) {
        reserved = max(reserved, total)
        map.reserve(total)
    }

    /// Tuple ids of the rows whose column ids are `columnIDs` (one array per column, equal lengths, all
    /// within the fields: call `fit` first), assigning ids to new tuples.
    func assign(_ columnIDs: [[UInt32]]) -> [UInt32] {
        let keys = pack(columnIDs)
        var ids = [UInt32](repeating: 0, count: keys.count)
        var unused: UInt32?
        keys.withUnsafeBufferPointer { keys in
            ids.withUnsafeMutableBufferPointer { map.insertAll(keys, nullID: &unused, into: $0) }
        }
        return ids
    }

    /// Tuple ids without adding: `UInt64HashMap.absent` where a column id is absent (or unknown to the
    /// fields) or the tuple was never assigned.
    func lookup(_ columnIDs: [[UInt32]]) -> [UInt32] {
        let rowCount = columnIDs.first?.count ?? 0
        var known = [Bool](repeating: true, count: rowCount)
        for (ids, width) in zip(columnIDs, widths) {
            for row in 0..<rowCount where ids[row] == UInt64HashMap.absent || ids[row] >> width != 0 {
                known[row] = false
            }
        }
        let keys = pack(columnIDs)
        var ids = [UInt32](repeating: UInt64HashMap.absent, count: rowCount)
        keys.withUnsafeBufferPointer { keys in
            ids.withUnsafeMutableBufferPointer { map.findAll(keys, into: $0) }
        }
        for row in 0..<rowCount where !known[row] { ids[row] = UInt64HashMap.absent }
        return ids
    }

    /// The column ids of every tuple, in tuple-id order: one array per column.
    func columnIDs() -> [[UInt32]] {
        unpack(map.keysByID, widths)
    }

    private func pack(_ columnIDs: [[UInt32]]) -> [UInt64] {
        let rowCount = columnIDs.first?.count ?? 0
        var keys = [UInt64](repeating: 0, count: rowCount)
        var shift = 0
        keys.withUnsafeMutableBufferPointer { keys in
            for (ids, width) in zip(columnIDs, widths) {
                ids.withUnsafeBufferPointer { ids in
                    for row in 0..<rowCount { keys[row] |= UInt64(ids[row]) << UInt64(shift) }
                }
                shift += width
            }
        }
        return keys
    }

    private func unpack(_ keys: [UInt64], _ widths: [Int]) -> [[UInt32]] {
        var shift = 0
        return widths.map { width in
            let mask = width == 0 ? 0 : UInt64.max >> UInt64(64 - width)
            defer { shift += width }
            return keys.map { UInt32(truncatingIfNeeded: $0 >> UInt64(shift) & mask) }
        }
    }

    /// Re-packs every key into fields of `newWidths`, inserting in id order so each tuple keeps its id.
    private func repack(to newWidths: [Int]) {
        let columns = unpack(map.keysByID, widths)
        widths = newWidths
        map = UInt64HashMap(capacity: max(count, reserved))
        let ids = assign(columns)
        assert(ids.elementsEqual(0..<UInt32(ids.count)), "re-packing must keep tuple ids")
    }
}
