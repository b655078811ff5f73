/// Receives the fields of one CSV record as the scanner finds them.
protocol CSVRecordSink {
    /// `length == 0 && !quoted` is an unquoted empty field (NULL). `pointer` is only valid during the call.
    mutating func field(_ index: Int, _ pointer: UnsafeRawPointer, _ length: Int, quoted: Bool)
}

/// A sink that ignores fields (to skip or count records).
struct DiscardingSink: CSVRecordSink {
    @inline(__always)
    mutating func field(_ index: Int, _ pointer: UnsafeRawPointer, _ length: Int, quoted: Bool) {}
}

/// A structural problem found while scanning, located by byte offset into the file.
struct CSVSyntaxError: Error, Sendable {
    /// Where the problem is (the offending field, quote or end of line).
    var offset: Int
    /// Where the record holding it starts.
    var recordStart: Int
    var message: String
}

/// What one call to `scanRecord` found.
enum CSVRecordOutcome {
    case record(fieldCount: Int)
    /// An empty line, skipped (only when a record has more than one field).
    case blankLine
    case endOfFile
    case failure(CSVSyntaxError)
}

/// RFC 4180 record scanner over a mapped file: the single definition of CSV syntax in this module.
///
/// Syntax: a field starting with `"` is quoted and runs to the next `"` not doubled (`""` is a literal
/// quote); it may hold delimiters and newlines, and must be followed by a delimiter, a line end or the end
/// of the file. Any other field runs to the next delimiter or `\n`; a `"` inside it is a literal character.
/// A record ends at `\n` or `\r\n`. An empty line is skipped, except in one-column data where it is a NULL.
/// A bare `\r` outside quotes is an error naming its line and column: kept as data, it silently merged two
/// rows of a file with mixed line ends (DuckDB refuses such files too).
struct CSVScanner {
    let base: UnsafePointer<UInt8>
    /// Offset just past the last byte of the file.
    let end: Int
    let delimiter: UInt8
    /// Unescaped text of quoted fields holding doubled quotes.
    private var scratch = GrowableBuffer<UInt8>(capacity: 256)

    init(base: UnsafePointer<UInt8>, end: Int, delimiter: UInt8) {
        self.base = base
        self.end = end
        self.delimiter = delimiter
    }

    func release() { scratch.release() }

    private enum Terminator { case delimiter, lineEnd, endOfFile }

    private struct Field {
        var pointer: UnsafeRawPointer
        var length: Int
        var quoted: Bool
        var terminator: Terminator
        /// Offset of the delimiter / line end that closed the field (or `end`).
        var terminatorOffset: Int
        /// Offset where the next field or record starts.
        var next: Int
    }

    @inline(__always)
    private func isLineEnd(_ offset: Int) -> Int? {
        let b = base[offset]
        if b == UInt8(ascii: "\n") { return 1 }
        if b == UInt8(ascii: "\r") {
            if offset + 1 == end { return 1 }
            if base[offset + 1] == UInt8(ascii: "\n") { return 2 }
        }
        return nil
    }

    /// The offset of the first delimiter, `\n` or `\r` at or after `start`, or `end`.
    @inline(__always)
    private func unquotedFieldEnd(from start: Int) -> Int {
        var offset = start
        let delimiter = self.delimiter
        // Eight bytes at a time: the lowest byte equal to the delimiter, `\n` or `\r` ends the field.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let delimiterWord = UInt64(delimiter) &* ones
        let newlineWord = UInt64(UInt8(ascii: "\n")) &* ones
        let returnWord = UInt64(UInt8(ascii: "\r")) &* ones
        while offset + 8 <= end {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            let a = word ^ delimiterWord
            let b = word ^ newlineWord
            let c = word ^ returnWord
            let hits = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
            if hits != 0 { return offset + hits.trailingZeroBitCount >> 3 }
            offset += 8
        }
        while offset < end {
            let b = base[offset]
            if b == delimiter || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
            offset += 1
        }
        return offset
    }

    @inline(__always)
    private mutating func scanField(at start: Int, recordStart: Int) -> Result<Field, CSVSyntaxError> {
        let quote = UInt8(ascii: "\"")
        if start < end && base[start] == quote {
            return scanQuotedField(at: start, recordStart: recordStart)
        }
        let offset = unquotedFieldEnd(from: start)
        let length = offset - start
        let terminator: Terminator
        let next: Int
        if offset == end {
            terminator = .endOfFile
            next = end
        } else if base[offset] == delimiter {
            terminator = .delimiter
            next = offset + 1
        } else if let width = isLineEnd(offset) {
            terminator = .lineEnd
            next = offset + width
        } else {
            return .failure(bareCarriageReturn(at: offset, recordStart: recordStart))
        }
        return .success(
            Field(
                pointer: UnsafeRawPointer(base + start), length: length, quoted: false, terminator: terminator,
                terminatorOffset: offset, next: next))
    }

