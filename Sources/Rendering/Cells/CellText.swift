package import Columnar

/// Text of one cell for people to read (grid, Markdown, HTML, line modes): the canonical `Value`
/// text, with control characters made visible. Nil for NULL, so each mode chooses how NULL looks.
package enum CellText {
    static func display(_ column: Column, row: Int) -> String? {
        guard let raw = canonical(column, row: row) else { return nil }
        if case .varchar = column.storage { return VisibleText.escape(raw) }
        return raw
    }

    /// The canonical text (`Value.description` without boxing), nil for NULL.
    package static func canonical(_ column: Column, row: Int) -> String? {
        if column.isNull(row) { return nil }
        switch column.storage {
        case .bigint(let values): return String(values[row])
        case .double(let values): return Value.format(values[row])
        case .boolean(let values): return values[row] ? "true" : "false"
        case .date(let values): return Date32(daysSinceEpoch: values[row]).description
        case .varchar(let codes, let dictionary): return dictionary[codes[row]]
        }
    }

    /// Lower-case type name, as DuckDB prints it under a column name.
    static func typeName(_ type: DataType) -> String { type.rawValue.lowercased() }

    /// "1 row", "12 rows".
    package static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }
}
