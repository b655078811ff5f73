import Columnar

/// Text functions of one string and simple parameters, each evaluated once per distinct string when the
/// other arguments are constant (see `RowwiseKernel`). Positions and lengths count code points.
enum TextFunctions {
    static let functions: [ScalarFunction] = [
        lower, lower.renamed("lcase"), upper, upper.renamed("ucase"), length, length.renamed("char_length"),
        length.renamed("character_length"), startsWith, startsWith.renamed("prefix"), endsWith,
        endsWith.renamed("suffix"), contains, replace, left, right, reverse, repeatText, position,
        position.renamed("strpos"), splitPart,
    ]

    static let lower = ScalarFunction(
        name: "lower", summary: "lower(s) — lower case (simple Unicode mapping)",
        overloads: [
            Rowwise.overload([.varchar], VarcharResults.self) { rows, row in CaseMapping.lowercased(rows.string(0, row))
            }
        ])

    static let upper = ScalarFunction(
        name: "upper", summary: "upper(s) — upper case (simple Unicode mapping)",
        overloads: [
            Rowwise.overload([.varchar], VarcharResults.self) { rows, row in CaseMapping.uppercased(rows.string(0, row))
            }
        ])

    static let length = ScalarFunction(
        name: "length", summary: "length(s) — number of characters (code points)",
        overloads: [
            Rowwise.overload([.varchar], BigintResults.self) { rows, row in
                Int64(UTF8Text.scalarCount(rows.string(0, row)))
            }
        ])

    static let startsWith = ScalarFunction(
        name: "starts_with", summary: "starts_with(s, prefix) — true when s begins with prefix",
        overloads: [
            Rowwise.overload([.varchar, .varchar], BooleanResults.self) { rows, row in
                UTF8Text.hasPrefix(rows.string(0, row), rows.string(1, row))
            }
        ])

    static let endsWith = ScalarFunction(
        name: "ends_with", summary: "ends_with(s, suffix) — true when s ends with suffix",
        overloads: [
            Rowwise.overload([.varchar, .varchar], BooleanResults.self) { rows, row in
                UTF8Text.hasSuffix(rows.string(0, row), rows.string(1, row))
            }
        ])

    static let contains = ScalarFunction(
        name: "contains", summary: "contains(s, part) — true when part occurs in s",
        overloads: [
            Rowwise.overload([.varchar, .varchar], BooleanResults.self) { rows, row in
                UTF8Text.firstOffset(of: Array(rows.string(1, row).utf8), in: Array(rows.string(0, row).utf8)) != nil
            }
        ])

    static let position = ScalarFunction(
        name: "instr", summary: "instr(s, part) — 1-based character position of part in s, 0 when absent",
        overloads: [
            Rowwise.overload([.varchar, .varchar], BigintResults.self) { rows, row in
                let haystack = Array(rows.string(0, row).utf8)
                guard let offset = UTF8Text.firstOffset(of: Array(rows.string(1, row).utf8), in: haystack) else {
                    return 0
                }
                return Int64(haystack[..<offset].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } + 1)
            }
        ])

    static let replace = ScalarFunction(
        name: "replace", summary: "replace(s, from, to) — every occurrence of from replaced by to",
        overloads: [
            Rowwise.overload([.varchar, .varchar, .varchar], VarcharResults.self) { rows, row in
                UTF8Text.replacing(rows.string(1, row), with: rows.string(2, row), in: rows.string(0, row))
            }
        ])

    static let splitPart = ScalarFunction(
        name: "split_part",
        summary: "split_part(s, sep, n) — the n-th piece of s cut at sep (n < 0 counts from the end; '' outside)",
        overloads: [
            Rowwise.overload([.varchar, .varchar, .bigint], VarcharResults.self) { rows, row in
                let pieces = UTF8Text.pieces(of: rows.string(0, row), separatedBy: rows.string(1, row))
                let n = rows.bigint(2, row)
                let index = n > 0 ? Int(clamping: n - 1) : pieces.count + Int(clamping: n)
                return n != 0 && pieces.indices.contains(index) ? pieces[index] : ""
            }
        ])

    static let left = ScalarFunction(
        name: "left", summary: "left(s, n) — first n characters (negative n: all but the last -n)",
        overloads: [
            Rowwise.overload([.varchar, .bigint], VarcharResults.self) { rows, row in
                let scalars = Array(rows.string(0, row).unicodeScalars)
                let n = rows.bigint(1, row), count = Int64(scalars.count)
                let end = n >= 0 ? min(n, count) : max(0, count + max(n, -count))
                return UTF8Text.scalars(scalars, 0..<Int(end))
            }
        ])

    static let right = ScalarFunction(
        name: "right", summary: "right(s, n) — last n characters (negative n: all but the first -n)",
        overloads: [
            Rowwise.overload([.varchar, .bigint], VarcharResults.self) { rows, row in
                let scalars = Array(rows.string(0, row).unicodeScalars)
                let n = rows.bigint(1, row), count = Int64(scalars.count)
                let start = n >= 0 ? count - min(n, count) : min(count, -max(n, -count))
                return UTF8Text.scalars(scalars, Int(start)..<Int(count))
            }
        ])

    static let reverse = ScalarFunction(
        name: "reverse", summary: "reverse(s) — characters in reverse order (grapheme clusters kept whole)",
        overloads: [
            Rowwise.overload([.varchar], VarcharResults.self) { rows, row in String(rows.string(0, row).reversed()) }
        ])

    /// Results longer than this are refused rather than exhausting memory.
    static let maximumResultBytes = 256 << 20

    static let repeatText = ScalarFunction(
        name: "repeat", summary: "repeat(s, n) — s written n times (empty for n <= 0)",
        overloads: [
            Rowwise.overload([.varchar, .bigint], VarcharResults.self) { rows, row throws(KernelError) in
                let s = rows.string(0, row), n = rows.bigint(1, row)
                guard n > 0, !s.isEmpty else { return "" }
                guard n <= Int64(maximumResultBytes / s.utf8.count) else {
                    throw KernelError(.invalidArgument, "repeat: result of \(n) × \(s.utf8.count) bytes is too large")
                }
                return String(repeating: s, count: Int(n))
            }
        ])
}
