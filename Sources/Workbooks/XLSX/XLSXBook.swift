/// An Office Open XML workbook (`.xlsx`) opened for reading: its sheet list, shared strings and which
/// cell styles show dates; each sheet's XML is read when asked for.
struct XLSXBook {
    private var archive: WorkbookArchive
    /// Sheet names and the archive entries holding them, in workbook order.
    let sheets: [(name: String, part: String)]
    private let uses1904: Bool
    private var sharedStrings: [String] = []
    /// Per cell style (`s`): whether its number format shows a date.
    private var dateStyles: [Bool] = []

    init(path: String) throws(WorkbookError) {
        archive = try WorkbookArchive(path: path)
        var rootRels: [String: Relationship] = [:]
        if let bytes = try archive.read("_rels/.rels") {
            rootRels = try Self.relationships(bytes, base: "", path: path)
        }
        let workbookPart =
            rootRels.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbookXML = try archive.read(workbookPart) else {
            if archive.contains("content.xml") {
                throw WorkbookError(.notAWorkbook, "\(path) is an OpenDocument spreadsheet: use read_ods")
            }
            throw WorkbookError(.notAWorkbook, "\(path) is a ZIP file but not an XLSX workbook (no \(workbookPart))")
        }
        if archive.contains("EncryptedPackage") || archive.contains("EncryptionInfo") {
            throw WorkbookError(.encrypted, "\(path) is encrypted (password-protected)")
        }
        let base = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relsPart =
            (base.isEmpty ? "" : base + "/") + "_rels/"
            + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        var rels: [String: Relationship] = [:]
        if let bytes = try archive.read(relsPart) { rels = try Self.relationships(bytes, base: base, path: path) }

        var sheets: [(String, String)] = []
        var uses1904 = false
        var scanner = XMLScanner(workbookXML)
        do {
            loop: while true {
                switch try scanner.next() {
                case .start(let name, let attributes, _):
                    if scanner.isNamed(name, "workbookPr"), let flag = scanner.attribute("date1904", in: attributes) {
                        let text = try scanner.string(flag)
                        uses1904 = text == "1" || text == "true"
                    } else if scanner.isNamed(name, "sheet") {
                        guard let nameRange = scanner.attribute("name", in: attributes),
                            let id = scanner.attribute("id", in: attributes, anyPrefix: true),
                            let target = rels[try scanner.string(id)]?.target
                        else { continue }
                        sheets.append((try scanner.string(nameRange), target))
                    }
                case .endOfDocument: break loop
                default: continue
                }
            }
        } catch {
            throw WorkbookError(.malformed, "\(path): \(workbookPart): \(error)")
        }
        self.sheets = sheets
        self.uses1904 = uses1904
        if let part = rels.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target,
            let bytes = try archive.read(part)
        {
            sharedStrings = try Self.parseSharedStrings(bytes, path: path)
        }
        if let part = rels.values.first(where: { $0.type.hasSuffix("/styles") })?.target,
            let bytes = try archive.read(part)
        {
            dateStyles = try Self.parseDateStyles(bytes, path: path)
        }
    }

    /// The cells of sheet `index`.
    mutating func grid(_ index: Int) throws(WorkbookError) -> SheetGrid {
        let (name, part) = sheets[index]
        guard let bytes = try archive.read(part) else {
            throw WorkbookError(.malformed, "\(archive.path): the sheet \(name) (\(part)) is missing")
        }
        do {
            return try XLSXSheetReader.read(
                bytes, name: name, strings: sharedStrings, dateStyles: dateStyles, uses1904: uses1904)
        } catch let error as XMLScanner.Malformed {
            throw WorkbookError(.malformed, "\(archive.path): sheet \(name): \(error)")
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(.malformed, "\(archive.path): sheet \(name): \(error)")
        }
    }

    // MARK: - Parts

    private struct Relationship {
        let type: String
        let target: String
    }

