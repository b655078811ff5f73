/// A NULL bitmap: bit set means the row holds a value. One bit a row, 64 rows a word.
///
/// Columns without NULLs carry no bitmap at all (`Column.validity == nil`), so the common case costs nothing.
public struct Validity: Sendable, Equatable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    /// Every row valid.
    public init(allValid count: Int) {
        self.count = count
        words = [UInt64](repeating: ~0, count: (count + 63) >> 6)
    }

    /// Every row NULL.
    public init(allNull count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) >> 6)
    }

    public init(_ valid: [Bool]) {
        self.init(allNull: valid.count)
        for (i, v) in valid.enumerated() where v { words[i >> 6] |= 1 << UInt64(i & 63) }
    }

    @inline(__always)
    public func isValid(_ row: Int) -> Bool {
        words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inline(__always)
    public mutating func set(_ row: Int, valid: Bool) {
        if valid {
            words[row >> 6] |= 1 << UInt64(row & 63)
        } else {
            words[row >> 6] &= ~(1 << UInt64(row & 63))
        }
    }

    /// Appends one row's bit, growing by a word when needed.
    public mutating func append(_ valid: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        set(count - 1, valid: valid)
    }

    /// Number of NULL rows.
    public var nullCount: Int {
        var valid = 0
        for (i, word) in words.enumerated() {
            let bitsInWord = min(64, count - i * 64)
            let mask: UInt64 = bitsInWord == 64 ? ~0 : (1 << UInt64(bitsInWord)) - 1
            valid += (word & mask).nonzeroBitCount
        }
        return count - valid
    }

    /// Row-wise AND: valid only where both are valid. Nil stands for "all valid".
    public static func intersect(_ a: Validity?, _ b: Validity?) -> Validity? {
        guard let a else { return b }
        guard let b else { return a }
        precondition(a.count == b.count, "validity lengths differ")
        var result = a
        for i in result.words.indices { result.words[i] &= b.words[i] }
        return result
    }
}
