import Columnar

/// OpenDocument spreadsheet (ODF 1.2) for a list of sheets: `content.xml` written straight into a buffer,
/// typed cells (`float`, `date`, `boolean`, `string`), a bold header row frozen in `settings.xml` with a
/// filter range, column widths from the contents, band tints as cell backgrounds.
enum ODSWriter {
    static let namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" office:version=\"1.2\""

    static func entries(_ sheets: [WorkbookSheet]) -> [(name: String, bytes: [UInt8], compressed: Bool)] {
        [
            // The media type first and stored, so a reader can tell the package by its first bytes.
            ("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8), false),
            ("META-INF/manifest.xml", Array(manifest.utf8), true),
            (
                "meta.xml",
                Array(
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta \(namespaces)><office:meta><meta:generator>yotq</meta:generator></office:meta></office:document-meta>")
                        .utf8), true
            ),
            (
                "styles.xml",
                Array(
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles \(namespaces)><office:styles/></office:document-styles>")
                        .utf8), true
            ),
            ("settings.xml", settings(sheets), true),
            ("content.xml", content(sheets), true),
        ]
    }

    static let manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"

    /// Each sheet's rows above its data frozen (LibreOffice's view settings: the "vertical" split is the
    /// one between rows).
    static func settings(_ sheets: [WorkbookSheet]) -> [UInt8] {
        var out = XMLBytes()
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-settings \(namespaces)><office:settings><config:config-item-set config:name=\"ooo:view-settings\"><config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry><config:config-item config:name=\"ViewId\" config:type=\"string\">view1</config:config-item><config:config-item-map-named config:name=\"Tables\">"
        )
        for sheet in sheets where sheet.header {
            let frozen = (sheet.title == nil ? 0 : 1) + sheet.notes.count + 1
            out.raw("<config:config-item-map-entry config:name=\"")
            out.escaped(sheet.name)
            out.raw(
                "\"><config:config-item config:name=\"VerticalSplitMode\" config:type=\"short\">2</config:config-item><config:config-item config:name=\"VerticalSplitPosition\" config:type=\"int\">"
            )
            out.integer(frozen)
            out.raw(
                "</config:config-item><config:config-item config:name=\"ActiveSplitRange\" config:type=\"short\">2</config:config-item><config:config-item config:name=\"PositionTop\" config:type=\"int\">0</config:config-item><config:config-item config:name=\"PositionBottom\" config:type=\"int\">"
            )
            out.integer(frozen)
            out.raw("</config:config-item></config:config-item-map-entry>")
        }
        out.raw(
            "</config:config-item-map-named></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>"
        )
        return out.bytes
    }

