import Columnar

/// SpreadsheetML (ECMA-376 transitional) for a list of sheets: the XML of every part, written straight
/// into byte buffers (no DOM): shared strings for text, serial numbers with a `yyyy-mm-dd` format for dates,
/// `t="b"` booleans, a bold frozen header row with an auto-filter, column widths from the contents, and
/// band tints as solid fills.
enum XLSXWriter {
    static func entries(_ sheets: [WorkbookSheet]) -> [(name: String, bytes: [UInt8], compressed: Bool)] {
        var styles = StyleTable()
        var strings = SharedStrings()
        var sheetParts: [[UInt8]] = []
        for sheet in sheets {
            sheetParts.append(worksheet(sheet, styles: &styles, strings: &strings))
        }
        var entries: [(String, [UInt8], Bool)] = [
            ("[Content_Types].xml", contentTypes(sheets.count), true),
            ("_rels/.rels", Array(rootRels.utf8), true),
            ("docProps/app.xml", Array(app.utf8), true),
            ("xl/workbook.xml", workbook(sheets), true),
            ("xl/_rels/workbook.xml.rels", workbookRels(sheets.count), true),
            ("xl/styles.xml", styles.xml(), true),
            ("xl/sharedStrings.xml", strings.xml(), true),
        ]
        for (index, part) in sheetParts.enumerated() {
            entries.append(("xl/worksheets/sheet\(index + 1).xml", part, true))
        }
        return entries
    }

    // MARK: - Sheets

    static func worksheet(_ sheet: WorkbookSheet, styles: inout StyleTable, strings: inout SharedStrings) -> [UInt8] {
        let table = sheet.table
        let columnCount = max(table.columnCount, 1)
        let letters = (0..<columnCount).map { Array(CellAddress.columnName($0).utf8) }
        var out = XMLBytes(capacity: 64 + table.rowCount * table.columnCount * 24)
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        )
        let leadRows = (sheet.title == nil ? 0 : 1) + sheet.notes.count
        let headerRow = leadRows + 1  // 1-based; the header's row when there is one
        let firstDataRow = sheet.header ? headerRow + 1 : headerRow
        let lastRow = firstDataRow + table.rowCount - 1
        out.raw("<dimension ref=\"A1:")
        out.bytes += letters[columnCount - 1]
        out.integer(max(lastRow, 1))
        out.raw("\"/><sheetViews><sheetView workbookViewId=\"0\"")
        if sheet.header {
            out.raw("><pane ySplit=\"")
            out.integer(headerRow)
            out.raw("\" topLeftCell=\"A")
            out.integer(headerRow + 1)
            out.raw("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A")
            out.integer(headerRow + 1)
            out.raw("\" sqref=\"A")
            out.integer(headerRow + 1)
            out.raw("\"/></sheetView>")
        } else {
            out.raw("/>")
        }
        out.raw("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>")
        for (index, width) in ColumnWidths.widths(sheet).enumerated() {
            out.raw("<col min=\"")
            out.integer(index + 1)
            out.raw("\" max=\"")
            out.integer(index + 1)
            out.raw("\" width=\"")
            out.raw(Value.format((width * 100).rounded() / 100))
            out.raw("\" customWidth=\"1\"/>")
        }
        out.raw("</cols><sheetData>")

