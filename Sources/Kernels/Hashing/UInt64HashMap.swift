/// Open-addressing hash map from 64-bit keys to dense `UInt32` ids (0, 1, 2, ... in first-insert order).
///
/// The workhorse under grouping and joins: every key tuple is first reduced to small integer ids, so the
/// table only ever hashes integers. Linear probing, power-of-two capacity, load factor at most 1/2.
/// Slots live in manually allocated buffers so the batch loops run without bounds, uniqueness or
/// exclusivity checks.
final class UInt64HashMap {
    /// Marks an empty slot and a missed lookup; never a valid id.
    static let absent = UInt32.max

    private var slotKeys: UnsafeMutablePointer<UInt64>
    private var slotIDs: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    /// The key behind each id (0 under placeholder ids).
    private(set) var keysByID: [UInt64] = []

    init(capacity minimum: Int = 8) {
        var size = 16
        while size < minimum * 2 { size <<= 1 }
        capacity = size
        slotKeys = .allocate(capacity: size)
        slotIDs = .allocate(capacity: size)
        slotIDs.initialize(repeating: UInt64HashMap.absent, count: size)
        slotKeys.initialize(repeating: 0, count: size)
    }

    deinit {
        slotKeys.deallocate()
        slotIDs.deallocate()
    }

    var count: Int { keysByID.count }

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

    /// Takes the next id without a key (e.g. for NULL, which has no 64-bit image of its own).
    func reservePlaceholder() -> UInt32 {
        keysByID.append(0)
        return UInt32(keysByID.count - 1)
    }

    /// The id of every key, inserting new keys in row order. Rows invalid in `validWords` (a NULL bitmap,
    /// nil when none) get `nullID`, reserved at the first such row.
    func insertAll(
        _ input: UnsafeBufferPointer<UInt64>, validWords: UnsafeBufferPointer<UInt64>? = nil, nullID: inout UInt32?,
        into output: UnsafeMutableBufferPointer<UInt32>
    ) {
        var row = 0
        let n = input.count
        while row < n {
            // Room for at least `budget` inserts before the load factor passes 1/2.
            let budget = capacity / 2 - keysByID.count
            if budget <= 0 { grow(); continue }
            let keys = slotKeys, ids = slotIDs, mask = capacity - 1
            var inserted = 0
            var next = UInt32(keysByID.count)
            // Grow geometrically: reserving just what this batch needs would copy every key on each call
            // when a caller inserts in slices (quadratic over millions of distinct keys).
            let needed = keysByID.count + min(budget, n - row)
            if keysByID.capacity < needed { keysByID.reserveCapacity(max(needed, keysByID.capacity * 2)) }
            while row < n && inserted < budget {
                if let validWords, validWords[row >> 6] & (1 << UInt64(row & 63)) == 0 {
                    if nullID == nil {
                        keysByID.append(0)
                        nullID = next
                        next += 1
                    }
                    output[row] = nullID!
                    row += 1
                    continue
                }
                let key = input[row]
                var position = UInt64HashMap.hash(key) & mask
                while true {
                    let slot = ids[position]
                    if slot == UInt64HashMap.absent {
                        keys[position] = key
                        ids[position] = next
                        keysByID.append(key)
                        output[row] = next
                        next += 1
                        inserted += 1
                        break
                    }
                    if keys[position] == key {
                        output[row] = slot
                        break
                    }
                    position = (position &+ 1) & mask
                }
                row += 1
            }
        }
    }

    /// The id of `key`, inserting it with the next id when new. For rare single inserts; batches use
    /// `insertAll`.
    func insert(_ key: UInt64) -> UInt32 {
        var id: UInt32 = 0
        var unused: UInt32?
        withUnsafePointer(to: key) { key in
            withUnsafeMutablePointer(to: &id) { id in
                insertAll(
                    UnsafeBufferPointer(start: key, count: 1), nullID: &unused,
                    into: UnsafeMutableBufferPointer(start: id, count: 1))
            }
        }
        return id
    }

    /// The id of every key, or `absent`.
    func findAll(_ input: UnsafeBufferPointer<UInt64>, into output: UnsafeMutableBufferPointer<UInt32>) {
        let keys = slotKeys, ids = slotIDs, mask = capacity - 1
        for row in 0..<input.count {
            let key = input[row]
            var position = UInt64HashMap.hash(key) & mask
            while true {
                let slot = ids[position]
                if slot == UInt64HashMap.absent || keys[position] == key {
                    output[row] = slot
                    break
                }
                position = (position &+ 1) & mask
            }
        }
    }

    private func grow() {
        let size = capacity * 2
        let newKeys = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        let newIDs = UnsafeMutablePointer<UInt32>.allocate(capacity: size)
        newKeys.initialize(repeating: 0, count: size)
        newIDs.initialize(repeating: UInt64HashMap.absent, count: size)
        let mask = size - 1
        for position in 0..<capacity where slotIDs[position] != UInt64HashMap.absent {
            let key = slotKeys[position]
            var target = UInt64HashMap.hash(key) & mask
            while newIDs[target] != UInt64HashMap.absent { target = (target &+ 1) & mask }
            newKeys[target] = key
            newIDs[target] = slotIDs[position]
        }
        slotKeys.deallocate()
        slotIDs.deallocate()
        slotKeys = newKeys
        slotIDs = newIDs
        capacity = size
    }
}