    static func content(_ sheets: [WorkbookSheet]) -> [UInt8] {
        // Styles first (they are declared before the body): widths per sheet and column, looks per column.
        var looks: [CellLook: String] = [:]
        var decimals = Set<Int>()
        for sheet in sheets {
            for d in sheet.decimals.compactMap({ $0 }) { decimals.insert(d) }
        }
        var body = XMLBytes(capacity: 1 << 20)
        var widthStyles: [String: String] = [:]  // width → style name
        for sheet in sheets {
            let table = sheet.table
            body.raw("<table:table table:name=\"")
            body.escaped(sheet.name)
            body.raw("\">")
            for width in ColumnWidths.widths(sheet) {
                let key = Value.format((width * 0.19 * 100).rounded() / 100) + "cm"
                let name = widthStyles[key] ?? "co\(widthStyles.count + 1)"
                widthStyles[key] = name
                body.raw("<table:table-column table:style-name=\"")
                body.raw(name)
                body.raw("\"/>")
            }
            func textRow(_ text: String, style: StaticString) {
                body.raw("<table:table-row><table:table-cell table:style-name=\"")
                body.raw(style)
                body.raw("\" office:value-type=\"string\">")
                paragraphs(text, into: &body)
                body.raw("</table:table-cell></table:table-row>")
            }
            if let title = sheet.title { textRow(title, style: "ceT") }
            for note in sheet.notes { textRow(note, style: "ceN") }
            if sheet.header {
                body.raw("<table:table-row>")
                for field in table.schema.fields {
                    body.raw("<table:table-cell table:style-name=\"ceH\" office:value-type=\"string\">")
                    paragraphs(field.name, into: &body)
                    body.raw("</table:table-cell>")
                }
                body.raw("</table:table-row>")
            }
            for r in 0..<table.rowCount {
                body.raw("<table:table-row>")
                for (index, column) in table.columns.enumerated() {
                    if column.isNull(r) {
                        body.raw("<table:table-cell/>")
                        continue
                    }
                    switch column.storage {
                    case .bigint(let values):
                        body.raw("<table:table-cell")
                        if let d = sheet.decimals[index] {
                            body.raw(" table:style-name=\"ceN")
                            body.integer(d)
                            body.raw("\"")
                        }
                        body.raw(" office:value-type=\"float\" office:value=\"")
                        body.raw(String(values[r]))
                        body.raw("\"/>")
                    case .double(let values):
                        let v = values[r]
                        guard v.isFinite else {
                            body.raw("<table:table-cell office:value-type=\"string\"><text:p>")
                            body.raw(Value.format(v))
                            body.raw("</text:p></table:table-cell>")
                            continue
                        }
                        body.raw("<table:table-cell")
                        if let d = sheet.decimals[index] {
                            body.raw(" table:style-name=\"ceN")
                            body.integer(d)
                            body.raw("\"")
                        }
                        body.raw(" office:value-type=\"float\" office:value=\"")
                        body.raw(Value.format(v))
                        body.raw("\"/>")
                    case .boolean(let values):
                        body.raw(
                            values[r]
                                ? "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"/>"
                                : "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"false\"/>")
                    case .date(let values):
                        body.raw(
                            "<table:table-cell table:style-name=\"ceD\" office:value-type=\"date\" office:date-value=\""
                        )
                        body.raw(Date32(daysSinceEpoch: values[r]).description)
                        body.raw("\"/>")
                    case .varchar(let codes, let dictionary):
                        let text = dictionary[codes[r]]
                        body.raw("<table:table-cell")
                        if let lookOf = sheet.textLooks[index], let look = lookOf(text) {
                            let name = looks[look] ?? "ceL\(looks.count + 1)"
                            looks[look] = name
                            body.raw(" table:style-name=\"")
                            body.raw(name)
                            body.raw("\"")
                        }
                        body.raw(" office:value-type=\"string\">")
                        paragraphs(text, into: &body)
                        body.raw("</table:table-cell>")
                    }
                }
                body.raw("</table:table-row>")
            }
            body.raw("</table:table>")
        }
        // Filter buttons on each header row.
        let filtered = sheets.filter { $0.header && $0.table.columnCount > 0 }
        if !filtered.isEmpty {
            body.raw("<table:database-ranges>")
            for (index, sheet) in filtered.enumerated() {
                let headerRow = (sheet.title == nil ? 1 : 2) + sheet.notes.count
                let quoted =
                    "'" + sheet.name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
                    + "'"
                body.raw("<table:database-range table:name=\"__Anonymous_Sheet_DB__")
                body.integer(index)
                body.raw("\" table:target-range-address=\"")
                body.escaped(
                    "\(quoted).A\(headerRow):\(quoted).\(CellAddress.columnName(sheet.table.columnCount - 1))\(headerRow + sheet.table.rowCount)"
                )
                body.raw("\" table:display-filter-buttons=\"true\"/>")
            }
            body.raw("</table:database-ranges>")
        }

        var out = XMLBytes(capacity: body.bytes.count + 4096)
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \(namespaces)><office:automatic-styles>"
        )
        out.raw(
            "<number:date-style style:name=\"Ndate\"><number:year number:style=\"long\"/><number:text>-</number:text><number:month number:style=\"long\"/><number:text>-</number:text><number:day number:style=\"long\"/></number:date-style>"
        )
        for d in decimals.sorted() {
            out.raw("<number:number-style style:name=\"Nfix")
            out.integer(d)
            out.raw("\"><number:number number:decimal-places=\"")
            out.integer(d)
            out.raw("\" number:min-decimal-places=\"")
            out.integer(d)
            out.raw("\" number:min-integer-digits=\"1\"/></number:number-style><style:style style:name=\"ceN")
            out.integer(d)
            out.raw("\" style:family=\"table-cell\" style:data-style-name=\"Nfix")
            out.integer(d)
            out.raw("\"/>")
        }
        for (width, name) in widthStyles.sorted(by: { $0.value < $1.value }) {
            out.raw("<style:style style:name=\"")
            out.raw(name)
            out.raw("\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"")
            out.raw(width)
            out.raw("\"/></style:style>")
        }
        out.raw(
            "<style:style style:name=\"ceH\" style:family=\"table-cell\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
        )
        out.raw(
            "<style:style style:name=\"ceT\" style:family=\"table-cell\"><style:text-properties fo:font-weight=\"bold\" fo:font-size=\"14pt\"/></style:style>"
        )
        out.raw(
            "<style:style style:name=\"ceN\" style:family=\"table-cell\"><style:text-properties fo:font-style=\"italic\" fo:color=\"#595959\"/></style:style>"
        )
        out.raw("<style:style style:name=\"ceD\" style:family=\"table-cell\" style:data-style-name=\"Ndate\"/>")
        for (look, name) in looks.sorted(by: { $0.value < $1.value }) {
            out.raw("<style:style style:name=\"")
            out.raw(name)
            out.raw("\" style:family=\"table-cell\"><style:table-cell-properties fo:background-color=\"")
            out.escaped(look.fill.lowercased())
            out.raw("\"")
            if let swatch = look.swatch {
                out.raw(" fo:border-left=\"0.06cm solid ")
                out.escaped(swatch.lowercased())
                out.raw("\"")
            }
            out.raw("/></style:style>")
        }
        out.raw("</office:automatic-styles><office:body><office:spreadsheet>")
        out.bytes += body.bytes
        out.raw("</office:spreadsheet></office:body></office:document-content>")
        return out.bytes
    }

