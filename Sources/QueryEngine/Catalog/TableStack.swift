public import Columnar
import Kernels

/// Stacks tables that hold the same kind of rows from different sources (UNION ALL BY NAME).
public enum TableStack {
    /// Columns in first-seen order; a column missing from one table is NULL in its rows. Where the
    /// tables disagree on a column's type, they meet at their common supertype (`TypeCoercion`: BIGINT
    /// and DOUBLE widen to DOUBLE) and anything else becomes VARCHAR (the values' canonical text), so
    /// nothing is lost. A row that stands exactly the same in
    /// two of the tables (every dataset carries its own `areas`) is kept once.
    public static func byName(_ tables: [Table]) -> Table {
        guard tables.count > 1 else { return tables[0] }
        var names: [String] = []
        var types: [String: DataType] = [:]
        for table in tables {
            for field in table.schema.fields {
                let key = field.name.lowercased()
                if let known = types[key] {
                    types[key] = TypeCoercion.commonSupertype(known, field.type) ?? .varchar
                } else {
                    names.append(field.name)
                    types[key] = field.type
                }
            }
        }
        let columns = names.map { name -> (String, Column) in
            let type = types[name.lowercased()]!
            var builder = ColumnBuilder(type: type, capacity: tables.reduce(0) { $0 + $1.rowCount })
            for table in tables {
                guard let column = table.column(named: name) else {
                    for _ in 0..<table.rowCount { builder.appendNull() }
                    continue
                }
                if column.type == type {
                    builder.append(contentsOf: column)
                } else {
                    for row in 0..<column.count {
                        let value = column[row]
                        builder.append(type == .varchar && !value.isNull ? .varchar(value.description) : value)
                    }
                }
            }
            return (name, builder.build())
        }
        return withoutRepeatedRows(Table(columns))
    }

    /// The first of each set of identical rows, in order.
    static func withoutRepeatedRows(_ table: Table) -> Table {
        let index = GroupIndex(keyTypes: table.schema.fields.map(\.type))
        let groups = index.groupIDs(for: table.columns)
        var seen = [Bool](repeating: false, count: index.groupCount)
        var keep: [Int32] = []
        keep.reserveCapacity(table.rowCount)
        for (row, group) in groups.enumerated() where !seen[Int(group)] {
            seen[Int(group)] = true
            keep.append(Int32(row))
        }
        return keep.count == table.rowCount ? table : table.gather(keep)
    }
}
