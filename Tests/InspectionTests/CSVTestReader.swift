/// A deliberately small CSV reader for the tests: the generator writes no quotes, so a field is whatever lies
/// between commas. It rejects what the generator must never produce: quotes, CR, empty fields, ragged rows, a
/// missing final newline.
struct CSVTestTable {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    let header: [String]
    let rows: [[String]]

    init(_ bytes: [UInt8]) throws {
        var records: [[String]] = []
        try CSVTestReader.forEachRecord(in: bytes) { fields in
            records.append(fields.map { String(decoding: $0, as: UTF8.self) })
        }
        guard let first = records.first else { throw Malformed(description: "no header") }
        header = first
        rows = Array(records.dropFirst())
    }

    /// The values of one column, by name.
    func column(_ name: String) throws -> [String] {
        guard let index = header.firstIndex(of: name) else { throw Malformed(description: "no column \(name)") }
        return rows.map { $0[index] }
    }
}

enum CSVTestReader {
    /// Calls `body` with each record's fields (header included), checking every record has as many fields as
    /// the header. Field slices are only valid during the call.
    static func forEachRecord(
        in bytes: [UInt8], _ body: ([UnsafeBufferPointer<UInt8>]) throws -> Void
    ) throws {
        guard bytes.last == UInt8(ascii: "\n") else { throw CSVTestTable.Malformed(description: "no final newline") }
        try bytes.withUnsafeBufferPointer { all in
            var fields: [UnsafeBufferPointer<UInt8>] = []
            var expected: Int?
            var fieldStart = 0
            var line = 1
            let (quote, carriageReturn, comma, newline): (UInt8, UInt8, UInt8, UInt8) = (34, 13, 44, 10)
            for index in 0..<all.count {
                let byte = all[index]
                guard byte != quote && byte != carriageReturn else {
                    throw CSVTestTable.Malformed(description: "quote or CR on line \(line)")
                }
                guard byte == comma || byte == newline else { continue }
                guard index > fieldStart else {
                    throw CSVTestTable.Malformed(description: "empty field on line \(line)")
                }
                fields.append(UnsafeBufferPointer(rebasing: all[fieldStart..<index]))
                fieldStart = index + 1
                if byte == newline {
                    if expected == nil { expected = fields.count }
                    guard fields.count == expected else {
                        throw CSVTestTable.Malformed(
                            description: "line \(line) has \(fields.count) fields, not \(expected!)")
                    }
                    try body(fields)
                    fields.removeAll(keepingCapacity: true)
                    line += 1
                }
            }
        }
    }

    /// A non-negative decimal integer, or nil.
    static func integer(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !field.isEmpty, field.count < 19 else { return nil }
        var value = 0
        for byte in field {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
