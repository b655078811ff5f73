import Foundation
import Columnar
import Reporting
import Workbooks

/// A notebook's result tables as a workbook (a board pack a finance officer can filter): a contents sheet
/// listing every table, then one sheet per table with its caption as a bold title row, the statement it
/// came from as a note row, a bold frozen header with filter buttons, and band cells tinted as in the HTML
/// document. Tables are numbered as the HTML and Markdown documents number them; charts, prose and
/// messages are left out (the HTML document has them).
struct NotebookWorkbookWriter {
    let run: NotebookRun

    func sheets() -> [WorkbookSheet] {
        var tables: [WorkbookSheet] = []
        var contents: [(sheet: String, caption: String, rows: Int, query: String)] = []
        var number = 0
        for block in run.blocks {
            guard case .cell(let cell, let outputs) = block else { continue }
            for output in outputs {
                guard case .table(let table, let display) = output, table.rowCount > 0 else { continue }
                number += 1
                let caption = display.numbered(number).caption ?? "Table \(number)"
                let name = display.caption.map { "\(number) \($0)" } ?? "Table \(number)"
                let query = cell.source.trimmingCharacters(in: .whitespacesAndNewlines)
                tables.append(
                    run.context.workbookSheet(
                        table, name: name, header: display.showHeaders, title: caption, notes: ["Source: " + query]))
                contents.append((name, caption, table.rowCount, query))
            }
        }
        // Names fitted here too, so the contents sheet names the sheets as the workbook will.
        let fitted = WorkbookWriter.fittedSheetNames(["Contents"] + tables.map(\.name))
        for index in tables.indices { tables[index].name = fitted[index + 1] }
        let listing = Table([
            ("sheet", Column(type: .varchar, values: tables.map { .varchar($0.name) })),
            ("table", Column(type: .varchar, values: contents.map { .varchar($0.caption) })),
            ("rows", Column(type: .bigint, values: contents.map { .bigint(Int64($0.rows)) })),
            ("query", Column(type: .varchar, values: contents.map { .varchar($0.query) })),
        ])
        let title = run.frontMatter.title?.value ?? run.name
        let contentsSheet = WorkbookSheet(
            name: "Contents", table: listing, title: title,
            notes: [
                "\(tables.count) table\(tables.count == 1 ? "" : "s"), one per sheet; made by yotq from \(run.name)"
            ])
        return [contentsSheet] + tables
    }

    func write(to path: String, format: WorkbookFormat) throws {
        try WorkbookWriter.write(sheets(), to: path, format: format)
    }
}
