import FileOutput
import Columnar

/// DuckDB/SQLite `.mode line`: each row as `name = value` lines with names right-aligned, a blank
/// line between rows. Suits wide rows that a grid would truncate.
struct LineRenderer {
    let options: RenderOptions

    func write(_ table: Table, to sink: some TextSink) throws {
        guard table.columnCount > 0 else { return }
        let out = OutputBuffer()
        let window = RowWindow(rowCount: table.rowCount, maxRows: options.maxRows)
        let names = table.schema.fields.map { VisibleText.escape($0.name) }
        let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        let labels = names.map { DisplayWidth.pad($0, toWidth: nameWidth, alignment: .right) + " = " }
        for (index, row) in window.rows.enumerated() {
            if index > 0 { out.append(byte: 10) }
            if window.isElided && index == window.head.count {
                out.append("… " + CellText.count(window.hiddenCount, "more row", "more rows") + " …\n\n")
            }
            for (c, column) in table.columns.enumerated() {
                out.append(labels[c])
                out.append(CellText.display(column, row: row) ?? nullText)
                out.append(byte: 10)
            }
            try out.flushIfFull(to: sink)
        }
        if window.isElided && window.tail.isEmpty {
            out.append("\n… " + CellText.count(window.hiddenCount, "more row", "more rows") + " …\n")
        }
        if options.showRowCount {
            out.append((window.total > 0 ? "\n" : "") + CellText.count(window.total, "row", "rows"))
            if window.isElided { out.append(" (\(window.shownCount) shown)") }
            out.append(byte: 10)
        }
        try out.flush(to: sink)
    }

    private var nullText: String {
        let text = VisibleText.escape(options.nullText)
        return options.colour ? "\u{1B}[2m" + text + "\u{1B}[22m" : text
    }
}
