public import Columnar

/// Reads a CSV/TSV file into a `Table`: RFC 4180 syntax (see `CSVScanner`), parallel parsing (see
/// `CSVBodyParser`), types sniffed over every value of the file (see `ValueClasses`).
///
/// Header rule when `CSVOptions.header` is nil: the first record is a header when every value in it is
/// non-empty text (not a boolean, number, percent or date) and either some column below it sniffs to a
/// non-VARCHAR type or its values are distinct. Otherwise it is data and columns are named `column0`, ….
///
/// Empty fields: an unquoted empty field is NULL; a quoted empty field `""` is the empty string in a
/// VARCHAR column and NULL in a typed column.
public enum CSVReader {
    /// The widest file read (Excel's limit): past it the read fails at once, naming the count, rather than
    /// reserving per-column state for a record that is mostly delimiters.
    public static let maximumColumns = 16_384

    public static func read(path: String, options: CSVOptions = CSVOptions()) throws(IngestError) -> Table {
        try read(path: path, options: options, tuning: CSVTuning())
    }

    package static func read(path: String, options: CSVOptions, tuning: CSVTuning) throws(IngestError) -> Table {
        let file = try MappedFile(path: path)
        let bytes = file.bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let dataStart = hasByteOrderMark ? 3 : 0
        guard dataStart < file.count else { throw IngestError(path: path, message: "empty file") }
        try rejectCarriageReturnLineEnds(file, from: dataStart)
        let delimiter =
            options.delimiter
            ?? (path.lowercased().hasSuffix(".tsv")
                ? UInt8(ascii: "\t") : CSVDialect.sniffDelimiter(base: file.base, start: dataStart, end: file.count))

        let first = try firstRecord(of: file, from: dataStart, delimiter: delimiter)
        let width = first.fields.count
        guard width <= maximumColumns else {
            throw IngestError(
                path: path, line: first.line, column: 1,
                message: "the first record has \(width) columns; yotq reads at most \(maximumColumns)")
        }
        let firstValues = first.fields.map { String(decoding: $0.bytes, as: UTF8.self) }
        let firstIsText = first.fields.allSatisfy { field in
            !field.bytes.isEmpty
                && field.bytes.withUnsafeBytes { ValueClasses.of($0.baseAddress!, $0.count) } == .text
        }
        var header = options.header ?? firstIsText
        let parser = CSVBodyParser(file: file, delimiter: delimiter, tuning: tuning, progress: options.progress)
        let forced = Set(options.types.keys.map { $0.lowercased() })
        func parseBody(header: Bool) throws(IngestError) -> (columns: [ColumnAccumulator], rowCount: Int) {
            let names = header ? CSVDialect.columnNames(firstValues) : CSVDialect.generatedNames(width)
            let allowDirect = names.map { !forced.contains($0.lowercased()) }
            let start = header ? first.end : first.start
            var body = try parser.parse(
                from: start, modes: Array(repeating: .intern, count: width), allowDirect: allowDirect)
            // A column read as converted values that turned out to hold text is read again, as text.
            let reread = body.columns.indices.filter {
                body.columns[$0].mode == .direct
                    && (body.columns[$0].needsTextReread || body.columns[$0].classes.resolvedType.type == .varchar)
            }
            if !reread.isEmpty {
                file.forgetReleases()
                let modes: [ColumnMode] = (0..<width).map { reread.contains($0) ? .intern : .skip }
                let again: (columns: [ColumnAccumulator], rowCount: Int)
                do {
                    again = try parser.parse(
                        from: start, modes: modes, allowDirect: Array(repeating: false, count: width))
                } catch {
                    for column in body.columns { column.release() }
                    throw error
                }
                for index in 0..<width {
                    if reread.contains(index) {
                        body.columns[index].release()
                        body.columns[index] = again.columns[index]
                    } else {
                        again.columns[index].release()
                    }
                }
            }
            return body
        }
        var body = try parseBody(header: header)
        if options.header == nil && header {
            let anyTyped = body.columns.contains { $0.classes.resolvedType.type != .varchar }
            let distinct = Set(firstValues.map(BinaryString.init)).count == firstValues.count
            if !anyTyped && !distinct {
                header = false
                for column in body.columns { column.release() }
                file.forgetReleases()
                body = try parseBody(header: false)
            }
        }
        var released = 0
        defer { for column in body.columns[released...] { column.release() } }

        let names = header ? CSVDialect.columnNames(firstValues) : CSVDialect.generatedNames(width)
        let types = try resolveTypes(names: names, columns: body.columns, forced: options.types, path: path)
        var columns: [Column] = []
        for index in 0..<width {
            switch ColumnMaterializer.column(from: &body.columns[index], type: types[index], rowCount: body.rowCount) {
            case .success(let column):
                columns.append(column)
                // Free this column's raw data now: the peak then holds one column twice, not the whole table.
                body.columns[index].release()
                body.columns[index].codes = []
                released += 1
            case .failure(let failure):
                throw conversionError(
                    failure, column: index, name: names[index], type: types[index], file: file,
                    bodyStart: header ? first.end : first.start, delimiter: delimiter, width: width)
            }
        }
        let schema = Schema(zip(names, types).map { Field(name: $0, type: $1) })
        return Table(schema: schema, columns: columns, rowCount: body.rowCount)
    }