    /// Text as paragraphs (one per line), runs of spaces as `<text:s/>` and tabs as `<text:tab/>`, so
    /// they survive.
    static func paragraphs(_ text: String, into out: inout XMLBytes) {
        // Most cells: no line break, tab, leading or trailing space, or run of spaces.
        var plain = true
        var previousSpace = true  // a leading space counts as a run
        for byte in text.utf8 {
            if byte == 10 || byte == 9 || (byte == 32 && previousSpace) {
                plain = false
                break
            }
            previousSpace = byte == 32
        }
        if plain && !previousSpace || plain && text.isEmpty {
            out.raw("<text:p>")
            out.escaped(text)
            out.raw("</text:p>")
            return
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out.raw("<text:p>")
            var spaces = 0
            var atStart = true
            func flushSpaces() {
                guard spaces > 0 else { return }
                if spaces == 1 && !atStart {
                    out.raw(" ")
                } else {
                    if !atStart { out.raw(" "); spaces -= 1 }
                    out.raw("<text:s text:c=\"")
                    out.integer(spaces)
                    out.raw("\"/>")
                }
                spaces = 0
            }
            var chunk = ""
            for ch in line {
                if ch == " " {
                    if !chunk.isEmpty { out.escaped(chunk); chunk = ""; atStart = false }
                    spaces += 1
                } else if ch == "\t" {
                    if !chunk.isEmpty { out.escaped(chunk); chunk = ""; atStart = false }
                    flushSpaces()
                    out.raw("<text:tab/>")
                    atStart = false
                } else {
                    if spaces > 0 { flushSpaces(); atStart = false }
                    chunk.append(ch)
                }
            }
            if !chunk.isEmpty { out.escaped(chunk) }
            // Trailing spaces: kept as <text:s/> so they are not collapsed.
            if spaces > 0 {
                out.raw("<text:s text:c=\"")
                out.integer(spaces)
                out.raw("\"/>")
            }
            out.raw("</text:p>")
        }
    }
}
