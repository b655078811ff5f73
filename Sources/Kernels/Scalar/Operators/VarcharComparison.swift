import Columnar

/// Code-point comparison of two dictionary-encoded columns.
///
/// Against a constant (a one-entry dictionary) each distinct string is compared once and rows then cost
/// one table look-up; two columns sharing one dictionary compare equality on codes.
enum VarcharComparison {
    typealias Encoded = (codes: [UInt32], dictionary: StringDictionary)

    static func compare(_ comparison: Comparison, _ a: Encoded, _ b: Encoded, rowCount: Int) -> [Bool] {
        if b.dictionary.count == 1, worthTabulating(a.dictionary, rowCount) {
            let constant = b.dictionary.strings[0]
            let table = a.dictionary.strings.map { comparison.holds(forOrder: BinaryOrder.compare($0, constant)) }
            return lookUp(a.codes, table)
        }
        if a.dictionary.count == 1, worthTabulating(b.dictionary, rowCount) {
            let constant = a.dictionary.strings[0]
            let table = b.dictionary.strings.map { comparison.holds(forOrder: BinaryOrder.compare(constant, $0)) }
            return lookUp(b.codes, table)
        }
        if a.dictionary === b.dictionary, comparison == .equal || comparison == .notEqual {
            let wantEqual = comparison == .equal
            return Vectorised.zip(a.codes, b.codes) { ($0 == $1) == wantEqual }
        }
        if comparison == .equal || comparison == .notEqual, worthTabulating(a.dictionary, rowCount) {
            // Translate a's entries into b's codes once (no code: equal to nothing), then compare codes.
            let wantEqual = comparison == .equal
            let translated = a.dictionary.strings.map { b.dictionary.code(of: $0) ?? UInt32.max }
            return translated.withUnsafeBufferPointer { table in
                Vectorised.zip(a.codes, b.codes) { p, q in
                    (Int(p) < table.count && table[Int(p)] == q) == wantEqual
                }
            }
        }
        let (x, y) = (a.dictionary.strings, b.dictionary.strings)
        return Vectorised.zip(a.codes, b.codes) { p, q in
            // Codes under NULL rows may point past a dictionary (e.g. an all-NULL column's empty one).
            guard Int(p) < x.count, Int(q) < y.count else { return false }
            return comparison.holds(forOrder: BinaryOrder.compare(x[Int(p)], y[Int(q)]))
        }
    }

    /// A per-entry table pays off unless a small chunk points into a huge dictionary.
    static func worthTabulating(_ dictionary: StringDictionary, _ rowCount: Int) -> Bool {
        dictionary.count <= 4 * rowCount + 64
    }

    /// `table[code]` for every row; codes beyond the table (NULL rows of an empty dictionary) give false.
    static func lookUp(_ codes: [UInt32], _ table: [Bool]) -> [Bool] {
        table.withUnsafeBufferPointer { entries in
            Vectorised.map(codes) { Int($0) < entries.count ? entries[Int($0)] : false }
        }
    }
}

/// Three-way comparison of strings by UTF-8 bytes (= code point order), without Swift's canonical equivalence.
enum BinaryOrder {
    /// Negative, zero or positive as `a` sorts before, equal to, or after `b`.
    static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                for i in 0..<common where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
    }
}