    /// A `.rels` part: id → (type, target resolved against `base`). External targets are left out.
    private static func relationships(
        _ bytes: [UInt8], base: String, path: String
    ) throws(WorkbookError) -> [String: Relationship] {
        var scanner = XMLScanner(bytes)
        var found: [String: Relationship] = [:]
        do {
            while true {
                let event = try scanner.next()
                if event == .endOfDocument { break }
                guard case .start(let name, let attributes, _) = event, scanner.isNamed(name, "Relationship"),
                    let id = scanner.attribute("Id", in: attributes),
                    let target = scanner.attribute("Target", in: attributes)
                else { continue }
                if let mode = scanner.attribute("TargetMode", in: attributes), try scanner.string(mode) == "External" {
                    continue
                }
                let type = try scanner.attribute("Type", in: attributes).map { try scanner.string($0) } ?? ""
                found[try scanner.string(id)] = Relationship(
                    type: type, target: try WorkbookArchive.resolve(try scanner.string(target), against: base))
            }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(.malformed, "\(path): relationships: \(error)")
        }
        return found
    }

    /// `<si>` items: plain `<t>` or rich-text runs `<r><t>…</t></r>` joined; phonetic runs (`<rPh>`) left out.
    static func parseSharedStrings(_ bytes: [UInt8], path: String) throws(WorkbookError) -> [String] {
        var scanner = XMLScanner(bytes)
        var strings: [String] = []
        var current: [UInt8] = []
        var inItem = false
        var inText = false
        var phonetic = 0
        do {
            while true {
                switch try scanner.next() {
                case .start(let name, _, let selfClosing):
                    if scanner.isNamed(name, "si") {
                        if selfClosing {
                            strings.append("")
                        } else {
                            inItem = true; current.removeAll(keepingCapacity: true)
                        }
                    } else if scanner.isNamed(name, "rPh") && !selfClosing {
                        phonetic += 1
                    } else if scanner.isNamed(name, "t") && !selfClosing {
                        inText = true
                    }
                case .end(let name):
                    if scanner.isNamed(name, "si") {
                        strings.append(String(decoding: current, as: UTF8.self))
                        inItem = false
                    } else if scanner.isNamed(name, "rPh") {
                        phonetic -= 1
                    } else if scanner.isNamed(name, "t") {
                        inText = false
                    }
                case .text(let range):
                    if inItem && inText && phonetic == 0 { try scanner.appendDecoded(range, to: &current) }
                case .cdata(let range):
                    if inItem && inText && phonetic == 0 { current.append(contentsOf: bytes[range]) }
                case .endOfDocument:
                    return strings
                }
            }
        } catch {
            throw WorkbookError(.malformed, "\(path): shared strings: \(error)")
        }
    }

    /// For each cell format in `<cellXfs>`: whether its number format is a date.
    static func parseDateStyles(_ bytes: [UInt8], path: String) throws(WorkbookError) -> [Bool] {
        var scanner = XMLScanner(bytes)
        var customDate: [Int: Bool] = [:]
        var styles: [Bool] = []
        var inCellFormats = false
        do {
            while true {
                switch try scanner.next() {
                case .start(let name, let attributes, let selfClosing):
                    if scanner.isNamed(name, "numFmt"), let id = scanner.attribute("numFmtId", in: attributes),
                        let code = scanner.attribute("formatCode", in: attributes),
                        let number = Int(try scanner.string(id))
                    {
                        customDate[number] = SerialDates.isDateFormat(try scanner.string(code))
                    } else if scanner.isNamed(name, "cellXfs") && !selfClosing {
                        inCellFormats = true
                    } else if inCellFormats && scanner.isNamed(name, "xf") {
                        let id =
                            try scanner.attribute("numFmtId", in: attributes).flatMap { Int(try scanner.string($0)) }
                            ?? 0
                        styles.append(customDate[id] ?? SerialDates.isBuiltInDateFormat(id))
                    }
                case .end(let name):
                    if scanner.isNamed(name, "cellXfs") { inCellFormats = false }
                case .endOfDocument:
                    return styles
                default:
                    continue
                }
            }
        } catch {
            throw WorkbookError(.malformed, "\(path): styles: \(error)")
        }
    }
}
