import Columnar
import Kernels
import QueryEngine

/// What Tab completion can offer from the session: names of tables, views, columns and functions, and
/// the values analysts type inside quotes (area names, regions, measure ids).
struct CompletionCatalog: Sendable {
    /// Tables and views with their column names, in catalog order.
    var relations: [(name: String, columns: [String])] = []
    var functions: [String] = []
    var tableFunctions: [String] = []
    /// Distinct strings by column name (lower case): `area`, `region`, `measure`.
    var values: [String: [String]] = [:]

    init(
        relations: [(name: String, columns: [String])] = [], functions: [String] = [], tableFunctions: [String] = [],
        values: [String: [String]] = [:]
    ) {
        self.relations = relations
        self.functions = functions
        self.tableFunctions = tableFunctions
        self.values = values
    }

    /// The columns whose distinct values are worth completing inside quotes, as (table, column).
    static let valueSources: [(table: String, column: String)] = [
        ("areas", "area"), ("areas", "region"), ("scores", "measure"),
    ]

    /// A snapshot of `database` now (cheap: names and string dictionaries, no row scans).
    init(database: Database) {
        for name in (database.tableNames + database.viewNames).sorted() {
            relations.append((name, database.schema(of: name)?.fields.map(\.name) ?? []))
        }
        functions =
            (ScalarFunctions.standard.keys.filter { !$0.hasPrefix("#") } + Array(AggregateFunctions.standard.keys))
            .sorted()
        tableFunctions = database.tableFunctionSummaries.map(\.name)
        for source in Self.valueSources {
            guard let column = database.table(named: source.table)?.column(named: source.column),
                case .varchar(_, let dictionary) = column.storage
            else { continue }
            values[source.column, default: []].append(contentsOf: dictionary.strings)
        }
        for (key, list) in values { values[key] = Array(Set(list)).sorted() }
    }

    func columns(of relation: String) -> [String]? {
        relations.first { $0.name.lowercased() == relation.lowercased() }?.columns
    }
}
