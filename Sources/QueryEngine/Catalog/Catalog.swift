import Columnar
import QueryLanguage

/// Named tables and views, looked up case-insensitively; names keep the case they were created with.
struct Catalog {
    struct StoredTable {
        var name: String
        var table: Table
    }

    struct StoredView {
        var name: String
        var query: Query
        /// The script the query's ranges point into (for messages raised while expanding the view).
        var script: String
    }

    private(set) var tables: [String: StoredTable] = [:]
    private(set) var views: [String: StoredView] = [:]

    static func key(_ name: String) -> String { name.lowercased() }

    func table(_ name: String) -> StoredTable? { tables[Catalog.key(name)] }
    func view(_ name: String) -> StoredView? { views[Catalog.key(name)] }
    func contains(_ name: String) -> Bool { table(name) != nil || view(name) != nil }

    var tableNames: [String] { tables.values.map(\.name).sorted() }
    var viewNames: [String] { views.values.map(\.name).sorted() }
    var allNames: [String] { tableNames + viewNames }

    mutating func setTable(_ table: Table, name: String) {
        tables[Catalog.key(name)] = StoredTable(name: name, table: table)
    }

    mutating func setView(_ query: Query, script: String, name: String) {
        views[Catalog.key(name)] = StoredView(name: name, query: query, script: script)
    }

    @discardableResult
    mutating func removeTable(_ name: String) -> Bool { tables.removeValue(forKey: Catalog.key(name)) != nil }

    @discardableResult
    mutating func removeView(_ name: String) -> Bool { views.removeValue(forKey: Catalog.key(name)) != nil }
}
