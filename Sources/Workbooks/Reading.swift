import Spelling

/// The spreadsheet formats read and written.
public enum WorkbookFormat: String, Sendable, CaseIterable {
    case xlsx
    case ods

    /// From a path's extension (`.xlsx`, `.xlsm`, `.ods`, any case); nil for others.
    public init?(path: String) {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: ".") else { return nil }
        switch last[last.index(after: dot)...].lowercased() {
        case "xlsx", "xlsm": self = .xlsx
        case "ods": self = .ods
        default: return nil
        }
    }
}

/// Reads sheets of XLSX and ODS workbooks as tables. Errors load nothing.
public enum WorkbookReader {
    /// The workbook's sheet names, in order.
    public static func sheetNames(path: String, format: WorkbookFormat) throws(WorkbookError) -> [String] {
        switch format {
        case .xlsx: return try XLSXBook(path: path).sheets.map(\.name)
        case .ods: return try ODSBook(path: path).sheets.map(\.name)
        }
    }

    /// One sheet (`options.sheet`, default the first) as a table.
    public static func read(
        path: String, format: WorkbookFormat, options: SheetOptions = SheetOptions()
    ) throws(WorkbookError) -> SheetTable {
        switch format {
        case .xlsx:
            var book = try XLSXBook(path: path)
            let index = try sheetIndex(options.sheet, among: book.sheets.map(\.name), path: path)
            return try SheetTableBuilder.build(try book.grid(index), options: options)
        case .ods:
            let book = try ODSBook(path: path)
            let index = try sheetIndex(options.sheet, among: book.sheets.map(\.name), path: path)
            return try SheetTableBuilder.build(book.sheets[index], options: options)
        }
    }

    /// Every sheet that holds cells, as tables (empty sheets are left out). All or nothing: one sheet that
    /// cannot be read fails the whole read.
    public static func readAll(
        path: String, format: WorkbookFormat, options: SheetOptions = SheetOptions()
    ) throws(WorkbookError) -> [SheetTable] {
        var grids: [SheetGrid] = []
        switch format {
        case .xlsx:
            var book = try XLSXBook(path: path)
            for index in book.sheets.indices { grids.append(try book.grid(index)) }
        case .ods:
            grids = try ODSBook(path: path).sheets
        }
        var tables: [SheetTable] = []
        for grid in grids where grid.usedRange != nil {
            do {
                tables.append(try SheetTableBuilder.build(grid, options: options))
            } catch {
                let message = error.message.contains(grid.name) ? error.message : "sheet \(grid.name): \(error.message)"
                throw WorkbookError(error.kind, message, suggestions: error.suggestions)
            }
        }
        return tables
    }

    static func sheetIndex(_ name: String?, among names: [String], path: String) throws(WorkbookError) -> Int {
        guard !names.isEmpty else { throw WorkbookError(.malformed, "\(path) has no sheets") }
        guard let name else { return 0 }
        if let exact = names.firstIndex(of: name) { return exact }
        if let folded = names.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return folded }
        throw WorkbookError(
            .missingSheet,
            "\(path) has no sheet named '\(name)'; its sheets: \(names.map { "'\($0)'" }.joined(separator: ", "))",
            suggestions: Suggestions.closest(to: name, among: names))
    }
}
