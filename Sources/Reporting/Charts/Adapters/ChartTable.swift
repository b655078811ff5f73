import Inspection
import Rendering
import Columnar

/// A result table read by column names (case-insensitively), as a chart needs it.
struct ChartTable {
    let table: Table
    let kind: ChartKind
    /// The frameworks' bands and units, for the cells this adapter turns into typed chart inputs.
    let context: ReportContext

    /// Checks the table has every required column — each requirement is one name or alternatives, like
    /// `["measure", "title"]` — and at least one row.
    ///
    /// - Throws: `ChartError.missingColumns` naming every unmet requirement (`measure or title`), else
    ///   `ChartError.noRows`.
    init(_ table: Table, kind: ChartKind, context: ReportContext, requires requirements: [[String]]) throws(ChartError)
    {
        self.table = table
        self.kind = kind
        self.context = context
        let missing = requirements.filter { names in !names.contains { table.schema.index(of: $0) != nil } }
        guard missing.isEmpty else { throw .missingColumns(kind, missing.map { $0.joined(separator: " or ") }) }
        guard table.rowCount > 0 else { throw .noRows(kind) }
    }

    var rows: Range<Int> { 0..<table.rowCount }

    func has(_ name: String) -> Bool { table.schema.index(of: name) != nil }

    /// The first of `names` the table has.
    func first(of names: [String]) -> String? { names.first(where: has) }

    /// The cell as text (numbers and dates in their canonical form); nil for NULL or no such column.
    func text(_ name: String, _ row: Int) -> String? {
        guard let column = table.column(named: name) else { return nil }
        return CellText.canonical(column, row: row)
    }

    /// The band a cell names (in any spelling a band column uses), nil for NULL or no such band.
    func band(_ name: String, _ row: Int) -> BandStyle? {
        text(name, row).flatMap(context.palette.band(matching:))
    }

    /// The cell as a number when it is BIGINT or DOUBLE and finite; nil otherwise.
    func number(_ name: String, _ row: Int) -> Double? {
        guard let column = table.column(named: name) else { return nil }
        switch column[row] {
        case .bigint(let value): return Double(value)
        case .double(let value): return value.isFinite ? value : nil
        default: return nil
        }
    }

    /// The cell as a date: a DATE, or text `YYYY-MM-DD`, `YYYY-MM` (its first day) or `YYYY` (1 January),
    /// as inspection publication dates are written.
    func date(_ name: String, _ row: Int) -> Date32? {
        guard let column = table.column(named: name) else { return nil }
        switch column[row] {
        case .date(let date): return date
        case .varchar(let text): return ChartTable.parseDate(text)
        default: return nil
        }
    }

    static func parseDate(_ text: String) -> Date32? {
        if let date = Date32(iso: text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        guard parts.count == 2 else { return Date32(year: year, month: 1, day: 1) }
        guard parts[1].count == 2, let month = Int(parts[1]) else { return nil }
        return Date32(year: year, month: month, day: 1)
    }
}
