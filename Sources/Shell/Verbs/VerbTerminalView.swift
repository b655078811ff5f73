import Columnar
import Inspection
import Rendering

/// A verb's result as a terminal shows it by default: columns empty in every row are left out, and when
/// the rest is wider than the terminal, only as many of the verb's terminal columns (`Verb.terminalColumns`,
/// most important first: area, measure, score, band, rank …) as fit whole are shown. A note says what was left out and how to
/// see everything; files, pipes, notebooks and `SELECT * FROM verb(...)` always get the whole table.
struct VerbTerminalView {
    let verb: Verb
    /// The terminal's width in columns.
    let width: Int

    /// The table to show and the note to print after it (nil when nothing was left out).
    func view(of table: Table) -> (table: Table, note: String?) {
        let fields = table.schema.fields
        guard table.rowCount > 0 else { return (table, nil) }
        var keep = fields.indices.filter { column in
            (0..<table.rowCount).contains { !table.columns[column].isNull($0) }
        }
        let empty = fields.indices.filter { !keep.contains($0) }.map { fields[$0].name }
        if naturalWidth(of: table, columns: keep) > width {
            // The verb's terminal columns, most important first; the least important go until the rest
            // fits, so the ones kept are never abbreviated.
            var wanted = verb.terminalColumns.compactMap { name in keep.first { fields[$0].name == name } }
            while wanted.count > 1 && naturalWidth(of: table, columns: wanted) > width { wanted.removeLast() }
            if !wanted.isEmpty { keep = wanted }
        }
        guard keep.count < fields.count else { return (table, nil) }
        let shown = Table(keep.map { (fields[$0].name, table.columns[$0]) })
        let hidden = fields.indices.filter { !keep.contains($0) }.map { fields[$0].name }
        var parts: [String] = []
        let narrowed = hidden.filter { !empty.contains($0) }
        if !narrowed.isEmpty {
            parts.append(
                "\(narrowed.count) more column\(narrowed.count == 1 ? "" : "s") (\(narrowed.joined(separator: ", ")))")
        }
        let blank = hidden.filter { empty.contains($0) }
        if !blank.isEmpty { parts.append("\(blank.count) empty (\(blank.joined(separator: ", ")))") }
        let note =
            "not shown: " + parts.joined(separator: "; ")
            + ". All columns: .mode line, .maxwidth 0, or SELECT * FROM \(verb.name)(...)"
        return (shown, note)
    }

    /// About how wide a box grid of these columns is: each column's widest text (name, type, cells)
    /// plus its borders and padding.
    private func naturalWidth(of table: Table, columns: [Int]) -> Int {
        columns.reduce(1) { total, index in
            let column = table.columns[index]
            let field = table.schema.fields[index]
            var widest = max(DisplayWidth.of(field.name), field.type.description.count)
            for row in 0..<min(table.rowCount, 200) {
                widest = max(widest, DisplayWidth.of(column[row].description))
            }
            return total + widest + 3
        }
    }
}
