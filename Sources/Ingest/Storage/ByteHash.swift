/// A fast, non-cryptographic 64-bit hash of a byte string, for interning field text.
///
/// Reads eight bytes at a time and finishes with a MurmurHash3-style avalanche, so short keys
/// (the usual CSV field) cost a few multiplications. Not stable across versions: never persist it.
@inline(__always)
func hashBytes(_ pointer: UnsafeRawPointer, _ count: Int) -> UInt64 {
    let k0: UInt64 = 0x9E37_79B9_7F4A_7C15
    let k1: UInt64 = 0xBF58_476D_1CE4_E5B9
    var h = k0 ^ (UInt64(truncatingIfNeeded: count) &* k1)
    if count >= 8 {
        var i = 0
        while i + 8 <= count {
            h = (h ^ pointer.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k1
            h ^= h >> 29
            i += 8
        }
        if i < count {
            // The last eight bytes, overlapping what was already mixed in.
            h = (h ^ pointer.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* k0
        }
    } else if count >= 4 {
        let low = UInt64(pointer.loadUnaligned(as: UInt32.self))
        let high = UInt64(pointer.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        h = (h ^ (low | high << 32)) &* k1
    } else if count > 0 {
        let first = UInt64(pointer.load(as: UInt8.self))
        let middle = UInt64(pointer.load(fromByteOffset: count >> 1, as: UInt8.self))
        let last = UInt64(pointer.load(fromByteOffset: count - 1, as: UInt8.self))
        h = (h ^ (first | middle << 8 | last << 16)) &* k1
    }
    h ^= h >> 32
    h = h &* 0xD6E8_FEB8_6659_FD93
    h ^= h >> 32
    return h
}

/// Byte equality of two equal-length strings without a `memcmp` call: field values are short, and the call
/// overhead dominated the parser's profile. Never reads outside either buffer.
@inline(__always)
func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    if count >= 8 {
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        let last = count - 8
        return a.loadUnaligned(fromByteOffset: last, as: UInt64.self)
            == b.loadUnaligned(fromByteOffset: last, as: UInt64.self)
    }
    if count >= 4 {
        let last = count - 4
        return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
            && a.loadUnaligned(fromByteOffset: last, as: UInt32.self)
                == b.loadUnaligned(fromByteOffset: last, as: UInt32.self)
    }
    var i = 0
    while i < count {
        if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
        i += 1
    }
    return true
}
