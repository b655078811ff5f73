/// Dense ids for pairs of ids: reduces a multi-column key, column by column, to one id per tuple.
///
/// `(left, right)` packs into one 64-bit key, so a tuple of any width costs one integer hash per extra
/// column. Ids are assigned in first-seen order, which keeps group ids in first-seen order too.
///
/// While both id spaces stay small (their product at most `directLimit`), pairs are also cached in a
/// direct table indexed by `left × width + right`, so a row costs two loads instead of a hash probe.
final class IDPairCombiner {
    private let map = UInt64HashMap()
    private static let directLimit = 1 << 18
    /// Pair id by `left * directWidth + right`, `absent` for pairs not seen; empty when disabled.
    private var direct: [UInt32] = []
    private var directWidth = 0
    private var directHeight = 0
    private var directDisabled = false

    var count: Int { map.count }

    @inline(__always)
    static func pack(_ left: UInt32, _ right: UInt32) -> UInt64 { UInt64(left) << 32 | UInt64(right) }

    private static func packAll(_ left: [UInt32], _ right: [UInt32]) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: left.count) { buffer, initialized in
            left.withUnsafeBufferPointer { left in
                right.withUnsafeBufferPointer { right in
                    for row in 0..<left.count { buffer[row] = pack(left[row], right[row]) }
                }
            }
            initialized = left.count
        }
    }

    /// Combines `left` and `right` in place into `left`, assigning ids to new pairs.
    func assign(_ left: inout [UInt32], _ right: [UInt32]) {
        if !directDisabled, prepareDirect(left, right) {
            assignDirect(&left, right)
            return
        }
        let keys = IDPairCombiner.packAll(left, right)
        var unused: UInt32?
        keys.withUnsafeBufferPointer { keys in
            left.withUnsafeMutableBufferPointer { left in map.insertAll(keys, nullID: &unused, into: left) }
        }
    }

    /// Makes the direct table cover every id in the chunk; false when that would be too large.
    private func prepareDirect(_ left: [UInt32], _ right: [UInt32]) -> Bool {
        let height = Int(left.max() ?? 0) + 1, width = Int(right.max() ?? 0) + 1
        if height <= directHeight && width <= directWidth { return true }
        var newHeight = max(directHeight, 16), newWidth = max(directWidth, 16)
        while newHeight < height { newHeight <<= 1 }
        while newWidth < width { newWidth <<= 1 }
        guard newHeight * newWidth <= IDPairCombiner.directLimit else {
            directDisabled = true
            direct = []
            return false
        }
        var table = [UInt32](repeating: UInt64HashMap.absent, count: newHeight * newWidth)
        for (id, key) in map.keysByID.enumerated() {
            table[Int(key >> 32) * newWidth + Int(UInt32(truncatingIfNeeded: key))] = UInt32(id)
        }
        direct = table
        directHeight = newHeight
        directWidth = newWidth
        return true
    }

    private func assignDirect(_ left: inout [UInt32], _ right: [UInt32]) {
        var table = direct
        direct = []
        let width = directWidth
        left.withUnsafeMutableBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                table.withUnsafeMutableBufferPointer { table in
                    for row in 0..<left.count {
                        let slot = Int(left[row]) * width + Int(right[row])
                        var id = table[slot]
                        if id == UInt64HashMap.absent {
                            id = map.insert(IDPairCombiner.pack(left[row], right[row]))
                            table[slot] = id
                        }
                        left[row] = id
                    }
                }
            }
        }
        direct = table
    }

    /// Combines without adding: a row becomes `UInt64HashMap.absent` when either side is absent or the pair
    /// was never assigned.
    func lookup(_ left: inout [UInt32], _ right: [UInt32]) {
        let keys = IDPairCombiner.packAll(left, right)
        let original = left
        keys.withUnsafeBufferPointer { keys in
            left.withUnsafeMutableBufferPointer { left in map.findAll(keys, into: left) }
        }
        for row in left.indices where original[row] == UInt64HashMap.absent || right[row] == UInt64HashMap.absent {
            left[row] = UInt64HashMap.absent
        }
    }

    @inline(__always)
    func split(_ id: UInt32) -> (left: UInt32, right: UInt32) {
        let key = map.key(of: id)
        return (UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key))
    }
}
