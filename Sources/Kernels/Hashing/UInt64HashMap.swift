/// Open-addressing hash map from 64-bit keys to caller-chosen `UInt32` ids.
///
/// The workhorse under grouping and joins: every key tuple is first reduced to small integer ids, so the
/// table only ever hashes integers. Linear probing, power-of-two capacity, load factor at most 1/2.
struct UInt64HashMap {
    /// Marks an empty slot; never a valid id.
    static let absent = UInt32.max

    private var keys: [UInt64]
    private var ids: [UInt32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        ids = [UInt32](repeating: UInt64HashMap.absent, count: size)
        mask = size - 1
    }

    /// A strong 64-bit mixer (MurmurHash3's finaliser) so that packed pairs and sequential ids spread.
    @inline(__always)
    static func hash(_ key: UInt64) -> Int {
        var h = key
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h)
    }

    /// The id stored for `key`; when absent, stores `newID` and returns it (compare to detect insertion).
    @inline(__always)
    mutating func insert(_ key: UInt64, id newID: UInt32) -> UInt32 {
        let found: UInt32? = keys.withUnsafeMutableBufferPointer { keys in
            ids.withUnsafeMutableBufferPointer { ids in
                var position = UInt64HashMap.hash(key) & mask
                while true {
                    let slot = ids[position]
                    if slot == UInt64HashMap.absent {
                        keys[position] = key
                        ids[position] = newID
                        return nil
                    }
                    if keys[position] == key { return slot }
                    position = (position &+ 1) & mask
                }
            }
        }
        if let found { return found }
        count += 1
        if count * 2 > ids.count { grow() }
        return newID
    }

    /// The id of `key`, or `UInt64HashMap.absent`.
    @inline(__always)
    func find(_ key: UInt64) -> UInt32 {
        keys.withUnsafeBufferPointer { keys in
            ids.withUnsafeBufferPointer { ids in
                var position = UInt64HashMap.hash(key) & mask
                while true {
                    let slot = ids[position]
                    if slot == UInt64HashMap.absent || keys[position] == key { return slot }
                    position = (position &+ 1) & mask
                }
            }
        }
    }

    private mutating func grow() {
        let size = ids.count * 2
        var newKeys = [UInt64](repeating: 0, count: size)
        var newIDs = [UInt32](repeating: UInt64HashMap.absent, count: size)
        let newMask = size - 1
        for position in ids.indices where ids[position] != UInt64HashMap.absent {
            let key = keys[position]
            var target = UInt64HashMap.hash(key) & newMask
            while newIDs[target] != UInt64HashMap.absent { target = (target &+ 1) & newMask }
            newKeys[target] = key
            newIDs[target] = ids[position]
        }
        keys = newKeys
        ids = newIDs
        mask = newMask
    }
}
