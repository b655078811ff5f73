/// An OpenDocument spreadsheet (`.ods`) opened for reading: every sheet of `content.xml` in one pass.
///
/// Rows and cells may be repeated (`table:number-rows-repeated`, `table:number-columns-repeated`); empty
/// repeats (LibreOffice pads sheets to a million rows) cost nothing, and a repeated cell with a value is
/// written out. Spanned cells (`number-columns-spanned`, `number-rows-spanned`) become merged areas.
struct ODSBook {
    let sheets: [SheetGrid]

    init(path: String) throws(WorkbookError) {
        var archive = try WorkbookArchive(path: path)
        if let manifest = try archive.read("META-INF/manifest.xml"),
            manifest.firstRange(of: Array("encryption-data".utf8)) != nil
        {
            throw WorkbookError(.encrypted, "\(path) is encrypted (password-protected)")
        }
        guard let content = try archive.read("content.xml") else {
            if archive.contains("xl/workbook.xml") {
                throw WorkbookError(.notAWorkbook, "\(path) is an XLSX workbook: use read_xlsx")
            }
            throw WorkbookError(
                .notAWorkbook, "\(path) is a ZIP file but not an OpenDocument spreadsheet (no content.xml)")
        }
        do {
            sheets = try ODSContentReader.read(content)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(.malformed, "\(path): content.xml: \(error)")
        }
    }
}

enum ODSContentReader {
    /// Past this many cells written out from repeats, the rest of a repeat is dropped (a stray value
    /// repeated across a million rows).
    static let maximumRepeatedCells = 10_000_000

