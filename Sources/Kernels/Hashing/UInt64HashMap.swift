/// Open-addressing hash map from 64-bit keys to dense `UInt32` ids (0, 1, 2, ... in first-insert order).
///
/// The workhorse under grouping and joins: every key tuple is first reduced to small integer ids, so the
/// table only ever hashes integers. Linear probing, power-of-two capacity, load factor at most 3/4.
///
/// A slot is one 64-bit word: the upper half of the key's hash (a tag) beside `id + 1`, 0 when empty. The
/// keys themselves live once, in id order (`keys`), and are read only when a tag matches. Eight slots share
/// a cache line, so a probe usually costs one cache miss, and the table is a third of a (key, id) layout's
/// size: at ten million distinct keys, page faults on fresh table memory were a third of the run time.
/// Batch loops first touch the home slots of a run of rows, so the cache misses of those rows overlap.
/// Buffers are allocated by hand so the loops run without bounds, uniqueness or exclusivity checks.
final class UInt64HashMap {
    /// Marks a missed lookup; never a valid id.
    static let absent = UInt32.max
    /// Rows whose home slots are touched ahead of probing: enough to keep a core's miss buffers busy.
    private static let batch = 32

    private var slots: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    /// The key behind each id (0 under placeholder ids), `count` of them initialised.
    private var keys: UnsafeMutablePointer<UInt64>
    private var keyCapacity: Int
    private(set) var count = 0
    /// Ids taken without a key, ascending (usually none or one).
    private var placeholders: [Int] = []
    /// Folds the touched slots, so the compiler keeps the touching loads.
    private var touched: UInt64 = 0

    init(capacity minimum: Int = 8) {
        var size = 16
        while size * 3 / 4 < minimum { size <<= 1 }
        capacity = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        keyCapacity = max(minimum, 8)
        keys = .allocate(capacity: keyCapacity)
    }

    deinit {
        slots.deallocate()
        keys.deallocate()
    }

    /// The key behind `id`.
    @inline(__always)
    func key(of id: UInt32) -> UInt64 { keys[Int(id)] }

    /// Every key in id order (a copy: for one-off passes, not per row).
    var keysByID: [UInt64] { Array(UnsafeBufferPointer(start: keys, count: count)) }

    /// A strong 64-bit mixer (MurmurHash3's finaliser) so that packed pairs and sequential ids spread.
    @inline(__always)
    static func hash(_ key: UInt64) -> UInt64 {
        var h = key
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    /// Takes the next id without a key (e.g. for NULL, which has no 64-bit image of its own).
    func reservePlaceholder() -> UInt32 {
        reserveKeys(count + 1)
        keys[count] = 0
        placeholders.append(count)
        count += 1
        return UInt32(count - 1)
    }

    /// Room for `needed` keys, growing geometrically: a caller inserting in slices would otherwise copy
    /// every key on each call (quadratic over millions of distinct keys).
    private func reserveKeys(_ needed: Int) {
        guard needed > keyCapacity else { return }
        let newCapacity = max(needed, keyCapacity * 2)
        let newKeys = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newKeys.moveInitialize(from: keys, count: count)
        keys.deallocate()
        keys = newKeys
        keyCapacity = newCapacity
    }

    /// Loads the home slot of each row of `range`, so that their cache misses overlap before probing.
    @inline(__always)
    private func touchHomeSlots(_ input: UnsafeBufferPointer<UInt64>, _ range: Range<Int>) {
        let mask = UInt64(capacity - 1)
        var fold: UInt64 = 0
        for row in range { fold |= slots[Int(UInt64HashMap.hash(input[row]) & mask)] }
        touched |= fold
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
            // A run short enough that its inserts keep the load factor at most 3/4.
            let budget = capacity / 4 * 3 - count
            if budget < UInt64HashMap.batch { grow(); continue }
            let end = min(n, row + UInt64HashMap.batch)
            reserveKeys(count + (end - row) + 1)  // +1: a NULL placeholder
            touchHomeSlots(input, row..<end)
            let slots = self.slots, keys = self.keys, mask = UInt64(capacity - 1)
            var next = count
            while row < end {
                if let validWords, validWords[row >> 6] & (1 << UInt64(row & 63)) == 0 {
                    if nullID == nil {
                        keys[next] = 0
                        placeholders.append(next)
                        nullID = UInt32(next)
                        next += 1
                    }
                    output[row] = nullID!
                    row += 1
                    continue
                }
                let key = input[row]
                let hash = UInt64HashMap.hash(key)
                let tag = UInt64HashMap.tag(hash)
                var position = Int(hash & mask)
                while true {
                    let slot = slots[position]
                    if slot == 0 {
                        keys[next] = key
                        slots[position] = tag | UInt64(next + 1)
                        output[row] = UInt32(next)
                        next += 1
                        break
                    }
                    if slot & 0xFFFF_FFFF_0000_0000 == tag {
                        let id = UInt32(truncatingIfNeeded: slot) &- 1
                        if keys[Int(id)] == key {
                            output[row] = id
                            break
                        }
                    }
                    position = (position &+ 1) & Int(mask)
                }
                row += 1
            }
            count = next
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
        let slots = self.slots, keys = self.keys, mask = UInt64(capacity - 1)
        var start = 0
        while start < input.count {
            let end = min(input.count, start + UInt64HashMap.batch)
            touchHomeSlots(input, start..<end)
            for row in start..<end {
                let key = input[row]
                let hash = UInt64HashMap.hash(key)
                let tag = UInt64HashMap.tag(hash)
                var position = Int(hash & mask)
                var found = UInt64HashMap.absent
                while true {
                    let slot = slots[position]
                    if slot == 0 { break }
                    if slot & 0xFFFF_FFFF_0000_0000 == tag {
                        let id = UInt32(truncatingIfNeeded: slot) &- 1
                        if keys[Int(id)] == key {
                            found = id
                            break
                        }
                    }
                    position = (position &+ 1) & Int(mask)
                }
                output[row] = found
            }
            start = end
        }
    }

    /// Makes room for `total` keys in all at once: a caller that knows most rows are distinct (ten million
    /// groups) saves the twenty-odd doublings, each a fresh table to fault in and every key re-placed.
    func reserve(_ total: Int) {
        reserveKeys(total)
        var size = capacity
        while total * 4 > size * 3 { size <<= 1 }
        if size > capacity { grow(to: size) }
    }

    /// Doubles the table (or makes it `size` slots), re-placing the keys in id order: the keys are read in sequence and the home slots
    /// of a run of keys are touched before they are placed. Placeholders have no slot and are skipped.
    private func grow(to size: Int? = nil) {
        let size = size ?? capacity * 2
        let newSlots = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        newSlots.initialize(repeating: 0, count: size)
        slots.deallocate()
        slots = newSlots
        capacity = size
        let mask = UInt64(size - 1)
        var nextPlaceholder = 0
        var start = 0
        while start < count {
            let end = min(count, start + UInt64HashMap.batch)
            touchHomeSlots(UnsafeBufferPointer(start: keys, count: count), start..<end)
            for id in start..<end {
                if nextPlaceholder < placeholders.count, placeholders[nextPlaceholder] == id {
                    nextPlaceholder += 1
                    continue
                }
                let hash = UInt64HashMap.hash(keys[id])
                var target = Int(hash & mask)
                while newSlots[target] != 0 { target = (target &+ 1) & Int(mask) }
                newSlots[target] = UInt64HashMap.tag(hash) | UInt64(id + 1)
            }
            start = end
        }
    }
}
