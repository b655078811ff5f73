public import Columnar

/// One sheet to write: a table, optional lines above it (a title, then notes), a header row, and how cells
/// look. The writers give the header row a bold face and freeze it, size the columns to their contents
/// and write numbers, dates and booleans as such.
public struct WorkbookSheet: Sendable {
    /// The sheet's name; the writer makes it fit the format (31 characters, no `[]:*?/\`, unique).
    public var name: String
    public var table: Table
    public var header: Bool
    /// A bold title row above the table (a notebook cell's caption); nil for none.
    public var title: String?
    /// Rows of notes below the title, in italics (the query the table came from).
    public var notes: [String]
    /// Per column: the look of a text cell with this value (band cells: their tint); nil for plain cells.
    public var textLooks: [(@Sendable (String) -> CellLook?)?]
    /// Per column: decimals to show for DOUBLE cells (the value is kept whole); nil shows what it holds.
    public var decimals: [Int?]

    public init(
        name: String, table: Table, header: Bool = true, title: String? = nil, notes: [String] = [],
        textLooks: [(@Sendable (String) -> CellLook?)?]? = nil, decimals: [Int?]? = nil
    ) {
        self.name = name
        self.table = table
        self.header = header
        self.title = title
        self.notes = notes
        self.textLooks = textLooks ?? Array(repeating: nil, count: table.columnCount)
        self.decimals = decimals ?? Array(repeating: nil, count: table.columnCount)
    }
}

/// A cell's background and the colour of a swatch bar at its left edge, as `#RRGGBB`.
public struct CellLook: Hashable, Sendable {
    public var fill: String
    public var swatch: String?

    public init(fill: String, swatch: String? = nil) {
        self.fill = fill
        self.swatch = swatch
    }
}

/// Writes workbooks: XLSX or ODS, each sheet's XML emitted straight into a ZIP entry, the file replaced all
/// or nothing.
public enum WorkbookWriter {
    public static func write(_ sheets: [WorkbookSheet], to path: String, format: WorkbookFormat) throws {
        let names = SheetNames.fitted(sheets.map(\.name))
        var fitted = sheets
        for index in fitted.indices { fitted[index].name = names[index] }
        let entries: [(name: String, bytes: [UInt8], compressed: Bool)]
        switch format {
        case .xlsx: entries = XLSXWriter.entries(fitted)
        case .ods: entries = ODSWriter.entries(fitted)
        }
        try ZipWriting.write(entries, to: path)
    }
}

extension WorkbookWriter {
    /// The names the writer gives sheets so named: valid in both formats and unique.
    public static func fittedSheetNames(_ names: [String]) -> [String] { SheetNames.fitted(names) }
}

enum SheetNames {
    /// Names Excel accepts: at most 31 characters, none of `[]:*?/\`, not blank, unique in any case.
    static func fitted(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }).trimmingSpaces
            if clean.hasPrefix("'") { clean.removeFirst() }
            if clean.isEmpty { clean = "Sheet\(index + 1)" }
            clean = String(clean.prefix(31)).trimmingSpaces
            var candidate = clean
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(clean.prefix(31 - suffix.count)).trimmingSpaces + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}

/// Text widths for column sizing: characters, with wide (East Asian) ones counted twice; the first
/// 2,000 rows decide.
enum ColumnWidths {
    static func widths(_ sheet: WorkbookSheet) -> [Double] {
        let table = sheet.table
        let sample = min(table.rowCount, 2_000)
        return table.columns.enumerated().map { index, column in
            var widest = sheet.header ? length(table.schema.fields[index].name) + 2 : 0  // room for a filter button
            switch column.type {
            case .date: widest = max(widest, 10)
            case .boolean: widest = max(widest, 5)
            default:
                for row in 0..<sample where !column.isNull(row) {
                    let text: String
                    switch column[row] {
                    case .double(let v):
                        if let d = sheet.decimals[index] { text = fixed(d, v) } else { text = Value.format(v) }
                    case let value: text = value.description
                    }
                    widest = max(widest, text.split(separator: "\n").map { length(String($0)) }.max() ?? 0)
                }
            }
            return Double(min(max(widest, 6), 60)) + 1.7
        }
    }

    static func length(_ text: String) -> Int {
        var n = 0
        for scalar in text.unicodeScalars {
            n +=
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                    || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                    || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1
        }
        return n
    }

    /// `v` with `decimals` places, without Foundation's formatter.
    static func fixed(_ decimals: Int, _ v: Double) -> String {
        guard v.isFinite else { return Value.format(v) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(v) * scale).rounded()
        let whole = String(Int64(rounded / scale))
        let fraction = String(Int64(rounded.truncatingRemainder(dividingBy: scale)))
        let padded = decimals == 0 ? "" : "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        return (v < 0 && rounded != 0 ? "-" : "") + whole + padded
    }
}
