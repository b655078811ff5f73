/// A word with a meaning in the grammar. Matching is case-insensitive; the token keeps the text as written.
///
/// Reserved keywords can never name a column or alias without double quotes; unreserved ones (`DATE`,
/// `FIRST`, `ROWS`, ...) work as names wherever a keyword could not appear, because datasets use
/// columns such as `date`.
enum Keyword: String, CaseIterable, Sendable {
    case all = "ALL"
    case and = "AND"
    case `as` = "AS"
    case asc = "ASC"
    case between = "BETWEEN"
    case by = "BY"
    case `case` = "CASE"
    case cast = "CAST"
    case copy = "COPY"
    case create = "CREATE"
    case cross = "CROSS"
    case current = "CURRENT"
    case date = "DATE"
    case desc = "DESC"
    case describe = "DESCRIBE"
    case distinct = "DISTINCT"
    case drop = "DROP"
    case `else` = "ELSE"
    case end = "END"
    case escape = "ESCAPE"
    case except = "EXCEPT"
    case exclude = "EXCLUDE"
    case exists = "EXISTS"
    case explain = "EXPLAIN"
    case `false` = "FALSE"
    case filter = "FILTER"
    case first = "FIRST"
    case following = "FOLLOWING"
    case from = "FROM"
    case full = "FULL"
    case group = "GROUP"
    case having = "HAVING"
    case `if` = "IF"
    case ilike = "ILIKE"
    case `in` = "IN"
    case inner = "INNER"
    case insert = "INSERT"
    case intersect = "INTERSECT"
    case into = "INTO"
    case `is` = "IS"
    case join = "JOIN"
    case last = "LAST"
    case left = "LEFT"
    case like = "LIKE"
    case limit = "LIMIT"
    case natural = "NATURAL"
    case not = "NOT"
    case null = "NULL"
    case nulls = "NULLS"
    case offset = "OFFSET"
    case on = "ON"
    case or = "OR"
    case order = "ORDER"
    case outer = "OUTER"
    case over = "OVER"
    case partition = "PARTITION"
    case preceding = "PRECEDING"
    case qualify = "QUALIFY"
    case range = "RANGE"
    case replace = "REPLACE"
    case right = "RIGHT"
    case row = "ROW"
    case rows = "ROWS"
    case select = "SELECT"
    case show = "SHOW"
    case table = "TABLE"
    case tables = "TABLES"
    case then = "THEN"
    case to = "TO"
    case `true` = "TRUE"
    case tryCast = "TRY_CAST"
    case unbounded = "UNBOUNDED"
    case union = "UNION"
    case using = "USING"
    case values = "VALUES"
    case view = "VIEW"
    case when = "WHEN"
    case `where` = "WHERE"
    case window = "WINDOW"
    case with = "WITH"

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
