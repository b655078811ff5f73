/// One cell as a workbook stores it, before the column it lands in gives it a type.
struct SheetCell {
    enum Kind: UInt8 {
        case empty
        /// `number` holds the value.
        case number
        /// `number` holds days since 1970-01-01 (already converted from the workbook's date system).
        case date
        /// `number` is 1 or 0.
        case boolean
        /// `text` indexes the grid's strings.
        case text
        /// An error value (`#N/A`) or a date that cannot exist; `text` indexes its text.
        case error
    }

    var kind: Kind
    /// Inside a merged area but not its top-left cell (holds the top-left's value once merges are applied).
    var covered = false
    var number: Double = 0
    var text: Int32 = 0

    static let empty = SheetCell(kind: .empty)
}

/// A sheet's cells as read: sparse, in the order the file gives them (row by row), plus merged areas.
struct SheetGrid {
    let name: String
    /// Text of `text` and `error` cells (an XLSX sheet starts with the shared strings).
    var strings: [String]
    var cells: [SheetCell] = []
    var positions: [CellAddress] = []
    var merges: [CellRange] = []

    init(name: String, strings: [String] = []) {
        self.name = name
        self.strings = strings
    }

    mutating func append(_ cell: SheetCell, at address: CellAddress) {
        guard cell.kind != .empty else { return }
        cells.append(cell)
        positions.append(address)
    }

    mutating func appendText(_ text: String, at address: CellAddress, error: Bool = false) {
        if text.isEmpty && !error { return }
        strings.append(text)
        append(SheetCell(kind: error ? .error : .text, text: Int32(strings.count - 1)), at: address)
    }

    /// The rectangle holding every non-empty cell; nil for an empty sheet.
    var usedRange: CellRange? {
        guard let first = positions.first else { return nil }
        var minRow = first.row, maxRow = first.row, minColumn = first.column, maxColumn = first.column
        for p in positions {
            minRow = min(minRow, p.row)
            maxRow = max(maxRow, p.row)
            minColumn = min(minColumn, p.column)
            maxColumn = max(maxColumn, p.column)
        }
        return CellRange(
            first: CellAddress(row: minRow, column: minColumn), last: CellAddress(row: maxRow, column: maxColumn))
    }

    /// The cells of `range`, column by column (`columns[c][r]`, both relative to the range), with merged
    /// areas filled from their top-left cell (marked `covered`).
    func dense(_ range: CellRange) -> [[SheetCell]] {
        let rowCount = range.rows.count
        var columns = [[SheetCell]](
            repeating: [SheetCell](repeating: .empty, count: rowCount), count: range.columns.count)
        for (index, p) in positions.enumerated() where range.contains(p) {
            columns[p.column - range.first.column][p.row - range.first.row] = cells[index]
        }
        for merge in merges {
            let origin = merge.first
            var topLeft: SheetCell
            if range.contains(origin) {
                topLeft = columns[origin.column - range.first.column][origin.row - range.first.row]
            } else if let index = positions.firstIndex(of: origin) {
                topLeft = cells[index]
            } else {
                continue
            }
            guard topLeft.kind != .empty else { continue }
            topLeft.covered = true
            for r in merge.rows where range.rows.contains(r) {
                for c in merge.columns where range.columns.contains(c) && !(r == origin.row && c == origin.column) {
                    columns[c - range.first.column][r - range.first.row] = topLeft
                }
            }
        }
        return columns
    }
}