        var row = 0
        func textRow(_ text: String, style: Int) {
            row += 1
            out.raw("<row r=\"")
            out.integer(row)
            out.raw("\"><c r=\"A")
            out.integer(row)
            out.raw("\" s=\"")
            out.integer(style)
            out.raw("\" t=\"s\"><v>")
            out.integer(strings.index(text))
            out.raw("</v></c></row>")
        }
        if let title = sheet.title { textRow(title, style: styles.index(StyleKey(font: .title))) }
        for note in sheet.notes { textRow(note, style: styles.index(StyleKey(font: .note))) }
        if sheet.header {
            row += 1
            let bold = styles.index(StyleKey(font: .bold))
            out.raw("<row r=\"")
            out.integer(row)
            out.raw("\">")
            for (index, field) in table.schema.fields.enumerated() {
                out.raw("<c r=\"")
                out.bytes += letters[index]
                out.integer(row)
                out.raw("\" s=\"")
                out.integer(bold)
                out.raw("\" t=\"s\"><v>")
                out.integer(strings.index(field.name))
                out.raw("</v></c>")
            }
            out.raw("</row>")
        }
        // Per column: its style for plain cells, and its looks' styles, resolved once.
        let dateStyle = styles.index(StyleKey(numberFormat: StyleTable.dateFormat))
        let numberStyles = sheet.decimals.map { decimals in
            decimals.map { styles.index(StyleKey(numberFormat: StyleTable.decimalFormat($0))) } ?? 0
        }
        var lookStyles: [[CellLook: Int]] = Array(repeating: [:], count: table.columnCount)
        for r in 0..<table.rowCount {
            row += 1
            out.raw("<row r=\"")
            out.integer(row)
            out.raw("\">")
            for (index, column) in table.columns.enumerated() where !column.isNull(r) {
                out.raw("<c r=\"")
                out.bytes += letters[index]
                out.integer(row)
                out.bytes.append(UInt8(ascii: "\""))
                switch column.storage {
                case .bigint(let values):
                    if numberStyles[index] != 0 {
                        out.raw(" s=\"")
                        out.integer(numberStyles[index])
                        out.bytes.append(UInt8(ascii: "\""))
                    }
                    out.raw("><v>")
                    out.raw(String(values[r]))
                    out.raw("</v></c>")
                case .double(let values):
                    let v = values[r]
                    guard v.isFinite else {
                        out.raw(" t=\"e\"><v>#NUM!</v></c>")
                        continue
                    }
                    if numberStyles[index] != 0 {
                        out.raw(" s=\"")
                        out.integer(numberStyles[index])
                        out.bytes.append(UInt8(ascii: "\""))
                    }
                    out.raw("><v>")
                    out.raw(Value.format(v))
                    out.raw("</v></c>")
                case .boolean(let values):
                    out.raw(values[r] ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>")
                case .date(let values):
                    // Before 1900-03-01 the serial numbers of Excel and of the calendar disagree, and before
                    // 1900 there are none: such dates are written as ISO text.
                    if values[r] < -25_508 {
                        out.raw(" t=\"s\"><v>")
                        out.integer(strings.index(Date32(daysSinceEpoch: values[r]).description))
                        out.raw("</v></c>")
                        continue
                    }
                    out.raw(" s=\"")
                    out.integer(dateStyle)
                    out.raw("\"><v>")
                    out.integer(Int(SerialDates.serial(fromDays: values[r])))
                    out.raw("</v></c>")
                case .varchar(let codes, let dictionary):
                    let text = dictionary[codes[r]]
                    if let lookOf = sheet.textLooks[index], let look = lookOf(text) {
                        let style: Int
                        if let known = lookStyles[index][look] {
                            style = known
                        } else {
                            style = styles.index(StyleKey(look: look))
                            lookStyles[index][look] = style
                        }
                        out.raw(" s=\"")
                        out.integer(style)
                        out.bytes.append(UInt8(ascii: "\""))
                    }
                    out.raw(" t=\"s\"><v>")
                    out.integer(strings.index(text))
                    out.raw("</v></c>")
                }
            }
            out.raw("</row>")
        }
        out.raw("</sheetData>")
        if sheet.header && table.columnCount > 0 {
            out.raw("<autoFilter ref=\"A")
            out.integer(headerRow)
            out.raw(":")
            out.bytes += letters[table.columnCount - 1]
            out.integer(max(lastRow, headerRow))
            out.raw("\"/>")
        }
        out.raw(
            "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
        )
        return out.bytes
    }

    // MARK: - Package parts

    static func contentTypes(_ sheetCount: Int) -> [UInt8] {
        var out = XMLBytes()
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        )
        for index in 1...max(sheetCount, 1) where sheetCount > 0 {
            out.raw("<Override PartName=\"/xl/worksheets/sheet")
            out.integer(index)
            out.raw(
                ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
        }
        out.raw("</Types>")
        return out.bytes
    }

    static let rootRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"

    static let app =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>yotq</Application></Properties>"

    static func workbook(_ sheets: [WorkbookSheet]) -> [UInt8] {
        var out = XMLBytes()
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><bookViews><workbookView/></bookViews><sheets>"
        )
        for (index, sheet) in sheets.enumerated() {
            out.raw("<sheet name=\"")
            out.escaped(sheet.name)
            out.raw("\" sheetId=\"")
            out.integer(index + 1)
            out.raw("\" r:id=\"rId")
            out.integer(index + 1)
            out.raw("\"/>")
        }
        out.raw("</sheets>")
        // The auto-filters' hidden names, as Excel writes them.
        let filtered = sheets.enumerated().filter { $0.element.header && $0.element.table.columnCount > 0 }
        if !filtered.isEmpty {
            out.raw("<definedNames>")
            for (index, sheet) in filtered {
                let headerRow = (sheet.title == nil ? 1 : 2) + sheet.notes.count
                let lastRow = max(headerRow + sheet.table.rowCount, headerRow)
                out.raw("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"")
                out.integer(index)
                out.raw("\" hidden=\"1\">")
                out.escaped(
                    "'" + sheet.name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
                        + "'")
                out.raw("!$A$")
                out.integer(headerRow)
                out.raw(":$")
                out.raw(CellAddress.columnName(sheet.table.columnCount - 1))
                out.raw("$")
                out.integer(lastRow)
                out.raw("</definedName>")
            }
            out.raw("</definedNames>")
        }
        out.raw("</workbook>")
        return out.bytes
    }