    private mutating func scanQuotedField(at start: Int, recordStart: Int) -> Result<Field, CSVSyntaxError> {
        let quote = UInt8(ascii: "\"")
        var contentStart = start + 1
        var escaped = false
        scratch.removeAll()
        while true {
            var q = contentStart
            while q < end && base[q] != quote { q += 1 }
            guard q < end else {
                return .failure(
                    CSVSyntaxError(offset: start, recordStart: recordStart, message: "unterminated quoted field"))
            }
            if q + 1 < end && base[q + 1] == quote {
                // A doubled quote: keep one, continue inside the field.
                scratch.append(base + contentStart, count: q + 1 - contentStart)
                escaped = true
                contentStart = q + 2
                continue
            }
            let pointer: UnsafeRawPointer
            let length: Int
            if escaped {
                scratch.append(base + contentStart, count: q - contentStart)
                pointer = UnsafeRawPointer(scratch.base)
                length = scratch.count
            } else {
                pointer = UnsafeRawPointer(base + contentStart)
                length = q - contentStart
            }
            let after = q + 1
            if after == end {
                return .success(
                    Field(
                        pointer: pointer, length: length, quoted: true, terminator: .endOfFile,
                        terminatorOffset: end, next: end))
            }
            if base[after] == delimiter {
                return .success(
                    Field(
                        pointer: pointer, length: length, quoted: true, terminator: .delimiter,
                        terminatorOffset: after, next: after + 1))
            }
            if let width = isLineEnd(after) {
                return .success(
                    Field(
                        pointer: pointer, length: length, quoted: true, terminator: .lineEnd,
                        terminatorOffset: after, next: after + width))
            }
            return .failure(
                CSVSyntaxError(
                    offset: after, recordStart: recordStart,
                    message:
                        "unexpected character after a closing quote (a quote inside a quoted field must be doubled)"))
        }
    }

    /// Scans the record starting at `position` and moves `position` past it.
    ///
    /// - Parameter expectedFields: the table's width; a record of another width is an error. Nil accepts any.
    @inline(__always)
    mutating func scanRecord<Sink: CSVRecordSink>(
        at position: inout Int, expectedFields: Int?, into sink: inout Sink
    ) -> CSVRecordOutcome {
        let recordStart = position
        guard position < end else { return .endOfFile }
        if let width = isLineEnd(position) {
            position += width
            if expectedFields == 1 {
                sink.field(0, UnsafeRawPointer(base + recordStart), 0, quoted: false)
                return .record(fieldCount: 1)
            }
            return .blankLine
        }
        var index = 0
        var offset = position
        let limit = expectedFields ?? Int.max
        while true {
            let fieldStart = offset
            if offset < end && base[offset] == UInt8(ascii: "\"") {
                let field: Field
                switch scanQuotedField(at: offset, recordStart: recordStart) {
                case .success(let f): field = f
                case .failure(let error): return .failure(error)
                }
                guard index < limit else {
                    return .failure(tooManyFields(fieldStart: fieldStart, recordStart: recordStart, expected: limit))
                }
                sink.field(index, field.pointer, field.length, quoted: true)
                index += 1
                offset = field.next
                if field.terminator == .delimiter { continue }
                if index < (expectedFields ?? 0) {
                    return .failure(
                        tooFewFields(
                            at: field.terminatorOffset, recordStart: recordStart, found: index, expected: limit))
                }
                position = offset
                return .record(fieldCount: index)
            }
            // Unquoted field (the hot path), inlined.
            offset = unquotedFieldEnd(from: offset)
            guard index < limit else {
                return .failure(tooManyFields(fieldStart: fieldStart, recordStart: recordStart, expected: limit))
            }
            if offset < end && base[offset] == delimiter {
                sink.field(index, UnsafeRawPointer(base + fieldStart), offset - fieldStart, quoted: false)
                index += 1
                offset += 1
                continue
            }
            // The field ends the record: at `\n`, `\r\n`, a `\r` ending the file, or the end of the file.
            var next = end
            if offset < end {
                guard let width = isLineEnd(offset) else {
                    return .failure(bareCarriageReturn(at: offset, recordStart: recordStart))
                }
                next = offset + width
            }
            sink.field(index, UnsafeRawPointer(base + fieldStart), offset - fieldStart, quoted: false)
            index += 1
            if index < (expectedFields ?? 0) {
                return .failure(tooFewFields(at: offset, recordStart: recordStart, found: index, expected: limit))
            }
            position = next
            return .record(fieldCount: index)
        }
    }

    private func bareCarriageReturn(at offset: Int, recordStart: Int) -> CSVSyntaxError {
        CSVSyntaxError(
            offset: offset, recordStart: recordStart,
            message: "a carriage return (\\r) not followed by \\n inside a line; line ends must be \\n or \\r\\n")
    }

    private func tooFewFields(at offset: Int, recordStart: Int, found: Int, expected: Int) -> CSVSyntaxError {
        CSVSyntaxError(offset: offset, recordStart: recordStart, message: "expected \(expected) fields, found \(found)")
    }

    /// Counts the fields of an overlong record so the error can say how many it has.
    private mutating func tooManyFields(fieldStart: Int, recordStart: Int, expected: Int) -> CSVSyntaxError {
        var count = expected
        var offset = fieldStart
        while true {
            guard case .success(let field) = scanField(at: offset, recordStart: recordStart) else { break }
            count += 1
            guard field.terminator == .delimiter else { break }
            offset = field.next
        }
        return CSVSyntaxError(
            offset: fieldStart, recordStart: recordStart, message: "expected \(expected) fields, found \(count)")
    }
}
