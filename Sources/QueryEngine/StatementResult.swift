public import Columnar

/// What a statement produced: a table for queries and catalog listings, a message for DDL/DML.
public struct StatementResult: Sendable {
    /// SELECT / DESCRIBE / SHOW TABLES / EXPLAIN results; nil for statements that only change state.
    public var table: Table?
    /// E.g. `3 rows inserted`; nil when there is nothing to say.
    public var message: String?
    /// What the statement wants known but did not stop for: rows a sheet reader skipped, error cells read
    /// as NULL. The shell prints each as `warning: …` on standard error.
    public var warnings: [String] = []

    public init(table: Table? = nil, message: String? = nil, warnings: [String] = []) {
        self.table = table
        self.message = message
        self.warnings = warnings
    }
}