    static func workbookRels(_ sheetCount: Int) -> [UInt8] {
        var out = XMLBytes()
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        )
        for index in 0..<sheetCount {
            out.raw("<Relationship Id=\"rId")
            out.integer(index + 1)
            out.raw(
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet"
            )
            out.integer(index + 1)
            out.raw(".xml\"/>")
        }
        out.raw("<Relationship Id=\"rId")
        out.integer(sheetCount + 1)
        out.raw(
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId"
        )
        out.integer(sheetCount + 2)
        out.raw(
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
        )
        return out.bytes
    }
}

/// The shared-string table: each distinct text once.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var list: [String] = []
    private var references = 0

    mutating func index(_ text: String) -> Int {
        references += 1
        if let known = indexes[text] { return known }
        indexes[text] = list.count
        list.append(text)
        return list.count - 1
    }

    func xml() -> [UInt8] {
        var out = XMLBytes(capacity: list.count * 16 + 256)
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
        )
        out.integer(references)
        out.raw("\" uniqueCount=\"")
        out.integer(list.count)
        out.raw("\">")
        for text in list {
            // Leading or trailing spaces and line breaks survive only with xml:space="preserve".
            if text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n") {
                out.raw("<si><t xml:space=\"preserve\">")
            } else {
                out.raw("<si><t>")
            }
            out.escaped(text)
            out.raw("</t></si>")
        }
        out.raw("</sst>")
        return out.bytes
    }
}

/// What a cell format combines; each distinct combination is one `<xf>`.
struct StyleKey: Hashable {
    enum Font: Int { case plain = 0, bold, title, note }
    var font = Font.plain
    var numberFormat = 0
    var look: CellLook?
}

/// The cell formats a workbook uses, numbered in the order first asked for (0 is the default).
struct StyleTable {
    static let dateFormat = 164
    /// Custom number formats from 165 on: `0.0`, `0.00`, … by decimals.
    static func decimalFormat(_ decimals: Int) -> Int { decimals == 0 ? 1 : 165 + min(decimals, 10) - 1 }

    private var keys: [StyleKey] = [StyleKey()]
    private var indexes: [StyleKey: Int] = [StyleKey(): 0]

    mutating func index(_ key: StyleKey) -> Int {
        if let known = indexes[key] { return known }
        keys.append(key)
        indexes[key] = keys.count - 1
        return keys.count - 1
    }

    func xml() -> [UInt8] {
        var out = XMLBytes()
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"11\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
        )
        for decimals in 1...10 {
            out.raw("<numFmt numFmtId=\"")
            out.integer(165 + decimals - 1)
            out.raw("\" formatCode=\"0.")
            out.raw(String(repeating: "0", count: decimals))
            out.raw("\"/>")
        }
        out.raw(
            "</numFmts><fonts count=\"4\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font><font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font><font><i/><sz val=\"11\"/><color rgb=\"FF595959\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        )
        let looks = Array(Set(keys.compactMap(\.look))).sorted {
            ($0.fill, $0.swatch ?? "") < ($1.fill, $1.swatch ?? "")
        }
        let fills = Array(Set(looks.map(\.fill))).sorted()
        let swatches = Array(Set(looks.compactMap(\.swatch))).sorted()
        out.raw("<fills count=\"")
        out.integer(2 + fills.count)
        out.raw(
            "\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
        for fill in fills {
            out.raw("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF")
            out.raw(Self.hex(fill))
            out.raw("\"/><bgColor indexed=\"64\"/></patternFill></fill>")
        }
        out.raw("</fills><borders count=\"")
        out.integer(1 + swatches.count)
        out.raw("\"><border><left/><right/><top/><bottom/><diagonal/></border>")
        for swatch in swatches {
            out.raw("<border><left style=\"thick\"><color rgb=\"FF")
            out.raw(Self.hex(swatch))
            out.raw("\"/></left><right/><top/><bottom/><diagonal/></border>")
        }
        out.raw(
            "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\""
        )
        out.integer(keys.count)
        out.raw("\">")
        for key in keys {
            let fill = key.look.flatMap { look in fills.firstIndex(of: look.fill).map { $0 + 2 } } ?? 0
            let border = key.look?.swatch.flatMap { swatches.firstIndex(of: $0).map { $0 + 1 } } ?? 0
            out.raw("<xf numFmtId=\"")
            out.integer(key.numberFormat)
            out.raw("\" fontId=\"")
            out.integer(key.font.rawValue)
            out.raw("\" fillId=\"")
            out.integer(fill)
            out.raw("\" borderId=\"")
            out.integer(border)
            out.raw("\" xfId=\"0\"")
            if key.numberFormat != 0 { out.raw(" applyNumberFormat=\"1\"") }
            if key.font != .plain { out.raw(" applyFont=\"1\"") }
            if fill != 0 { out.raw(" applyFill=\"1\"") }
            if border != 0 { out.raw(" applyBorder=\"1\"") }
            out.raw("/>")
        }
        out.raw(
            "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
        )
        return out.bytes
    }

    /// `#c7e0ee` → `C7E0EE`.
    static func hex(_ colour: String) -> String {
        String(colour.drop { $0 == "#" }.prefix(6)).uppercased()
    }
}