    static func read(_ bytes: [UInt8]) throws -> [SheetGrid] {
        var scanner = XMLScanner(bytes)
        var sheets: [SheetGrid] = []
        var grid: SheetGrid?
        var row = 0
        var column = 0
        var rowRepeat = 1
        var rowCells: [(column: Int, cell: SheetCell, text: String?, repeat: Int)] = []
        // The cell being read.
        var inCell = false
        var cellKind = SheetCell.Kind.empty
        var cellNumber = 0.0
        var cellRepeat = 1
        var cellSpan = (columns: 1, rows: 1)
        var cellText: [UInt8] = []
        var paragraphs = 0
        var textDepth = 0  // inside text:p
        var ignoredDepth = 0  // inside office:annotation
        var stringValue: String?
        var repeatedCells = 0

        func flushRow() {
            guard var g = grid else { return }
            grid = nil  // g is then the only owner: appends do not copy the arrays
            for r in 0..<rowRepeat {
                for entry in rowCells {
                    for k in 0..<entry.repeat {
                        repeatedCells += 1
                        if repeatedCells > maximumRepeatedCells { break }
                        let address = CellAddress(row: row + r, column: entry.column + k)
                        if let text = entry.text {
                            g.appendText(text, at: address, error: entry.cell.kind == .error)
                        } else {
                            g.append(entry.cell, at: address)
                        }
                    }
                }
            }
            grid = g
            rowCells.removeAll(keepingCapacity: true)
            row += rowRepeat
        }

        func count(_ name: StaticString, _ attributes: Range<Int>) throws -> Int {
            guard let range = scanner.attribute(name, in: attributes) else { return 1 }
            return max(1, Int(try scanner.string(range)) ?? 1)
        }

        while true {
            switch try scanner.next() {
            case .start(let tag, let attributes, let selfClosing):
                if ignoredDepth > 0 {
                    if !selfClosing { ignoredDepth += 1 }
                    continue
                }
                if scanner.isQualified(tag, "table:table") {
                    let name =
                        try scanner.attribute("table:name", in: attributes).map { try scanner.string($0) }
                        ?? "Sheet\(sheets.count + 1)"
                    grid = SheetGrid(name: name)
                    row = 0
                } else if scanner.isQualified(tag, "table:table-row") {
                    rowRepeat = try count("table:number-rows-repeated", attributes)
                    column = 0
                    rowCells.removeAll(keepingCapacity: true)
                    if selfClosing { row += rowRepeat }
                } else if scanner.isQualified(tag, "table:table-cell")
                    || scanner.isQualified(tag, "table:covered-table-cell")
                {
                    // Every attribute wanted, in one pass.
                    var repeated: Range<Int>?, columnsSpanned: Range<Int>?, rowsSpanned: Range<Int>?
                    var valueType: Range<Int>?, value: Range<Int>?, dateValue: Range<Int>?, booleanValue: Range<Int>?
                    var timeValue: Range<Int>?, stringAttribute: Range<Int>?, calcType: Range<Int>?
                    scanner.forEachAttribute(in: attributes) { name, range in
                        if scanner.isQualified(name, "office:value-type") {
                            valueType = range
                        } else if scanner.isQualified(name, "office:value") {
                            value = range
                        } else if scanner.isQualified(name, "table:number-columns-repeated") {
                            repeated = range
                        } else if scanner.isQualified(name, "calcext:value-type") {
                            calcType = range
                        } else if scanner.isQualified(name, "office:date-value") {
                            dateValue = range
                        } else if scanner.isQualified(name, "office:boolean-value") {
                            booleanValue = range
                        } else if scanner.isQualified(name, "office:string-value") {
                            stringAttribute = range
                        } else if scanner.isQualified(name, "office:time-value") {
                            timeValue = range
                        } else if scanner.isQualified(name, "table:number-columns-spanned") {
                            columnsSpanned = range
                        } else if scanner.isQualified(name, "table:number-rows-spanned") {
                            rowsSpanned = range
                        }
                    }
                    func number(_ range: Range<Int>?) -> Int {
                        guard let range, !range.isEmpty, range.count < 10 else { return 1 }
                        var n = 0
                        for i in range {
                            guard bytes[i] >= 48 && bytes[i] <= 57 else { return 1 }
                            n = n * 10 + Int(bytes[i] - 48)
                        }
                        return max(n, 1)
                    }
                    cellRepeat = number(repeated)
                    cellSpan = (number(columnsSpanned), number(rowsSpanned))
                    cellKind = .empty
                    cellText.removeAll(keepingCapacity: true)
                    paragraphs = 0
                    stringValue = nil
                    if let type = valueType {
                        if scanner.isQualified(type, "float") || scanner.isQualified(type, "percentage")
                            || scanner.isQualified(type, "currency")
                        {
                            if let value,
                                let parsed = bytes[value].withUnsafeBufferPointer({ SerialDates.parseNumber($0) })
                            {
                                cellKind = .number
                                cellNumber = parsed
                            }
                        } else if scanner.isQualified(type, "date") {
                            if let dateValue, let days = ISODate.days(try scanner.string(dateValue)) {
                                cellKind = .date
                                cellNumber = Double(days)
                            }
                        } else if scanner.isQualified(type, "boolean") {
                            cellKind = .boolean
                            cellNumber = booleanValue.map { scanner.isQualified($0, "true") } == true ? 1 : 0
                        } else if scanner.isQualified(type, "time") {
                            cellKind = .text
                            stringValue = try timeValue.map { try scanner.string($0) }
                        } else {
                            cellKind = .text
                            stringValue = try stringAttribute.map { try scanner.string($0) }
                        }
                    }
                    if let calcType, scanner.isQualified(calcType, "error") {
                        cellKind = .error
                    }
                    inCell = !selfClosing
                    if selfClosing { finishCell() }
                } else if inCell && scanner.isQualified(tag, "office:annotation") {
                    if !selfClosing { ignoredDepth = 1 }
                } else if inCell && scanner.isQualified(tag, "text:p") {
                    if paragraphs > 0 { cellText.append(10) }
                    paragraphs += 1
                    if !selfClosing { textDepth += 1 }
                } else if textDepth > 0 {
                    if scanner.isQualified(tag, "text:s") {
                        let n = try count("text:c", attributes)
                        cellText.append(contentsOf: [UInt8](repeating: 32, count: n))
                    } else if scanner.isQualified(tag, "text:tab") {
                        cellText.append(9)
                    } else if scanner.isQualified(tag, "text:line-break") {
                        cellText.append(10)
                    }
                }
            case .end(let tag):
                if ignoredDepth > 0 {
                    ignoredDepth -= 1
                    continue
                }
                if scanner.isQualified(tag, "text:p") {
                    textDepth = max(0, textDepth - 1)
                } else if scanner.isQualified(tag, "table:table-cell")
                    || scanner.isQualified(tag, "table:covered-table-cell")
                {
                    inCell = false
                    finishCell()
                } else if scanner.isQualified(tag, "table:table-row") {
                    flushRow()
                } else if scanner.isQualified(tag, "table:table"), let g = grid {
                    sheets.append(g)
                    grid = nil
                }
            case .text(let range):
                if textDepth > 0 && ignoredDepth == 0 { try scanner.appendDecoded(range, to: &cellText) }
            case .cdata(let range):
                if textDepth > 0 && ignoredDepth == 0 { cellText.append(contentsOf: bytes[range]) }
            case .endOfDocument:
                return sheets
            }

            func finishCell() {
                defer { column += cellRepeat }
                switch cellKind {
                case .empty:
                    // A cell with text but no value type (older writers) is text.
                    if !cellText.isEmpty {
                        rowCells.append(
                            (column, SheetCell(kind: .text), String(decoding: cellText, as: UTF8.self), cellRepeat))
                    }
                case .text, .error:
                    // An error cell's text (`#DIV/0!`) is in its paragraph; its string-value is empty.
                    let text =
                        cellKind == .error || stringValue == nil
                        ? String(decoding: cellText, as: UTF8.self) : stringValue!
                    rowCells.append((column, SheetCell(kind: cellKind), text, cellRepeat))
                default:
                    rowCells.append((column, SheetCell(kind: cellKind, number: cellNumber), nil, cellRepeat))
                }
                if cellSpan.columns > 1 || cellSpan.rows > 1, cellKind != .empty || !cellText.isEmpty {
                    let first = CellAddress(row: row, column: column)
                    grid?.merges.append(
                        CellRange(
                            first: first,
                            last: CellAddress(row: row + cellSpan.rows - 1, column: column + cellSpan.columns - 1)))
                }
            }
        }
    }
}
