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

    /// Keywords by the index of their first letter (A = 0), with their upper-case bytes, so the lexer
    /// can match a word without allocating.
    private static let byInitial: [[(spelling: [UInt8], keyword: Keyword)]] = {
        var buckets = Array(repeating: [(spelling: [UInt8], keyword: Keyword)](), count: 26)
        for keyword in allCases {
            let spelling = Array(keyword.rawValue.utf8)
            buckets[Int(spelling[0] - UInt8(ascii: "A"))].append((spelling, keyword))
        }
        return buckets
    }()

    /// The keyword spelled by `bytes` in any letter case, or nil.
    static func lookUp(_ bytes: ArraySlice<UInt8>) -> Keyword? {
        guard let first = bytes.first else { return nil }
        let initial = Int(first | 0x20) - Int(UInt8(ascii: "a"))
        guard initial >= 0 && initial < 26 else { return nil }
        candidates: for (spelling, keyword) in byInitial[initial] where spelling.count == bytes.count {
            for (offset, byte) in bytes.enumerated() {
                let folded = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) ? byte - 32 : byte
                if folded != spelling[offset] { continue candidates }
            }
            return keyword
        }
        return nil
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
