/// A materialised relation: equal-length columns under a schema.
public struct Table: Sendable {
    public private(set) var schema: Schema
    public private(set) var columns: [Column]
    public let rowCount: Int

    /// - Precondition: columns match the schema's types and all have `rowCount` rows.
    public init(schema: Schema, columns: [Column], rowCount: Int? = nil) {
        precondition(schema.fields.count == columns.count, "schema and column counts differ")
        let count = rowCount ?? columns.first?.count ?? 0
        for (field, column) in zip(schema.fields, columns) {
            precondition(field.type == column.type, "column \(field.name) is \(column.type), schema says \(field.type)")
            precondition(column.count == count, "column \(field.name) has \(column.count) rows, expected \(count)")
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = count
    }

    /// Convenience: named columns in order.
    public init(_ named: [(String, Column)]) {
        self.init(
            schema: Schema(named.map { Field(name: $0.0, type: $0.1.type) }),
            columns: named.map(\.1)
        )
    }

    /// A table of boxed rows; for tests and small results.
    public init(schema: Schema, rows: [[Value]]) {
        let columns = schema.fields.enumerated().map { index, field in
            Column(type: field.type, values: rows.map { $0[index] })
        }
        self.init(schema: schema, columns: columns, rowCount: rows.count)
    }

    public static func empty(_ schema: Schema) -> Table {
        Table(schema: schema, columns: schema.fields.map { Column(nullsOf: $0.type, count: 0) }, rowCount: 0)
    }

    public var columnCount: Int { columns.count }

    public func column(named name: String) -> Column? {
        schema.index(of: name).map { columns[$0] }
    }

    /// One row boxed.
    public func row(_ index: Int) -> [Value] { columns.map { $0[index] } }

    /// Every row boxed; for tests and small results.
    public var rows: [[Value]] { (0..<rowCount).map(row) }

    /// Rows at `indices`, in that order.
    public func gather(_ indices: [Int32]) -> Table {
        Table(schema: schema, columns: columns.map { $0.gather(indices) }, rowCount: indices.count)
    }

    /// The same columns under new names (e.g. a subquery alias's column list).
    public func renamed(_ names: [String]) -> Table {
        precondition(names.count == columns.count)
        var copy = self
        for i in names.indices { copy.schema.fields[i].name = names[i] }
        return copy
    }
}
