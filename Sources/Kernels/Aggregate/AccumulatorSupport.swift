import Columnar

/// Small shared pieces of the accumulators: sizing state to the groups of a chunk, walking valid rows,
/// and the common "NULL where the group is empty" result.
enum AccumulatorSupport {
    /// One more than the largest group id in `groups` (0 when empty): the state size a chunk needs.
    @inline(__always)
    static func requiredCount(_ groups: UnsafeBufferPointer<UInt32>) -> Int {
        var maximum: UInt32 = 0
        var any = false
        for g in groups {
            if g >= maximum { maximum = g; any = true }
        }
        return any ? Int(maximum) + 1 : 0
    }

    /// Grows `array` with `filler` up to `count` elements.
    @inline(__always)
    static func grow<T>(_ array: inout [T], to count: Int, with filler: T) {
        if array.count < count { array.append(contentsOf: repeatElement(filler, count: count - array.count)) }
    }

    /// Calls `body` for every row of `column` that holds a value.
    @inline(__always)
    static func forEachValidRow(_ column: Column, _ body: (Int) -> Void) {
        if let words = column.validity?.words {
            words.withUnsafeBufferPointer { words in
                for row in 0..<column.count where words[row >> 6] & (1 << UInt64(row & 63)) != 0 { body(row) }
            }
        } else {
            for row in 0..<column.count { body(row) }
        }
    }

    /// The validity of a result where group `g` has a value when `hasValue(g)`.
    static func validity(groupCount: Int, _ hasValue: (Int) -> Bool) -> Validity? {
        var validity: Validity?
        for g in 0..<groupCount where !hasValue(g) {
            if validity == nil { validity = Validity(allValid: groupCount) }
            validity!.set(g, valid: false)
        }
        return validity
    }

    /// `other` as `T`; merging accumulators of different functions is a programmer error.
    static func cast<T>(_ other: any GroupedAccumulator, to _: T.Type) -> T {
        guard let same = other as? T else { preconditionFailure("cannot merge \(type(of: other)) into \(T.self)") }
        return same
    }

    /// The first non-NULL value of a constant parameter column (e.g. the `p` of `quantile_cont`).
    static func firstValue(_ column: Column) -> Value? {
        for row in 0..<column.count where !column.isNull(row) { return column[row] }
        return nil
    }
}
