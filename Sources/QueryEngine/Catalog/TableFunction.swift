public import Columnar

/// What a table function can see while it runs: the catalog's tables (read-only) and the statement's
/// interruption flag.
public struct TableFunctionContext {
    let catalog: Catalog
    public let interruption: InterruptionFlag

    /// The names of catalog tables, sorted.
    public var tableNames: [String] { catalog.tableNames }

    /// A catalog table by name (case-insensitive), or nil.
    public func table(named name: String) -> Table? { catalog.table(name)?.table }
}

/// A function used in FROM that produces a table, e.g. `compare('Harrow')` from the inspection module.
public struct TableFunction: Sendable {
    public typealias Invoke =
        @Sendable (
            _ arguments: [Value], _ named: [String: Value], _ context: TableFunctionContext
        ) throws -> Table

    public let name: String
    /// One line for help text: `compare(team) — scores of one team against all others`.
    public let summary: String
    public let invoke: Invoke

    public init(name: String, summary: String, invoke: @escaping Invoke) {
        self.name = name
        self.summary = summary
        self.invoke = invoke
    }
}
