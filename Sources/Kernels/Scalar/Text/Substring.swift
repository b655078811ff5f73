import Columnar

/// `substr`/`substring(s, start[, length])` in code points, with DuckDB's rules: `start` is 1-based;
/// 0 is one position before the first character (so `substr('hello', 0, 2)` = `h`); a negative start
/// counts from the end (`substr('hello', -3, 2)` = `ll`); a negative length takes the characters
/// before `start` (`substr('hello', 3, -2)` = `he`). Without a length, the rest of the string.
enum Substring {
    static let functions: [ScalarFunction] = [substr, substr.renamed("substring")]

    static let substr = ScalarFunction(
        name: "substr", summary: "substr(s, start[, length]) — characters from 1-based start (negative: from end)",
        overloads: [
            Rowwise.overload([.varchar, .bigint], VarcharResults.self) { rows, row in
                extract(rows.string(0, row), start: rows.bigint(1, row), length: nil)
            },
            Rowwise.overload([.varchar, .bigint, .bigint], VarcharResults.self) { rows, row in
                extract(rows.string(0, row), start: rows.bigint(1, row), length: rows.bigint(2, row))
            },
        ])

    static func extract(_ s: String, start offset: Int64, length: Int64?) -> String {
        let scalars = Array(s.unicodeScalars)
        guard let range = bounds(count: Int64(scalars.count), start: offset, length: length ?? Int64(UInt32.max)) else {
            return ""
        }
        return UTF8Text.scalars(scalars, Int(range.lowerBound)..<Int(range.upperBound))
    }

    /// The 0-based code point range selected, or nil when it is empty. The start is placed first, even
    /// outside the string (0 is one before the first character, -10 of `hello` five before it), then the
    /// length counted from there, and only then is the range cut to the string: so `substr('hello', -10, 3)`
    /// is empty and `substr('hello', -6, 3)` is `he`, as in DuckDB.
    static func bounds(count: Int64, start offset: Int64, length: Int64) -> Range<Int64>? {
        guard length != 0 else { return nil }
        let first: Int64 = offset > 0 ? offset - 1 : (offset == 0 ? -1 : count + offset)
        let other = first.addingReportingOverflow(length)
        let end = other.overflow ? (length > 0 ? Int64.max : Int64.min) : other.partialValue
        let (low, high) = length > 0 ? (first, end) : (end, first)
        let start = max(0, low), stop = min(count, high)
        return start < stop ? start..<stop : nil
    }
}
