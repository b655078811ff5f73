public import Columnar

/// Reads JSON Lines (one object per line) or a top-level array of objects into a `Table`.
///
/// Columns are the union of keys in first-seen order; a missing key is NULL. Types: all booleans →
/// BOOLEAN, all integers → BIGINT, integers and decimals → DOUBLE, all strings that are ISO dates → DATE,
/// anything else → VARCHAR, where numbers keep their written text, booleans read `true`/`false` and
/// nested objects and arrays keep their JSON source text.
///
/// Records whose keys add up to more than `maximumColumns` distinct names (a key per record, say) are not
/// spread over thousands of sparse columns: the table is then one VARCHAR column, `json`, holding each
/// record's JSON source text (as DuckDB's `read_json` falls back to a JSON/MAP type past its threshold),
/// so memory stays proportional to the file.
public enum JSONReader {
    /// The most distinct keys read as columns; past it the records are read as one `json` text column.
    public static let maximumColumns = 1_000
    /// The name of the single column of records read as text.
    public static let textColumnName = "json"

    public static func read(path: String) throws(IngestError) -> Table {
        let file = try MappedFile(path: path)
        let bytes = file.bytes
        if let problem = TextProblem.first(in: file.base, count: file.count) {
            throw CSVErrors.located(file: file, offset: problem.offset, recordStart: nil, message: problem.message)
        }
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var parser = JSONParser(bytes: bytes, offset: hasByteOrderMark ? 3 : 0)
        var builder = JSONTableBuilder()
        guard let first = parser.peek() else { throw IngestError(path: path, message: "empty file") }
        do throws(JSONSyntaxError) {
            if first == UInt8(ascii: "[") {
                parser.offset += 1
                if parser.peek() == UInt8(ascii: "]") {
                    parser.offset += 1
                } else {
                    elements: while true {
                        _ = parser.peek()
                        let start = parser.offset
                        let record = try parser.parseRecord()
                        builder.append(record, source: start..<parser.offset)
                        switch parser.peek() {
                        case UInt8(ascii: ","): parser.offset += 1
                        case UInt8(ascii: "]"):
                            parser.offset += 1
                            break elements
                        default:
                            throw parser.fail(
                                parser.atEnd ? "unexpected end of file in the array" : "expected ',' or ']'")
                        }
                    }
                }
                if parser.peek() != nil { throw parser.fail("unexpected text after the top-level array") }
            } else {
                while parser.peek() != nil {
                    let start = parser.offset
                    let record = try parser.parseRecord()
                    builder.append(record, source: start..<parser.offset)
                }
            }
        } catch {
            throw CSVErrors.located(file: file, offset: error.offset, recordStart: nil, message: error.message)
        }
        return builder.build(bytes: bytes)
    }
}

/// Collects records column by column (sparsely: only the rows that have the key) and sniffs each
/// column's type; past `JSONReader.maximumColumns` distinct keys it keeps only each record's source range.
struct JSONTableBuilder {
    private var names: [String] = []
    private var index: [BinaryString: Int] = [:]
    /// Per column, the rows that have the key and their values, in row order.
    private var columns: [[(row: Int, value: JSONValue)]] = []
    /// Each record's byte range in the file (for the text fallback).
    private var sources: [Range<Int>] = []
    private(set) var readsAsText = false
    private var rowCount = 0

    mutating func append(_ record: [(key: String, value: JSONValue)], source: Range<Int>) {
        sources.append(source)
        defer { rowCount += 1 }
        guard !readsAsText else { return }
        for (key, value) in record {
            let column: Int
            if let known = index[BinaryString(key)] {
                column = known
            } else {
                guard names.count < JSONReader.maximumColumns else {
                    readsAsText = true
                    names = []
                    index = [:]
                    columns = []
                    return
                }
                column = names.count
                index[BinaryString(key)] = column
                names.append(key)
                columns.append([])
            }
            columns[column].append((rowCount, value))
        }
    }

    func build(bytes: UnsafeBufferPointer<UInt8>) -> Table {
        if readsAsText {
            var builder = ColumnBuilder(type: .varchar, capacity: rowCount)
            for source in sources {
                builder.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[source]), as: UTF8.self))
            }
            let column = builder.build()
            return Table(
                schema: Schema([Field(name: JSONReader.textColumnName, type: .varchar)]), columns: [column],
                rowCount: rowCount)
        }
        let built = columns.map { Self.column($0, rowCount: rowCount) }
        let fields = zip(CSVDialect.columnNames(names), built).map { Field(name: $0, type: $1.type) }
        return Table(schema: Schema(fields), columns: built, rowCount: rowCount)
    }

    private static func column(_ values: [(row: Int, value: JSONValue)], rowCount: Int) -> Column {
        var booleans = 0, integers = 0, doubles = 0, strings = 0, dates = 0, nonNull = 0
        for (_, value) in values {
            switch value {
            case .null: continue
            case .boolean: booleans += 1
            case .integer: integers += 1
            case .double: doubles += 1
            case .string(let s):
                strings += 1
                if Date32(iso: s) != nil { dates += 1 }
            case .nested: break
            }
            nonNull += 1
        }
        let type: DataType
        if nonNull == 0 {
            type = .varchar
        } else if booleans == nonNull {
            type = .boolean
        } else if integers == nonNull {
            type = .bigint
        } else if integers + doubles == nonNull {
            type = .double
        } else if dates == nonNull {
            type = .date
        } else {
            type = .varchar
        }
        var builder = ColumnBuilder(type: type, capacity: rowCount)
        var row = 0
        for (present, value) in values {
            while row < present {
                builder.appendNull()
                row += 1
            }
            row += 1
            switch (value, type) {
            case (.null, _): builder.appendNull()
            case (.boolean(let b), .boolean): builder.append(b)
            case (.integer(let v, _), .bigint): builder.append(v)
            case (.integer(let v, _), .double): builder.append(Double(v))
            case (.double(let v, _), .double): builder.append(v)
            case (.string(let s), .date): builder.append(Date32(iso: s)!)
            case (.boolean(let b), _): builder.append(b ? "true" : "false")
            case (.integer(_, let text), _), (.double(_, let text), _): builder.append(text)
            case (.string(let s), _), (.nested(let s), _): builder.append(s)
            }
        }
        while row < rowCount {
            builder.appendNull()
            row += 1
        }
        return builder.build()
    }
}
