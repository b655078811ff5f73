/// Dense ids for pairs of ids: reduces a multi-column key, column by column, to one id per tuple.
///
/// `(left, right)` packs into one 64-bit key, so a tuple of any width costs one integer hash per extra
/// column. Ids are assigned in first-seen order, which keeps group ids in first-seen order too.
struct IDPairCombiner {
    private let map = UInt64HashMap()

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
        let keys = IDPairCombiner.packAll(left, right)
        var unused: UInt32?
        keys.withUnsafeBufferPointer { keys in
            left.withUnsafeMutableBufferPointer { left in map.insertAll(keys, nullID: &unused, into: left) }
        }
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
        let key = map.keysByID[Int(id)]
        return (UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key))
    }
}
