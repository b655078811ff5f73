import FileOutput
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
        let out = OutputBuffer()
        let nullBytes = Array(options.nullText.utf8)
        let delimiter = self.delimiter
        let text: (String, OutputBuffer) -> Void = { value, out in
            DelimitedRenderer.appendField(value, delimiter: delimiter, nullBytes: nullBytes, out)
        }
        if options.showHeaders && table.columnCount > 0 {
            for (index, field) in table.schema.fields.enumerated() {
                if index > 0 { out.append(byte: delimiter) }
                text(field.name, out)
            }
            out.append(byte: 10)
        }
        let rules = DataFormatRules(null: nullBytes, text: text)
        let encoders = table.columns.map { rules.encoder(for: $0) }
        guard let first = encoders.first else { return try out.flush(to: sink) }
        let rest = encoders.dropFirst()
        for row in 0..<table.rowCount {
            first(row, out)
            for encoder in rest {
                out.append(byte: delimiter)
                encoder(row, out)
            }
            out.append(byte: 10)
            try out.flushIfFull(to: sink)
        }
        try out.flush(to: sink)
    }

    static func appendField(_ text: String, delimiter: UInt8, nullBytes: [UInt8], _ out: OutputBuffer) {
        var text = text
        text.withUTF8 { utf8 in
            var quote = utf8.isEmpty || (!nullBytes.isEmpty && utf8.elementsEqual(nullBytes))
            if !quote {
                for byte in utf8 where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                    quote = true
                    break
                }
            }
            guard quote else { return out.append(utf8) }
            out.append(byte: 0x22)
            for byte in utf8 {
                if byte == 0x22 { out.append(byte: 0x22) }
                out.append(byte: byte)
            }
            out.append(byte: 0x22)
        }
    }
}
