/// Dense ids for pairs of ids: reduces a multi-column key, column by column, to one id per tuple.
///
/// `(left, right)` packs into one 64-bit key, so a tuple of any width costs one integer hash per extra
/// column. Ids are assigned in first-seen order, which keeps group ids in first-seen order too.
struct IDPairCombiner {
    private var map = UInt64HashMap()
    /// The packed pair by id, to recover the tuple behind an id.
    private(set) var pairs: [UInt64] = []

    var count: Int { pairs.count }

    @inline(__always)
    static func pack(_ left: UInt32, _ right: UInt32) -> UInt64 { UInt64(left) << 32 | UInt64(right) }

    /// Combines `left` and `right` in place into `left`, assigning ids to new pairs.
    mutating func assign(_ left: inout [UInt32], _ right: [UInt32]) {
        var map = self.map
        self.map = UInt64HashMap(capacity: 0)
        var pairs = self.pairs
        self.pairs = []
        left.withUnsafeMutableBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                var next = UInt32(pairs.count)
                for row in 0..<left.count {
                    let key = IDPairCombiner.pack(left[row], right[row])
                    let id = map.insert(key, id: next)
                    if id == next {
                        pairs.append(key)
                        next += 1
                    }
                    left[row] = id
                }
            }
        }
        self.map = map
        self.pairs = pairs
    }

    /// Combines without adding: a row becomes `UInt64HashMap.absent` when either side is absent or the pair
    /// was never assigned.
    func lookup(_ left: inout [UInt32], _ right: [UInt32]) {
        left.withUnsafeMutableBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                for row in 0..<left.count {
                    let l = left[row], r = right[row]
                    if l == UInt64HashMap.absent || r == UInt64HashMap.absent {
                        left[row] = UInt64HashMap.absent
                    } else {
                        left[row] = map.find(IDPairCombiner.pack(l, r))
                    }
                }
            }
        }
    }

    @inline(__always)
    func split(_ id: UInt32) -> (left: UInt32, right: UInt32) {
        let key = pairs[Int(id)]
        return (UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key))
    }
}
