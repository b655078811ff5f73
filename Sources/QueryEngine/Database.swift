public import Columnar
import Spelling
package import Kernels
public import QueryLanguage

/// The SQL engine's front door: a catalog of tables and views, and statement execution.
///
/// One `Database` belongs to one thread at a time (the shell owns one); only `interruption` may be
/// touched from elsewhere (the SIGINT handler raises it).
public final class Database {
    var catalog = Catalog()
    var tableFunctions: [String: TableFunction] = [:]
    let scalarFunctions: [String: ScalarFunction]
    let aggregateFunctions: [String: AggregateFunction]
    /// Raised by the shell to stop the running statement (checked between operator chunks).
    public let interruption = InterruptionFlag()
    /// Bytes read and rows scanned by the running statement (the shell's progress line reads it).
    public let progress = ProgressMeter()
    /// Writes COPY's files; nil: COPY TO is an error. The host sets it (the shell, to Reporting's writers).
    public var copyWriter: CopyWriter?
    /// Warnings of the running statement (table functions add them while binding).
    let warnings = WarningLog()

    public init() {
        scalarFunctions = ScalarFunctions.standard
        aggregateFunctions = AggregateFunctions.standard
    }

    /// A database with other function registries (tests; extensions that add scalar functions).
    package init(scalarFunctions: [String: ScalarFunction], aggregateFunctions: [String: AggregateFunction]) {
        self.scalarFunctions = scalarFunctions
        self.aggregateFunctions = aggregateFunctions
    }

    // MARK: - Catalog access for the shell

    /// Table names as created, sorted.
    public var tableNames: [String] { catalog.tableNames }
    public var viewNames: [String] { catalog.viewNames }

    /// The schema of a table or view (case-insensitive name), or nil when there is none.
    public func schema(of name: String) -> Schema? {
        if let stored = catalog.table(name) { return stored.table.schema }
        if catalog.view(name) != nil, let result = try? describeView(name) { return result }
        return nil
    }

    /// A catalog table by name (case-insensitive).
    public func table(named name: String) -> Table? { catalog.table(name)?.table }

    /// Adds `table` under `name` (e.g. a file loaded by `.load`). Without `replace`, an existing table
    /// or view of that name is an `.alreadyExists` error.
    public func register(_ table: Table, as name: String, replace: Bool = false) throws(QueryError) {
        if catalog.contains(name) && !replace {
            throw QueryError(.alreadyExists, "Table with name \(name) already exists!")
        }
        catalog.removeView(name)
        catalog.setTable(table, name: name)
    }

    public func dropTable(_ name: String) throws(QueryError) {
        guard catalog.removeTable(name) else {
            throw QueryError(
                .unknownTable, "Table with name \(name) does not exist!",
                suggestions: Suggestions.closest(to: name, among: catalog.tableNames))
        }
    }

    /// Makes `name(...)` usable in FROM. The function may read catalog tables through its context.
    public func registerTableFunction(name: String, summary: String, invoke: @escaping TableFunction.Invoke) {
        tableFunctions[name.lowercased()] = TableFunction(name: name, summary: summary, invoke: invoke)
    }

    /// Registered table functions (name, summary), sorted by name, for help text.
    public var tableFunctionSummaries: [(name: String, summary: String)] {
        tableFunctions.values.map { ($0.name, $0.summary) }.sorted { $0.name < $1.name }
    }

    // MARK: - Execution

    /// Runs one parsed statement. `script` is the text its ranges point into (for names and messages).
    ///
    /// The interruption flag is not lowered here: the caller lowers it when the user's statement starts
    /// (before parsing), so a Ctrl-C that arrives while parsing or binding still stops the statement.
    public func execute(_ statement: Statement, script: String) throws(QueryError) -> StatementResult {
        warnings.removeAll()
        var result = try StatementRunner(database: self, script: script).run(statement)
        result.warnings = warnings.removeAll()
        return result
    }

    /// Parses and runs every statement of `sql`, stopping at the first error (a `SyntaxError` or a
    /// `QueryError`). Results come in statement order.
    public func run(_ sql: String) throws -> [StatementResult] {
        interruption.reset()
        progress.reset()
        let statements = try parseScript(sql)
        var results: [StatementResult] = []
        for statement in statements { results.append(try execute(statement, script: sql)) }
        return results
    }

    func makeBinder(script: String) -> Binder {
        Binder(
            catalog: catalog, scalarFunctions: scalarFunctions, aggregateFunctions: aggregateFunctions,
            tableFunctions: tableFunctions, interruption: interruption, progress: progress, warnings: warnings,
            script: script)
    }

    private func describeView(_ name: String) throws(QueryError) -> Schema? {
        guard let view = catalog.view(name) else { return nil }
        let bound = try makeBinder(script: view.script).bindQuery(view.query, outer: nil)
        return Schema(zip(bound.names, bound.plan.outputTypes).map { Field(name: $0, type: $1) })
    }
}

/// The warnings one statement collects, in order, each once.
final class WarningLog {
    private var items: [String] = []

    func add(_ warning: String) {
        if !items.contains(warning) { items.append(warning) }
    }

    /// Returns the warnings and forgets them.
    @discardableResult
    func removeAll() -> [String] {
        defer { items = [] }
        return items
    }
}
