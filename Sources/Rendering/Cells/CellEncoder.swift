import Columnar

/// How a data format (CSV, TSV, JSON) spells each kind of value.
struct DataFormatRules {
    /// Bytes for NULL.
    var null: [UInt8]
    /// Bytes before and after a date (`"` in JSON, where dates are strings).
    var dateQuote: [UInt8] = []
    /// Write NaN and ±infinity as `null` (JSON has no such numbers) instead of `nan`/`inf`.
    var nonFiniteAsNull = false
    /// Appends a string value, quoted and escaped as the format needs.
    var text: (String, OutputBuffer) -> Void
}

/// Appends the cell at a row of one column to an `OutputBuffer`.
///
/// Built once per column, so the row loop of a big export does no type dispatch, boxing or reference
/// counting; strings of a dictionary no larger than the column are escaped once per distinct value.
typealias CellEncoder = (_ row: Int, _ out: OutputBuffer) -> Void

extension DataFormatRules {
    func encoder(for column: Column) -> CellEncoder {
        let valueEncoder = valueEncoder(for: column)
        guard let validity = column.validity else { return valueEncoder }
        let null = self.null
        return { row, out in
            if validity.isValid(row) {
                valueEncoder(row, out)
            } else {
                null.withUnsafeBufferPointer { out.append($0) }
            }
        }
    }

    private func valueEncoder(for column: Column) -> CellEncoder {
        switch column.storage {
        case .bigint(let values):
            return { row, out in out.append(values[row]) }
        case .double(let values):
            let null = self.null
            if nonFiniteAsNull {
                return { row, out in
                    let value = values[row]
                    if value.isFinite { out.append(value) } else { null.withUnsafeBufferPointer { out.append($0) } }
                }
            }
            return { row, out in out.append(values[row]) }
        case .boolean(let values):
            return { row, out in out.append(values[row] ? "true" : "false") }
        case .date(let values):
            let quote = dateQuote
            return { row, out in
                quote.withUnsafeBufferPointer { out.append($0) }
                out.append(Date32(daysSinceEpoch: values[row]).description)
                quote.withUnsafeBufferPointer { out.append($0) }
            }
        case .varchar(let codes, let dictionary):
            let text = self.text
            guard dictionary.count <= column.count else {
                // A shared dictionary much bigger than this column: escape per row instead.
                return { row, out in text(dictionary[codes[row]], out) }
            }
            let encoded = EncodedStrings(dictionary, text)
            return { row, out in encoded.append(codes[row], to: out) }
        }
    }
}

/// Every string of a dictionary already encoded, back to back, with offsets.
private struct EncodedStrings {
    let bytes: [UInt8]
    /// `offsets[code]..<offsets[code + 1]` are the bytes of `code`.
    let offsets: [Int]

    init(_ dictionary: StringDictionary, _ encode: (String, OutputBuffer) -> Void) {
        let scratch = OutputBuffer(chunkSize: 1 << 20)
        var offsets = [0]
        offsets.reserveCapacity(dictionary.count + 1)
        for string in dictionary.strings {
            encode(string, scratch)
            offsets.append(scratch.count)
        }
        bytes = scratch.bytes
        self.offsets = offsets
    }

    @inline(__always)
    func append(_ code: UInt32, to out: OutputBuffer) {
        let start = offsets[Int(code)]
        let end = offsets[Int(code) + 1]
        bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}
