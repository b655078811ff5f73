import FileOutput
import Columnar

/// A GitHub-flavoured Markdown table, padded by display width so the source reads as a table too.
///
/// The delimiter row right-aligns numeric columns (`---:`). Cells and headers are escaped by
/// `MarkdownText` (`\|`, `\*`, ...) so a value is never read as markup. A cell cannot span lines, so a
/// line break in a value is written `<br>` (which GitHub-flavoured tables render as one); other control
/// characters are shown as escapes (`\t`). Elided rows (`maxRows`)
/// become one row of `…`.
struct MarkdownRenderer {
    let options: RenderOptions

    func write(_ table: Table, to sink: some TextSink) throws {
        guard table.columnCount > 0 else { return }
        let out = OutputBuffer()
        let window = RowWindow(rowCount: table.rowCount, maxRows: options.maxRows)
        let fields = table.schema.fields
        let headers = fields.map { options.showHeaders ? MarkdownText.escape(VisibleText.escape($0.name)) : "" }
        let null = MarkdownText.escape(VisibleText.escape(options.nullText))
        let cells: [[String]] = zip(table.columns, fields).map { column, field in
            let display = options.columnStyles?(field).display ?? .plain
            if let format = ColumnText.formatter(column, display: display, document: false) {
                return window.rows.map { row in format(row).map(MarkdownRenderer.cell) ?? null }
            }
            return window.rows.map { row in CellText.canonical(column, row: row).map(MarkdownRenderer.cell) ?? null }
        }
        let widths = fields.indices.map { c in
            cells[c].reduce(max(3, DisplayWidth.of(headers[c]))) { max($0, DisplayWidth.of($1)) }
        }
        let right = fields.map { $0.type.isNumeric }

        func line(_ texts: [String]) {
            out.append("|")
            for c in texts.indices {
                out.append(" " + DisplayWidth.pad(texts[c], toWidth: widths[c], alignment: right[c] ? .right : .left))
                out.append(" |")
            }
            out.append(byte: 10)
        }
        line(headers)
        line(
            fields.indices.map {
                right[$0]
                    ? String(repeating: "-", count: widths[$0] - 1) + ":" : String(repeating: "-", count: widths[$0])
            })
        for (index, _) in window.rows.enumerated() {
            if window.isElided && index == window.head.count { line(fields.map { _ in "…" }) }
            line(cells.map { $0[index] })
            try out.flushIfFull(to: sink)
        }
        if window.isElided && window.tail.isEmpty { line(fields.map { _ in "…" }) }
        if options.showRowCount {
            out.append("\n" + CellText.count(window.total, "row", "rows"))
            if window.isElided { out.append(" (\(window.shownCount) shown)") }
            out.append(byte: 10)
        }
        try out.flush(to: sink)
    }

    /// One cell's text: each line made visible and escaped, lines joined by `<br>`.
    static func cell(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { MarkdownText.escape(VisibleText.escape(String($0))) }.joined(separator: "<br>")
    }
}
