/// A byte sequence that cannot be table text: malformed UTF-8 or a NUL byte.
struct TextProblem: Sendable {
    enum Kind: Sendable { case invalidUTF8, nulByte }
    /// Offset of the first offending byte from the start of the scanned bytes.
    var offset: Int
    var kind: Kind

    var message: String {
        switch kind {
        case .invalidUTF8: "invalid UTF-8 byte sequence"
        case .nulByte: "NUL byte in text"
        }
    }

    /// The first problem in `count` bytes at `pointer`, or nil when they are valid UTF-8 without NUL.
    ///
    /// - Complexity: O(count); eight ASCII bytes at a time on the common path.
    static func first(in pointer: UnsafeRawPointer, count: Int) -> TextProblem? {
        let bytes = pointer.assumingMemoryBound(to: UInt8.self)
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = pointer.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & high
                if word & high == 0 && hasZero == 0 {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return TextProblem(offset: i, kind: .nulByte) }
                i += 1
                continue
            }
            let width: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED: width = 3; high = 0x9F
            case 0xF0: width = 4; low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; high = 0x8F
            default: return TextProblem(offset: i, kind: .invalidUTF8)
            }
            guard i + width <= count else { return TextProblem(offset: i, kind: .invalidUTF8) }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return TextProblem(offset: i, kind: .invalidUTF8) }
            for k in 2..<width where bytes[i + k] & 0xC0 != 0x80 {
                return TextProblem(offset: i, kind: .invalidUTF8)
            }
            i += width
        }
        return nil
    }
}
