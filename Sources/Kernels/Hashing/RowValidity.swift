import Columnar

/// A column's NULL bitmap read in place, so hot loops test validity without calling across modules.
struct RowValidity {
    /// Nil when the column has no NULLs.
    let words: [UInt64]?

    init(_ column: Column) { words = column.validity?.words }

    var hasNulls: Bool { words != nil }

    @inline(__always)
    func isValid(_ row: Int) -> Bool {
        guard let words else { return true }
        return words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inline(__always)
    func isNull(_ row: Int) -> Bool { !isValid(row) }
}
