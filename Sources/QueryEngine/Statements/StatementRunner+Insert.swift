import Spelling
import Kernels
import Columnar
import QueryLanguage

extension StatementRunner {
    /// INSERT: the source's columns are converted to the target's types (an error naming the value when
    /// one does not convert); target columns not listed get NULL.
    func insert(into name: String, columns: [String]?, source: Query, range: SourceRange) throws(QueryError)
        -> StatementResult
    {
        guard let stored = database.catalog.table(name) else {
            throw QueryError(
                .unknownTable, "Table with name \(name) does not exist!", range: range,
                suggestions: Suggestions.closest(to: name, among: database.catalog.tableNames))
        }
        let target = stored.table
        let positions: [Int]
        if let columns {
            var list: [Int] = []
            var named = Set<String>()
            for column in columns {
                guard named.insert(column.lowercased()).inserted else {
                    throw QueryError(.invalidQuery, "Duplicate column name \"\(column)\" in INSERT", range: range)
                }
                guard let index = target.schema.index(of: column) else {
                    throw QueryError(
                        .unknownColumn, "Table \"\(stored.name)\" does not have a column with name \"\(column)\"",
                        range: range, suggestions: Suggestions.closest(to: column, among: target.schema.names))
                }
                list.append(index)
            }
            positions = list
        } else {
            positions = Array(0..<target.columnCount)
        }
        let rows = try runQuery(source)
        guard rows.columnCount == positions.count else {
            throw QueryError(
                .invalidQuery,
                "table \(stored.name) has \(positions.count) columns but \(rows.columnCount) values were supplied",
                range: range)
        }
        var incoming = target.schema.fields.map { Column(nullsOf: $0.type, count: rows.rowCount) }
        for (sourceIndex, targetIndex) in positions.enumerated() {
            let type = target.schema.fields[targetIndex].type
            let column = rows.columns[sourceIndex]
            if column.nullCount == column.count { continue }  // untyped NULLs fit any column
            do {
                incoming[targetIndex] = try Conversion.cast(column, to: type, isTry: false)
            } catch {
                throw QueryError(error, range: range)
            }
        }
        let combined = zip(target.columns, incoming).map { Column.concatenate([$0, $1], type: $0.type) }
        database.catalog.setTable(
            Table(schema: target.schema, columns: combined, rowCount: target.rowCount + rows.rowCount),
            name: stored.name)
        return StatementResult(message: "\(rows.rowCount) row\(rows.rowCount == 1 ? "" : "s") inserted")
    }
}
