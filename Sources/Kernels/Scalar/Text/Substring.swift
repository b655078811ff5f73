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

    /// The 0-based code point range selected, or nil when it is empty.
    static func bounds(count: Int64, start offset: Int64, length: Int64) -> Range<Int64>? {
        var length = length
        guard length != 0 else { return nil }
        var start: Int64
        if offset > 0 {
            start = min(count, offset - 1)
        } else if offset < 0 {
            start = offset < -count ? 0 : count + offset
        } else {
            start = 0
            guard length > 1 else { return nil }
            length -= 1
        }
        var end: Int64
        if length > 0 {
            end = length > count - start ? count : start + length
        } else {
            end = start
            start = length < -start ? 0 : start + length
        }
        return start < end ? start..<end : nil
    }
}