    /// Classic Mac files end lines with a bare `\r`; read as RFC 4180 they would become one huge record, so
    /// they are refused (not silently misread) when the first 64 KiB hold a `\r` and no `\n`.
    private static func rejectCarriageReturnLineEnds(_ file: MappedFile, from start: Int) throws(IngestError) {
        let sample = UnsafeBufferPointer(rebasing: file.bytes[start..<min(file.count, start + (1 << 16))])
        guard !sample.contains(UInt8(ascii: "\n")), let cr = sample.firstIndex(of: UInt8(ascii: "\r")),
            cr < sample.count - 1
        else { return }
        throw CSVErrors.located(
            file: file, offset: start + cr, recordStart: nil,
            message: "lines end with a bare carriage return (\\r); convert the file to \\n or \\r\\n line ends")
    }

    /// The first non-blank record, which fixes the table's width (and may be the header).
    private static func firstRecord(
        of file: MappedFile, from dataStart: Int, delimiter: UInt8
    ) throws(IngestError) -> (fields: [(bytes: [UInt8], quoted: Bool)], start: Int, end: Int, line: Int) {
        var scanner = CSVScanner(base: file.base, end: file.count, delimiter: delimiter)
        defer { scanner.release() }
        var position = dataStart
        while true {
            let start = position
            var sink = CollectingSink()
            switch scanner.scanRecord(at: &position, expectedFields: nil, into: &sink) {
            case .record:
                if let problem = TextProblem.first(in: file.base + start, count: position - start) {
                    throw CSVErrors.located(
                        file: file, offset: start + problem.offset, recordStart: nil, message: problem.message)
                }
                return (sink.fields, start, position, lineNumber(of: start, in: file))
            case .blankLine: continue
            case .endOfFile: throw IngestError(path: file.path, message: "empty file (no records)")
            case .failure(let error):
                throw CSVErrors.located(
                    file: file, offset: error.offset, recordStart: error.recordStart, message: error.message)
            }
        }
    }

    /// The 1-based line at a byte offset (counting `\n`).
    private static func lineNumber(of offset: Int, in file: MappedFile) -> Int {
        var line = 1
        for index in 0..<offset where file.base[index] == UInt8(ascii: "\n") { line += 1 }
        return line
    }

    /// Sniffed types, overridden by `forced` (names matched case-insensitively; an unknown name is an error).
    private static func resolveTypes(
        names: [String], columns: [ColumnAccumulator], forced: [String: DataType], path: String
    ) throws(IngestError) -> [DataType] {
        var types = columns.map { $0.classes.resolvedType.type }
        for (name, type) in forced {
            let matches = names.indices.filter { names[$0].lowercased() == name.lowercased() }
            guard !matches.isEmpty else {
                throw IngestError(
                    path: path, message: "types: no column named '\(name)' (columns: \(names.joined(separator: ", ")))")
            }
            for index in matches { types[index] = type }
        }
        return types
    }

    /// Locates the first value that does not convert to a forced type by re-walking the records.
    private static func conversionError(
        _ failure: ColumnMaterializer.Failure, column: Int, name: String, type: DataType, file: MappedFile,
        bodyStart: Int, delimiter: UInt8, width: Int
    ) -> IngestError {
        let message = "cannot convert '\(failure.value)' to \(type) in column '\(name)'"
        var scanner = CSVScanner(base: file.base, end: file.count, delimiter: delimiter)
        defer { scanner.release() }
        var position = bodyStart
        var row = 0
        while true {
            let recordStart = position
            var sink = FieldPositionSink(target: column)
            switch scanner.scanRecord(at: &position, expectedFields: width, into: &sink) {
            case .record:
                if row == failure.row {
                    var offset = recordStart
                    if let pointer = sink.pointer, pointer >= UnsafeRawPointer(file.base),
                        pointer <= UnsafeRawPointer(file.base + file.count)
                    {
                        offset = pointer - UnsafeRawPointer(file.base) - (sink.quoted ? 1 : 0)
                    }
                    return CSVErrors.located(file: file, offset: offset, recordStart: nil, message: message)
                }
                row += 1
            case .blankLine: continue
            case .endOfFile, .failure: return IngestError(path: file.path, message: message)
            }
        }
    }
}

/// Remembers where one field of a record starts.
private struct FieldPositionSink: CSVRecordSink {
    let target: Int
    var pointer: UnsafeRawPointer?
    var quoted = false

    mutating func field(_ index: Int, _ pointer: UnsafeRawPointer, _ length: Int, quoted: Bool) {
        if index == target {
            self.pointer = pointer
            self.quoted = quoted
        }
    }
}
