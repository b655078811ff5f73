import Spelling
import Kernels
import Columnar
import QueryLanguage

/// Executes one statement against a database: binds, optimizes and runs queries; applies DDL/DML.
struct StatementRunner {
    let database: Database
    let script: String

    func run(_ statement: Statement) throws(QueryError) -> StatementResult {
        switch statement.kind {
        case .query(let query):
            return StatementResult(table: try runQuery(query))
        case .createTableAs(let name, let orReplace, let ifNotExists, let query):
            if try skipExisting(name, orReplace: orReplace, ifNotExists: ifNotExists, range: statement.range) {
                return StatementResult()
            }
            let result = try runQuery(query)
            let table = result.renamed(ColumnNames.deduplicated(result.schema.names))
            database.catalog.removeView(name)
            database.catalog.setTable(table, name: name)
            return StatementResult()
        case .createTable(let name, let orReplace, let ifNotExists, let columns):
            if try skipExisting(name, orReplace: orReplace, ifNotExists: ifNotExists, range: statement.range) {
                return StatementResult()
            }
            var fields: [Field] = []
            var seen = Set<String>()
            for column in columns {
                guard seen.insert(column.name.lowercased()).inserted else {
                    throw QueryError(
                        .alreadyExists, "Column with name \(column.name) already exists!", range: column.type.range)
                }
                fields.append(Field(name: column.name, type: try TypeRules.dataType(of: column.type)))
            }
            database.catalog.removeView(name)
            database.catalog.setTable(Table.empty(Schema(fields)), name: name)
            return StatementResult()
        case .createView(let name, let orReplace, let query):
            if try skipExisting(name, orReplace: orReplace, ifNotExists: false, range: statement.range) {
                return StatementResult()
            }
            _ = try database.makeBinder(script: script).bindQuery(query, outer: nil)
            database.catalog.removeTable(name)
            database.catalog.setView(query, script: script, name: name)
            return StatementResult()
        case .drop(let kind, let name, let ifExists):
            let removed: Bool
            switch kind {
            case .table: removed = database.catalog.removeTable(name)
            case .view: removed = database.catalog.removeView(name)
            }
            if !removed && !ifExists {
                let kindName = kind == .table ? "Table" : "View"
                let candidates = kind == .table ? database.catalog.tableNames : database.catalog.viewNames
                throw QueryError(
                    .unknownTable, "\(kindName) with name \(name) does not exist!", range: statement.range,
                    suggestions: Suggestions.closest(to: name, among: candidates))
            }
            return StatementResult()
        case .insert(let table, let columns, let source):
            return try insert(into: table, columns: columns, source: source, range: statement.range)
        case .copy(let source, let path, let options):
            return try copy(source, to: path, options: options, range: statement.range)
        case .describe(let target):
            return StatementResult(table: try describe(target))
        case .showTables:
            let names = database.catalog.allNames.sorted()
            return StatementResult(
                table: Table([("name", Column(type: .varchar, values: names.map { .varchar($0) }))]))
        case .explain(let inner):
            guard case .query(let query) = inner.kind else {
                throw QueryError(.unsupported, "EXPLAIN supports queries only", range: inner.range)
            }
            let bound = try database.makeBinder(script: script).bindQuery(query, outer: nil)
            let lines = PlanPrinter.lines(Optimizer.optimize(bound.plan))
            return StatementResult(table: Table([("plan", Column(type: .varchar, values: lines.map { .varchar($0) }))]))
        }
    }

    func runQuery(_ query: Query) throws(QueryError) -> Table {
        let bound = try database.makeBinder(script: script).bindQuery(query, outer: nil)
        let plan = Optimizer.optimize(bound.plan)
        let relation = try Executor(interruption: database.interruption, progress: database.progress).execute(plan)
        return relation.table(names: bound.names)
    }

    /// Handles an existing object for CREATE: true when the statement should do nothing.
    private func skipExisting(_ name: String, orReplace: Bool, ifNotExists: Bool, range: SourceRange) throws(QueryError)
        -> Bool
    {
        guard database.catalog.contains(name) else { return false }
        if ifNotExists { return true }
        if orReplace { return false }
        throw QueryError(.alreadyExists, "Table with name \(name) already exists!", range: range)
    }

    private func describe(_ target: DescribeTarget) throws(QueryError) -> Table {
        let schema: Schema
        switch target {
        case .table(let name, let range):
            guard let found = database.schema(of: name) else {
                throw QueryError(
                    .unknownTable, "Table with name \(name) does not exist!", range: range,
                    suggestions: Suggestions.closest(to: name, among: database.catalog.allNames))
            }
            schema = found
        case .query(let query):
            let bound = try database.makeBinder(script: script).bindQuery(query, outer: nil)
            schema = Schema(zip(bound.names, bound.plan.outputTypes).map { Field(name: $0, type: $1) })
        }
        return Table([
            ("column_name", Column(type: .varchar, values: schema.fields.map { .varchar($0.name) })),
            ("column_type", Column(type: .varchar, values: schema.fields.map { .varchar($0.type.rawValue) })),
            ("null", Column(type: .varchar, values: schema.fields.map { _ in .varchar("YES") })),
        ])
    }
}
