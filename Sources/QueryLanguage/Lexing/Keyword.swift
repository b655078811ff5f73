/// A word with a meaning in the grammar. Matching is case-insensitive; the token keeps the text as written.
///
/// Reserved keywords can never name a column or alias without double quotes; unreserved ones (`DATE`,
/// `FIRST`, `ROWS`, ...) work as names wherever a keyword could not appear, because datasets use
/// columns such as `date`.
enum Keyword: String, CaseIterable, Sendable {
    case all = "ALL", and = "AND", `as` = "AS", asc = "ASC", between = "BETWEEN", by = "BY"
    case `case` = "CASE", cast = "CAST", copy = "COPY", create = "CREATE", cross = "CROSS"
    case current = "CURRENT", date = "DATE", desc = "DESC", describe = "DESCRIBE", distinct = "DISTINCT"
    case drop = "DROP", `else` = "ELSE", end = "END", escape = "ESCAPE", except = "EXCEPT"
    case exclude = "EXCLUDE", exists = "EXISTS", explain = "EXPLAIN", `false` = "FALSE", filter = "FILTER"
    case first = "FIRST", following = "FOLLOWING", from = "FROM", full = "FULL", group = "GROUP"
    case having = "HAVING", `if` = "IF", ilike = "ILIKE", `in` = "IN", inner = "INNER", insert = "INSERT"
    case intersect = "INTERSECT", into = "INTO", `is` = "IS", join = "JOIN", last = "LAST", left = "LEFT"
    case like = "LIKE", limit = "LIMIT", natural = "NATURAL", not = "NOT", null = "NULL", nulls = "NULLS"
    case offset = "OFFSET", on = "ON", or = "OR", order = "ORDER", outer = "OUTER", over = "OVER"
    case partition = "PARTITION", preceding = "PRECEDING", qualify = "QUALIFY", range = "RANGE"
    case replace = "REPLACE", right = "RIGHT", row = "ROW", rows = "ROWS", select = "SELECT", show = "SHOW"
    case table = "TABLE", tables = "TABLES", then = "THEN", to = "TO", `true` = "TRUE", tryCast = "TRY_CAST"
    case unbounded = "UNBOUNDED", union = "UNION", using = "USING", values = "VALUES", view = "VIEW"
    case when = "WHEN", `where` = "WHERE", window = "WINDOW", with = "WITH"

    /// Keywords that may not be used as an unquoted name (as in PostgreSQL's reserved list, trimmed to
    /// the words that start or separate clauses here).
    var isReserved: Bool { !Keyword.unreserved.contains(self) }

    private static let unreserved: Set<Keyword> = [
        .copy, .current, .date, .describe, .drop, .escape, .exclude, .explain, .filter, .first, .following,
        .if, .insert, .last, .nulls, .over, .partition, .preceding, .range, .replace, .row, .rows, .show,
        .tables, .to, .unbounded, .view,
    ]

    /// Upper-cased spelling → keyword, for the lexer.
    private static let bySpelling: [String: Keyword] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The longest keyword, so the lexer can skip the lookup for longer words without allocating.
    static let maximumLength = allCases.map(\.rawValue.utf8.count).max() ?? 0

    /// The keyword spelled by `bytes` in any letter case, or nil.
    static func lookUp(_ bytes: ArraySlice<UInt8>) -> Keyword? {
        guard bytes.count <= maximumLength else { return nil }
        var upper = ""
        upper.reserveCapacity(bytes.count)
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let folded = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) ? byte - 32 : byte
            upper.unicodeScalars.append(Unicode.Scalar(folded))
        }
        return bySpelling[upper]
    }
}

/// The dialect's keywords, for tab completion and syntax highlighting.
public enum Keywords {
    /// Every keyword, upper case, sorted.
    public static let all: [String] = Keyword.allCases.map(\.rawValue).sorted()

    /// Keywords that need double quotes to be used as a column or table name.
    public static let reserved: [String] = Keyword.allCases.filter(\.isReserved).map(\.rawValue).sorted()

    /// Whether `word` (any case) is a keyword.
    public static func contains(_ word: String) -> Bool {
        Keyword.lookUp(ArraySlice(word.utf8)) != nil
    }
}
