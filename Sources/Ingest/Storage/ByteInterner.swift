import Platform

/// Deduplicates byte strings into dense `UInt32` codes (0, 1, 2, … in first-seen order).
///
/// Open addressing with linear probing over a power-of-two slot table kept at most half full; entries
/// live back to back in one byte arena, so interning a repeated field costs one hash and one `memcmp` and
/// allocates nothing. Manual memory: the owner calls `release()` once.
struct ByteInterner {
    private var arena: GrowableBuffer<UInt8>
    /// Entry `i` spans `offsets[i] ..< offsets[i + 1]` of the arena.
    private var offsets: GrowableBuffer<Int>
    private(set) var hashes: GrowableBuffer<UInt64>
    /// Entry index + 1; 0 marks an empty slot.
    private var slots: UnsafeMutablePointer<UInt32>
    private var slotMask: Int

    /// Initial buffers are sized by `expectedCount` (a few hundred bytes for a small count), so a file of
    /// many columns, each with an interner per chunk, costs memory in proportion to its values.
    init(expectedCount: Int = 32) {
        arena = GrowableBuffer(capacity: min(1024, max(64, expectedCount * 8)))
        offsets = GrowableBuffer(capacity: min(64, expectedCount + 1))
        hashes = GrowableBuffer(capacity: min(64, expectedCount))
        var slotCount = 16
        while slotCount < expectedCount * 2 { slotCount <<= 1 }
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        slotMask = slotCount - 1
        offsets.append(0)
    }

    var count: Int { hashes.count }

    /// Bytes the interner has allocated (buffers' capacities), for tests of its footprint.
    var reservedBytes: Int {
        arena.capacity + offsets.capacity * MemoryLayout<Int>.stride + hashes.capacity * 8 + (slotMask + 1) * 4
    }

    /// Bytes held by the arena (the distinct text).
    var byteCount: Int { arena.count }

    @inline(__always)
    func bytes(of code: UInt32) -> UnsafeRawBufferPointer {
        let start = offsets[Int(code)]
        return UnsafeRawBufferPointer(start: arena.base + start, count: offsets[Int(code) + 1] - start)
    }

    @inline(__always)
    func hash(of code: UInt32) -> UInt64 { hashes[Int(code)] }

    /// The code of the bytes, adding them when new.
    @inline(__always)
    mutating func intern(_ pointer: UnsafeRawPointer, _ length: Int, hash: UInt64) -> (code: UInt32, isNew: Bool) {
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let entry = Int(stored - 1)
            if hashes[entry] == hash {
                let start = offsets[entry]
                if offsets[entry + 1] - start == length && bytesEqual(arena.base + start, pointer, length) {
                    return (UInt32(entry), false)
                }
            }
            slot = (slot + 1) & slotMask
        }
        let code = UInt32(count)
        precondition(code < UInt32.max - 1, "more than 4 billion distinct values in one column")
        arena.append(pointer.assumingMemoryBound(to: UInt8.self), count: length)
        offsets.append(arena.count)
        hashes.append(hash)
        slots[slot] = code + 1
        if count * 2 > slotMask { grow() }
        return (code, true)
    }

    private mutating func grow() {
        let newCount = (slotMask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: newCount)
        slots.initialize(repeating: 0, count: newCount)
        slotMask = newCount - 1
        for entry in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & slotMask
            while slots[slot] != 0 { slot = (slot + 1) & slotMask }
            slots[slot] = UInt32(entry + 1)
        }
    }

    func release() {
        arena.release()
        offsets.release()
        hashes.release()
        slots.deallocate()
    }
}
