import FileOutput
import Columnar

/// `json`: one array of row objects, one object a line (`[{…},\n{…}]`); `jsonl`: one object a line.
///
/// Numbers are JSON numbers, NULL is `null`, booleans are `true`/`false`, dates ISO strings. Strings
/// escape `"`, `\` and every control character. Every row is written: `maxRows` does not apply to data
/// formats.
///
/// NaN and ±infinity become `null`: DuckDB writes the bare tokens `NaN`, `Infinity`, `-Infinity`, which
/// strict JSON parsers (JavaScript's `JSON.parse`, jq, yotq's own reader) reject; output that every
/// consumer can read is worth more here than keeping the value. Repeated column names become unique keys
/// as in DuckDB (`a`, `a_1`, ...): a JSON object with duplicate keys keeps one value in most parsers.
struct JSONRenderer {
    let options: RenderOptions
    let linesOnly: Bool

    func write(_ table: Table, to sink: some TextSink) throws {
        let out = OutputBuffer()
        // Keys as `"name":` bytes, escaped once.
        let keys: [[UInt8]] = ColumnNames.deduplicated(table.schema.names).map { name in
            let key = OutputBuffer(chunkSize: 0)
            JSONRenderer.appendString(name, key)
            key.append(byte: UInt8(ascii: ":"))
            return key.bytes
        }
        let rules = DataFormatRules(
            null: Array("null".utf8), dateQuote: [0x22], nonFiniteAsNull: true, text: JSONRenderer.appendString
        )
        let encoders = table.columns.map { rules.encoder(for: $0) }
        if !linesOnly { out.append(byte: UInt8(ascii: "[")) }
        for row in 0..<table.rowCount {
            if !linesOnly && row > 0 { out.append(",\n") }
            out.append(byte: UInt8(ascii: "{"))
            for index in encoders.indices {
                if index > 0 { out.append(byte: UInt8(ascii: ",")) }
                keys[index].withUnsafeBufferPointer { out.append($0) }
                encoders[index](row, out)
            }
            out.append(byte: UInt8(ascii: "}"))
            if linesOnly { out.append(byte: 10) }
            try out.flushIfFull(to: sink)
        }
        if !linesOnly { out.append("]\n") }
        try out.flush(to: sink)
    }

    /// `text` as a quoted JSON string.
    static func appendString(_ text: String, _ out: OutputBuffer) {
        var text = text
        text.withUTF8 { utf8 in
            out.append(byte: 0x22)
            defer { out.append(byte: 0x22) }
            guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return out.append(utf8) }
            for byte in utf8 {
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
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 87 + nibble }
}
