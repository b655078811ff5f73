import Columnar

/// A grid into a typed table: which cells (range, or the used range past any title rows), whether the
/// first row is a header, each column's type, and the warnings and errors that say what happened.
enum SheetTableBuilder {
    static func build(_ grid: SheetGrid, options: SheetOptions) throws(WorkbookError) -> SheetTable {
        let sheet = quotedSheetName(grid.name)
        var warnings: [String] = []
        guard let used = grid.usedRange else {
            if let range = options.range {
                throw WorkbookError(
                    .rangeOutsideSheet, "the range \(range) lies outside the sheet \(grid.name), which is empty")
            }
            throw WorkbookError(.rangeOutsideSheet, "the sheet \(grid.name) is empty")
        }
        var region: CellRange
        if let range = options.range {
            guard range.first.row <= used.last.row, range.first.column <= used.last.column,
                range.last.row >= used.first.row, range.last.column >= used.first.column
            else {
                throw WorkbookError(
                    .rangeOutsideSheet, "the range \(range) lies outside the cells of the sheet \(grid.name) (\(used))")
            }
            // Rows past the last used one are not read (a generous A3:F10000 reads what is there).
            region = CellRange(
                first: range.first,
                last: CellAddress(row: min(range.last.row, used.last.row), column: range.last.column))
        } else {
            region = used
        }
        var columns = grid.dense(region)
        let rowCount = region.rows.count
        func filled(_ row: Int, countCovered: Bool = false) -> Int {
            var n = 0
            for column in columns where column[row].kind != .empty && (countCovered || !column[row].covered) { n += 1 }
            return n
        }
        func preview(_ row: Int) -> String? {
            for column in columns where column[row].kind != .empty {
                var text = cellText(column[row], grid)
                if text.count > 40 { text = String(text.prefix(39)) + "…" }
                return "'\(text)'"
            }
            return nil
        }
        var firstRow = 0
        var lastRow = rowCount - 1
        if options.range == nil {
            // Title and notes above a published table fill one or two cells; the header row fills at least
            // half as many as the widest row.
            var widest = 0
            for r in 0..<rowCount { widest = max(widest, filled(r)) }
            let needed = widest >= 2 ? max(2, (widest + 1) / 2) : 1
            while firstRow < rowCount && filled(firstRow) < needed { firstRow += 1 }
            if firstRow > 0 {
                let texts = (0..<firstRow).compactMap(preview).prefix(2)
                // Finished below, once the range read is known.
                warnings.append(
                    "skipped \(firstRow == 1 ? "row" : "rows") \(rowSpan(region.first.row, region.first.row + firstRow - 1)) "
                        + "of \(grid.name) above the header (\(texts.joined(separator: ", "))); range := '\u{0}' picks cells exactly"
                )
            }
        }
        if options.stopAtEmpty ?? (options.range == nil) {
            var r = firstRow + 1
            while r <= lastRow && filled(r, countCovered: true) > 0 { r += 1 }
            if r <= lastRow {
                let below = (r...lastRow).filter { filled($0, countCovered: true) > 0 }
                if !below.isEmpty {
                    let texts = below.prefix(2).compactMap(preview)
                    warnings.append(
                        "stopped at the empty row \(region.first.row + r + 1) of \(grid.name); "
                            + "\(below.count) row\(below.count == 1 ? "" : "s") below it not read (\(texts.joined(separator: ", ")))"
                    )
                }
                lastRow = r - 1
            }
        }
        // Columns: without a range, trim to those holding cells in the rows read.
        var firstColumn = 0
        var lastColumn = columns.count - 1
        if options.range == nil {
            func used(_ c: Int) -> Bool { (firstRow...lastRow).contains { columns[c][$0].kind != .empty } }
            while firstColumn < lastColumn && !used(firstColumn) { firstColumn += 1 }
            while lastColumn > firstColumn && !used(lastColumn) { lastColumn -= 1 }
        }
        if firstColumn > 0 || lastColumn < columns.count - 1 {
            columns = Array(columns[firstColumn...lastColumn])
        }
        let origin = CellAddress(row: region.first.row + firstRow, column: region.first.column + firstColumn)

        // Header: asked for, or a row of text over rows that are not all text (or a full row of text over more
        // text).
        let header: Bool
        if let asked = options.header {
            header = asked
        } else {
            let textHeader =
                columns.allSatisfy { [.text, .empty].contains($0[firstRow].kind) }
                && columns.contains { $0[firstRow].kind == .text }
            let belowHasOther =
                firstRow < lastRow
                && columns.contains { column in
                    column[firstRow].kind == .text
                        && ((firstRow + 1)...lastRow).contains { [.number, .date, .boolean].contains(column[$0].kind) }
                }
            let fullTextRow = columns.allSatisfy { $0[firstRow].kind == .text } && firstRow < lastRow
            header = textHeader && (belowHasOther || fullTextRow)
        }
        var names: [String] = []
        for (index, column) in columns.enumerated() {
            let letter = CellAddress.columnName(origin.column + index)
            if header, column[firstRow].kind != .empty, column[firstRow].kind != .error {
                let text = cellText(column[firstRow], grid).trimmingSpaces
                names.append(text.isEmpty ? letter : text)
            } else {
                names.append(letter)
            }
        }
        names = ColumnNames.deduplicated(names)
        let dataRows = header ? (firstRow + 1)...max(firstRow + 1, lastRow) : firstRow...lastRow
        let dataRange = header && firstRow == lastRow ? 0..<0 : dataRows.lowerBound..<(dataRows.upperBound + 1)

        var fields: [Field] = []
        var built: [Column] = []
        var errorCells = 0
        var errorTexts: [String] = []
        var firstError: String?
        var ignored = 0
        var firstIgnored: String?
        for (index, column) in columns.enumerated() {
            var counts = [Int](repeating: 0, count: 6)
            var integral = true
            for r in dataRange {
                let cell = column[r]
                counts[Int(cell.kind.rawValue)] += 1
                if cell.kind == .number && integral {
                    integral = cell.number.rounded() == cell.number && abs(cell.number) < 9.2e18
                }
            }
            let kind: SheetCell.Kind
            if options.allVarchar {
                kind = .text
            } else {
                // The most common kind of value decides; text wins ties (it holds anything).
                let candidates: [SheetCell.Kind] = [.text, .number, .date, .boolean]
                let best = candidates.max { counts[Int($0.rawValue)] < counts[Int($1.rawValue)] }!
                kind = counts[Int(best.rawValue)] == 0 ? .text : best
            }
            let type: DataType =
                switch kind {
                case .number: integral ? .bigint : .double
                case .date: .date
                case .boolean: .boolean
                default: .varchar
                }
            var builder = ColumnBuilder(type: type, capacity: dataRange.count)
            for r in dataRange {
                let cell = column[r]
                switch cell.kind {
                case .empty:
                    builder.appendNull()
                    continue
                case .error:
                    builder.appendNull()
                    if !cell.covered {
                        errorCells += 1
                        let text = grid.strings[Int(cell.text)]
                        if errorTexts.count < 3 && !errorTexts.contains(text) { errorTexts.append(text) }
                        if firstError == nil {
                            firstError = "\(sheet)!\(CellAddress(row: origin.row + r, column: origin.column + index))"
                        }
                    }
                    continue
                default: break
                }
                switch type {
                case .varchar:
                    builder.append(cellText(cell, grid))
                    continue
                case .bigint where cell.kind == .number: builder.append(Int64(cell.number))
                case .double where cell.kind == .number: builder.append(cell.number)
                case .date where cell.kind == .date: builder.append(Date32(daysSinceEpoch: Int32(cell.number)))
                case .boolean where cell.kind == .boolean: builder.append(cell.number != 0)
                default:
                    let address = "\(sheet)!\(CellAddress(row: origin.row + r, column: origin.column + index))"
                    guard options.ignoreErrors else {
                        throw WorkbookError(
                            .cellType,
                            "\(address): \(describe(cell, grid)) does not fit the column \(names[index]) (\(type), "
                                + "as \(counts[Int(kind.rawValue)]) of its \(dataRange.count - counts[0]) cells are); "
                                + "ignore_errors := true reads it as NULL, all_varchar := true reads every cell as text"
                        )
                    }
                    builder.appendNull()
                    ignored += 1
                    if firstIgnored == nil { firstIgnored = address }
                }
            }
            fields.append(Field(name: names[index], type: type))
            built.append(builder.build())
        }
        if errorCells > 0 {
            warnings.append(
                "\(errorCells) error cell\(errorCells == 1 ? "" : "s") (\(errorTexts.joined(separator: ", "))) read as NULL, "
                    + "the first at \(firstError!)")
        }
        if ignored > 0 {
            warnings.append(
                "\(ignored) cell\(ignored == 1 ? "" : "s") that did not fit \(ignored == 1 ? "its" : "their") column read as NULL "
                    + "(ignore_errors), the first at \(firstIgnored!)")
        }
        let readRange = CellRange(
            first: origin,
            last: CellAddress(row: region.first.row + lastRow, column: origin.column + columns.count - 1))
        warnings = warnings.map { $0.replacing("\u{0}", with: readRange.description) }
        return SheetTable(
            sheet: grid.name, table: Table(schema: Schema(fields), columns: built, rowCount: dataRange.count),
            range: readRange, warnings: warnings)
    }

    /// What a cell shows, as text: numbers without a needless `.0`, dates ISO, booleans `true`/`false`.
    static func cellText(_ cell: SheetCell, _ grid: SheetGrid) -> String {
        switch cell.kind {
        case .empty: ""
        case .number: Value.text(cell.number)
        case .date: Date32(daysSinceEpoch: Int32(cell.number)).description
        case .boolean: cell.number != 0 ? "true" : "false"
        case .text, .error: grid.strings[Int(cell.text)]
        }
    }

    private static func describe(_ cell: SheetCell, _ grid: SheetGrid) -> String {
        var text = cellText(cell, grid)
        if text.count > 40 { text = String(text.prefix(39)) + "…" }
        switch cell.kind {
        case .text: return "the text '\(text)'"
        case .number: return "the number \(text)"
        case .date: return "the date \(text)"
        case .boolean: return "the boolean \(text)"
        default: return text
        }
    }

    /// `Ratings`, or `'Table 3'` when the name needs quotes (as a formula would write it).
    static func quotedSheetName(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
        return plain && !name.isEmpty
            ? name : "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    private static func rowSpan(_ first: Int, _ last: Int) -> String {
        first == last ? "\(first + 1)" : "\(first + 1)–\(last + 1)"
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
