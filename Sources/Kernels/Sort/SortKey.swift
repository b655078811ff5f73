public import Columnar

/// One ORDER BY key: a column with its direction and NULL placement.
public struct SortKey: Sendable {
    public var column: Column
    public var ascending: Bool
    /// The dialect's default is NULLS LAST for both directions (DuckDB).
    public var nullsFirst: Bool

    public init(column: Column, ascending: Bool = true, nullsFirst: Bool = false) {
        self.column = column
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }
}

public enum Sorting {
    /// A stable permutation of row indices ordering rows by `keys` (all of equal length): VARCHAR by
    /// code point, DOUBLE with NaN after every number (DuckDB), BOOLEAN false < true.
    /// `limit` (when given) lets it return only the first `limit` rows of the order (top-N).
    public static func permutation(_ keys: [SortKey], rowCount: Int, limit: Int? = nil) -> [Int32] {
        fatalError("Sorting is not implemented yet")
    }
}
