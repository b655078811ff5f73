import Columnar

/// CSV (RFC 4180) and TSV: a header row, then one line per row, `\n` line ends.
///
/// NULL is `nullText` (empty by default); a field is quoted with `"` (inner quotes doubled) when it
/// contains the delimiter, a quote, CR or LF, when it is an empty string (so it differs from NULL) or
/// when it equals a non-empty `nullText`. TSV follows the same rules with a tab delimiter, so tabs and
/// newlines inside values survive a round trip through a CSV reader set to tab. Every row is written:
/// `maxRows` does not apply to data formats.
struct DelimitedRenderer {
    let options: RenderOptions
    let delimiter: UInt8

    func write(_ table: Table, to sink: some TextSink) throws {
        var out = OutputBuffer()
        let nullBytes = Array(options.nullText.utf8)
        if options.showHeaders && table.columnCount > 0 {
            for (index, field) in table.schema.fields.enumerated() {
                if index > 0 { out.append(byte: delimiter) }
                appendText(field.name, nullBytes: nullBytes, &out)
            }
            out.append(byte: 10)
        }
        let columns = table.columns
        for row in 0..<table.rowCount {
            for index in columns.indices {
                if index > 0 { out.append(byte: delimiter) }
                let column = columns[index]
                if column.isNull(row) {
                    out.bytes.append(contentsOf: nullBytes)
                    continue
                }
                switch column.storage {
                case .bigint(let values): out.append(values[row])
                case .double(let values): out.append(Value.format(values[row]))
                case .boolean(let values): out.append(values[row] ? "true" : "false")
                case .date(let values): out.append(Date32(daysSinceEpoch: values[row]).description)
                case .varchar(let codes, let dictionary): appendText(dictionary[codes[row]], nullBytes: nullBytes, &out)
                }
            }
            out.append(byte: 10)
            try out.flushIfFull(to: sink)
        }
        try out.flush(to: sink)
    }

    private func appendText(_ text: String, nullBytes: [UInt8], _ out: inout OutputBuffer) {
        let utf8 = text.utf8
        var quote = utf8.isEmpty || (!nullBytes.isEmpty && utf8.elementsEqual(nullBytes))
        if !quote {
            for byte in utf8 where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                quote = true
                break
            }
        }
        guard quote else {
            out.append(text)
            return
        }
        out.append(byte: 0x22)
        for byte in utf8 {
            if byte == 0x22 { out.append(byte: 0x22) }
            out.append(byte: byte)
        }
        out.append(byte: 0x22)
    }
}
