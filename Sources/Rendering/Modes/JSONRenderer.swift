import Columnar

/// `json`: one array of row objects, one object a line (`[{…},\n{…}]`); `jsonl`: one object a line.
///
/// Numbers are JSON numbers (NaN and ±infinity, which JSON lacks, become `null`), NULL is `null`,
/// booleans are `true`/`false`, dates ISO strings. Strings escape `"`, `\` and every control character.
/// Every row is written: `maxRows` does not apply to data formats.
struct JSONRenderer {
    let options: RenderOptions
    let linesOnly: Bool

    func write(_ table: Table, to sink: some TextSink) throws {
        var out = OutputBuffer()
        // Keys as `"name":` bytes, escaped once.
        let keys: [[UInt8]] = table.schema.fields.map { field in
            var key = OutputBuffer(chunkSize: 0)
            JSONRenderer.appendString(field.name, &key)
            key.append(byte: UInt8(ascii: ":"))
            return key.bytes
        }
        let columns = table.columns
        if !linesOnly { out.append(byte: UInt8(ascii: "[")) }
        for row in 0..<table.rowCount {
            if !linesOnly && row > 0 { out.append(",\n") }
            out.append(byte: UInt8(ascii: "{"))
            for index in columns.indices {
                if index > 0 { out.append(byte: UInt8(ascii: ",")) }
                out.bytes.append(contentsOf: keys[index])
                let column = columns[index]
                if column.isNull(row) {
                    out.append("null")
                    continue
                }
                switch column.storage {
                case .bigint(let values): out.append(values[row])
                case .double(let values):
                    let value = values[row]
                    out.append(value.isFinite ? Value.format(value) : "null")
                case .boolean(let values): out.append(values[row] ? "true" : "false")
                case .date(let values): out.append("\"" + Date32(daysSinceEpoch: values[row]).description + "\"")
                case .varchar(let codes, let dictionary): JSONRenderer.appendString(dictionary[codes[row]], &out)
                }
            }
            out.append(byte: UInt8(ascii: "}"))
            if linesOnly { out.append(byte: 10) }
            try out.flushIfFull(to: sink)
        }
        if !linesOnly { out.append("]\n") }
        try out.flush(to: sink)
    }

    /// `text` as a quoted JSON string.
    static func appendString(_ text: String, _ out: inout OutputBuffer) {
        out.append(byte: 0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x08: out.append("\\b")
            case 0x0C: out.append("\\f")
            case 0x00..<0x20:
                out.append("\\u00")
                out.append(byte: hexDigit(byte >> 4))
                out.append(byte: hexDigit(byte & 0xF))
            default: out.append(byte: byte)
            }
        }
        out.append(byte: 0x22)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 87 + nibble }
}
