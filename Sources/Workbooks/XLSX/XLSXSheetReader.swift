import Columnar

/// One worksheet part (`xl/worksheets/sheetN.xml`) into a grid: `<row>`s of `<c>` cells and `<mergeCell>`s.
enum XLSXSheetReader {
    static func read(
        _ bytes: [UInt8], name: String, strings: [String], dateStyles: [Bool], uses1904: Bool
    ) throws -> SheetGrid {
        var grid = SheetGrid(name: name, strings: strings)
        var scanner = XMLScanner(bytes)
        var row = -1
        var column = -1
        // The cell being read.
        var cellType: UInt8 = 0  // first byte of t=: n(umber, default) s(hared) b(oolean) e(rror) i(nline) d(ate) S(tr)
        var cellStyle = 0
        var inValue = false
        var inInlineText = false
        var phonetic = 0
        var valueBytes: [UInt8] = []
        var inlineBytes: [UInt8] = []
        var hasValue = false
        var hasInline = false

        func finishCell() throws {
            let address = CellAddress(row: row, column: column)
            guard row < CellAddress.maximumRows, column < CellAddress.maximumColumns else {
                throw WorkbookError(.malformed, "sheet \(name): a cell lies outside the sheet's limits")
            }
            if cellType == UInt8(ascii: "i") {
                if hasInline { grid.appendText(String(decoding: inlineBytes, as: UTF8.self), at: address) }
                return
            }
            guard hasValue else { return }
            switch cellType {
            case UInt8(ascii: "s"):
                let index = valueBytes.withUnsafeBufferPointer { SerialDates.parseNumber($0) }.map { Int($0) } ?? -1
                guard index >= 0, index < strings.count else {
                    throw WorkbookError(
                        .malformed, "sheet \(name): cell \(address) names a shared string that is not there")
                }
                if !strings[index].isEmpty { grid.append(SheetCell(kind: .text, text: Int32(index)), at: address) }
            case UInt8(ascii: "S"):
                grid.appendText(try scanner.decode(valueBytes), at: address)
            case UInt8(ascii: "b"):
                let on = valueBytes.first == UInt8(ascii: "1") || valueBytes.starts(with: Array("true".utf8))
                grid.append(SheetCell(kind: .boolean, number: on ? 1 : 0), at: address)
            case UInt8(ascii: "e"):
                grid.appendText(String(decoding: valueBytes, as: UTF8.self), at: address, error: true)
            case UInt8(ascii: "d"):
                // An ISO 8601 date (rare: Strict files and some writers).
                let text = String(decoding: valueBytes.prefix(10), as: UTF8.self)
                if let date = ISODate.days(text) {
                    grid.append(SheetCell(kind: .date, number: Double(date)), at: address)
                } else {
                    grid.appendText(String(decoding: valueBytes, as: UTF8.self), at: address, error: true)
                }
            default:
                guard let number = valueBytes.withUnsafeBufferPointer({ SerialDates.parseNumber($0) }) else {
                    throw WorkbookError(
                        .malformed,
                        "sheet \(name): cell \(address) holds \"\(String(decoding: valueBytes.prefix(40), as: UTF8.self))\", not a number"
                    )
                }
                if cellStyle < dateStyles.count && dateStyles[cellStyle] {
                    if let days = SerialDates.days(fromSerial: number, uses1904: uses1904) {
                        grid.append(SheetCell(kind: .date, number: Double(days)), at: address)
                    } else {
                        grid.appendText(
                            "date serial \(Value.text(number)) is no calendar day", at: address, error: true)
                    }
                } else {
                    grid.append(SheetCell(kind: .number, number: number), at: address)
                }
            }
        }

        while true {
            switch try scanner.next() {
            case .start(let tag, let attributes, let selfClosing):
                if scanner.isNamed(tag, "c") {
                    // r= (position), t= (type), s= (style) in one pass over the attributes.
                    var address: CellAddress?
                    cellType = 0
                    cellStyle = 0
                    scanner.forEachAttribute(in: attributes) { attributeName, value in
                        guard attributeName.count == 1 else { return }
                        switch bytes[attributeName.lowerBound] {
                        case UInt8(ascii: "r"): address = CellAddress(utf8: bytes[value])
                        case UInt8(ascii: "t"):
                            if let first = bytes[value].first {
                                // "str" (a formula's text) is told from "s" (shared) by its length.
                                cellType = (first == UInt8(ascii: "s") && value.count == 3) ? UInt8(ascii: "S") : first
                            }
                        case UInt8(ascii: "s"):
                            var number = 0
                            for i in value { number = number * 10 + Int(bytes[i] &- 48) }
                            cellStyle = number
                        default: break
                        }
                    }
                    if let address {
                        column = address.column
                        row = address.row
                    } else {
                        column += 1
                    }
                    hasValue = false
                    hasInline = false
                    valueBytes.removeAll(keepingCapacity: true)
                    inlineBytes.removeAll(keepingCapacity: true)
                    if selfClosing { try finishCell() }
                } else if scanner.isNamed(tag, "v") {
                    if !selfClosing { inValue = true }
                    hasValue = true
                } else if scanner.isNamed(tag, "row") {
                    if let r = scanner.attribute("r", in: attributes) {
                        var value = 0
                        for i in r { value = value * 10 + Int(bytes[i] &- 48) }
                        row = value - 1
                    } else {
                        row += 1
                    }
                    column = -1
                } else if scanner.isNamed(tag, "t") && cellType == UInt8(ascii: "i") && phonetic == 0 {
                    if !selfClosing { inInlineText = true }
                    hasInline = true
                } else if scanner.isNamed(tag, "rPh") && !selfClosing {
                    phonetic += 1
                } else if scanner.isNamed(tag, "mergeCell"), let ref = scanner.attribute("ref", in: attributes),
                    let range = CellRange(String(decoding: bytes[ref], as: UTF8.self))
                {
                    grid.merges.append(range)
                }
            case .end(let tag):
                if scanner.isNamed(tag, "v") {
                    inValue = false
                } else if scanner.isNamed(tag, "c") {
                    try finishCell()
                } else if scanner.isNamed(tag, "t") {
                    inInlineText = false
                } else if scanner.isNamed(tag, "rPh") {
                    phonetic -= 1
                }
            case .text(let range):
                if inValue {
                    valueBytes.append(contentsOf: bytes[range])
                } else if inInlineText {
                    try scanner.appendDecoded(range, to: &inlineBytes)
                }
            case .cdata(let range):
                if inValue { valueBytes.append(contentsOf: bytes[range]) }
                if inInlineText { inlineBytes.append(contentsOf: bytes[range]) }
            case .endOfDocument:
                return grid
            }
        }
    }
}

extension XMLScanner {
    /// Raw bytes (entities undecoded) as text.
    func decode(_ raw: [UInt8]) throws(Malformed) -> String {
        let inner = XMLScanner(raw)
        return try inner.string(0..<raw.count)
    }
}

/// `YYYY-MM-DD` as days since 1970-01-01.
enum ISODate {
    static func days(_ text: String) -> Int32? {
        Date32(iso: text.prefix(10))?.daysSinceEpoch
    }
}

extension Value {
    /// A number as a workbook would show it: integral values without a decimal point.
    static func text(_ number: Double) -> String {
        if number.rounded() == number && abs(number) < 1e15 { return String(Int64(number)) }
        return Value.format(number)
    }
}
