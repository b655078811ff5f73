import FileOutput
import Columnar

/// An HTML `<table>`: optional `<caption>`, a `<thead>` of `<th scope="col">`, a `<tbody>`. The one
/// table renderer of `.mode html`, `COPY … (FORMAT html)` and notebooks.
///
/// Cells carry classes for `HTMLStylesheet`: `num` on numeric columns (right-aligned), `null` on NULL
/// cells, plus the classes `RenderOptions.columnStyles` gives text cells (band cells, whose name stays
/// written: colour is never the only signal). Percent columns, as `columnStyles` says, print at most one
/// decimal. Text is HTML-escaped. Elided rows (`maxRows`) become one
/// `elided` row; `showRowCount` adds a `<tfoot>`.
struct HTMLRenderer {
    let options: RenderOptions

    func write(_ table: Table, to sink: some TextSink) throws {
        let out = OutputBuffer()
        let window = RowWindow(rowCount: table.rowCount, maxRows: options.maxRows)
        let fields = table.schema.fields
        out.append("<table>\n")
        if let title = options.title { out.append("<caption>" + HTMLText.escape(title) + "</caption>\n") }
        if options.showHeaders {
            out.append("<thead>\n<tr>")
            for field in fields {
                out.append(field.type.isNumeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                out.append(HTMLText.escape(field.name) + "</th>")
            }
            out.append("</tr>\n</thead>\n")
        }
        out.append("<tbody>\n")
        let formats = zip(table.columns, fields).map { column, field in
            HTMLColumnFormat(column, style: options.columnStyles?(field) ?? .plain)
        }
        for (index, row) in window.rows.enumerated() {
            if window.isElided && index == window.head.count { elidedRow(window, fields.count, out) }
            out.append("<tr>")
            for c in table.columns.indices {
                let (text, extra) = formats[c].cell(row)
                var classes: [String] = []
                if fields[c].type.isNumeric { classes.append("num") }
                if fields[c].type == .date { classes.append("date") }
                if text == nil { classes.append("null") }
                classes += extra
                out.append(
                    classes.isEmpty
                        ? "<td>" : "<td class=\"" + HTMLText.escape(classes.joined(separator: " ")) + "\">")
                out.append(HTMLText.escape(text ?? options.nullText) + "</td>")
            }
            out.append("</tr>\n")
            try out.flushIfFull(to: sink)
        }
        if window.isElided && window.tail.isEmpty { elidedRow(window, fields.count, out) }
        out.append("</tbody>\n")
        if options.showRowCount {
            var text = CellText.count(window.total, "row", "rows")
            if window.isElided { text += " (\(window.shownCount) shown)" }
            out.append("<tfoot>\n<tr><td colspan=\"\(max(1, fields.count))\">" + text + "</td></tr>\n</tfoot>\n")
        }
        out.append("</table>\n")
        try out.flush(to: sink)
    }

    private func elidedRow(_ window: RowWindow, _ columnCount: Int, _ out: OutputBuffer) {
        let text = "… " + CellText.count(window.hiddenCount, "more row", "more rows") + " …"
        out.append("<tr class=\"elided\"><td colspan=\"\(max(1, columnCount))\">" + text + "</td></tr>\n")
    }

}
