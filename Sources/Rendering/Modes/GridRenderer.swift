import FileOutput
import Columnar

/// The `table` (ASCII) and `box` (Unicode) grids: aligned by display width, numbers right-aligned,
/// names and types centred, NULL as `nullText`, long results elided in the middle, a row-count footer.
struct GridRenderer {
    let options: RenderOptions
    let style: GridStyle

    /// One cell ready to draw: visible text (possibly truncated) and whether it stands for NULL.
    private struct Cell {
        var text: String
        var isNull: Bool
    }

    func write(_ table: Table, to sink: some TextSink) throws {
        let out = OutputBuffer()
        let window = RowWindow(rowCount: table.rowCount, maxRows: options.maxRows)
        let shownRows = window.rows
        let fields = table.schema.fields

        // Gather every visible text once; widths come from these.
        let headers = fields.map { VisibleText.escape($0.name) }
        let types = fields.map { CellText.typeName($0.type) }
        var cells: [[Cell]] = zip(table.columns, fields).map { column, field in
            let display = options.columnStyles?(field).display ?? .plain
            let format = ColumnText.formatter(column, display: display, document: false)
            return shownRows.map { row in
                if let text = format.map({ $0(row) }) ?? CellText.display(column, row: row) {
                    return Cell(text: text, isNull: false)
                }
                return Cell(text: VisibleText.escape(options.nullText), isNull: true)
            }
        }
        let showTypes = options.showColumnTypes && options.showHeaders
        // Widths past the terminal's need not be measured exactly.
        let limit = options.maxWidth ?? .max
        let natural = fields.indices.map { c in
            var width = 1
            if options.showHeaders { width = max(width, DisplayWidth.of(headers[c], upTo: limit)) }
            if showTypes { width = max(width, types[c].count) }
            for cell in cells[c] { width = max(width, DisplayWidth.of(cell.text, upTo: limit)) }
            return width
        }
        var layout = GridLayout(natural: natural, maxWidth: options.maxWidth)
        var widths = layout.widths
        let kept = widths.count
        let rightAligned = fields.prefix(kept).map { $0.type.isNumeric }

        let elisionText = "… \(CellText.count(window.hiddenCount, "more row", "more rows")) …"
        if window.isElided && kept > 0 {
            // The elision line spans the grid; widen the last column if the grid is narrower than it.
            let inner = GridLayout.lineWidth(widths) - 4
            let needed = DisplayWidth.of(elisionText)
            let room = options.maxWidth.map { $0 - GridLayout.lineWidth(widths) } ?? needed
            if needed > inner { widths[kept - 1] += max(0, min(needed - inner, room)) }
        }

        if kept > 0 {
            out.append(style.border(style.top, widths: widths))
            out.append(byte: 10)
            if options.showHeaders {
                let names = (0..<kept).map { fit(headers[$0], widths[$0]) }
                line(names.indices.map { pad(names[$0], widths[$0], .center, dim: false) }, out)
                if showTypes {
                    line((0..<kept).map { pad(fit(types[$0], widths[$0]), widths[$0], .center, dim: true) }, out)
                }
                out.append(style.border(style.rule, widths: widths))
                out.append(byte: 10)
            }
            for (index, _) in shownRows.enumerated() {
                if window.isElided && index == window.head.count { elisionLine(elisionText, widths, out) }
                let parts = (0..<kept).map { c -> String in
                    let cell = cells[c][index]
                    return pad(fit(cell.text, widths[c]), widths[c], rightAligned[c] ? .right : .left, dim: cell.isNull)
                }
                line(parts, out)
                try out.flushIfFull(to: sink)
            }
            if window.isElided && window.tail.isEmpty { elisionLine(elisionText, widths, out) }
            out.append(style.border(style.bottom, widths: widths))
            out.append(byte: 10)
        }
        cells.removeAll()
        layout.hiddenColumnCount = fields.count - kept
        for footerLine in footer(window, hiddenColumns: layout.hiddenColumnCount) {
            out.append(footerLine)
            out.append(byte: 10)
        }
        try out.flush(to: sink)
    }

    /// `12 rows`, `100 rows (40 shown)`, plus `, 3 more columns` when columns were dropped; on two lines
    /// when one would be wider than `maxWidth`.
    private func footer(_ window: RowWindow, hiddenColumns: Int) -> [String] {
        var parts: [String] = []
        if options.showRowCount {
            var rows = CellText.count(window.total, "row", "rows")
            if window.isElided { rows += " (\(window.shownCount) shown)" }
            parts.append(rows)
        }
        if hiddenColumns > 0 { parts.append(CellText.count(hiddenColumns, "more column", "more columns")) }
        let joined = parts.joined(separator: ", ")
        guard let maxWidth = options.maxWidth, joined.count > maxWidth else { return parts.isEmpty ? [] : [joined] }
        return parts.map { DisplayWidth.truncate($0, toWidth: maxWidth) }
    }

    private func fit(_ text: String, _ width: Int) -> String {
        DisplayWidth.truncate(text, toWidth: width)
    }

    private func pad(_ text: String, _ width: Int, _ alignment: DisplayWidth.Alignment, dim: Bool) -> String {
        guard dim && options.colour else { return DisplayWidth.pad(text, toWidth: width, alignment: alignment) }
        // Pad around the styled text so escape codes never count towards the width.
        let gap = max(0, width - DisplayWidth.of(text))
        let before =
            switch alignment {
            case .left: 0
            case .right: gap
            case .center: gap / 2
            }
        return String(repeating: " ", count: before) + "\u{1B}[2m" + text + "\u{1B}[22m"
            + String(repeating: " ", count: gap - before)
    }

    private func line(_ paddedCells: [String], _ out: OutputBuffer) {
        out.append(style.vertical)
        for cell in paddedCells {
            out.append(byte: 32)
            out.append(cell)
            out.append(byte: 32)
            out.append(style.vertical)
        }
        out.append(byte: 10)
    }

    private func elisionLine(_ text: String, _ widths: [Int], _ out: OutputBuffer) {
        let inner = GridLayout.lineWidth(widths) - 4
        out.append(style.vertical + " ")
        out.append(DisplayWidth.pad(DisplayWidth.truncate(text, toWidth: inner), toWidth: inner, alignment: .center))
        out.append(" " + style.vertical)
        out.append(byte: 10)
    }
}
