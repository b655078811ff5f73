#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Code stored for a NULL field before a column is materialised.
let nullCode = UInt32.max

/// One column of one chunk: codes into a chunk-local dictionary of raw field bytes.
///
/// New distinct values are classified (type sniffing) and checked for UTF-8 here, on the parsing thread,
/// so a column of millions of distinct values is sniffed in parallel; repeated values cost a comparison
/// with the previous row's value or one hash lookup.
struct ChunkColumn {
    var dictionary = ByteInterner()
    var codes: GrowableBuffer<UInt32>
    var classes: ValueClasses = []
    var hasTextProblem = false
    var nullCount = 0
    private var previousCode = nullCode

    init(expectedRows: Int) { codes = GrowableBuffer(capacity: expectedRows) }

    @inline(__always)
    mutating func append(_ pointer: UnsafeRawPointer, _ length: Int, quoted: Bool) {
        if length == 0 && !quoted {
            codes.append(nullCode)
            nullCount += 1
            return
        }
        if previousCode != nullCode {
            let previous = dictionary.bytes(of: previousCode)
            if previous.count == length && bytesEqual(previous.baseAddress!, pointer, length) {
                codes.append(previousCode)
                return
            }
        }
        let (code, isNew) = dictionary.intern(pointer, length, hash: hashBytes(pointer, length))
        if isNew {
            classes.formUnion(ValueClasses.of(pointer, length))
            if TextProblem.first(in: pointer, count: length) != nil { hasTextProblem = true }
        }
        previousCode = code
        codes.append(code)
    }

    func release() {
        dictionary.release()
        codes.release()
    }
}

/// The rows of one byte range of the file, parsed independently of the other chunks.
struct CSVChunk: @unchecked Sendable {
    /// Offset of the first record; the chunk is only valid if the previous chunk really ended here.
    var start: Int
    /// Offset just past the last record parsed (at or after the nominal end when the last record straddles it).
    var end: Int
    /// Where the chunk was asked to stop starting records.
    var nominalEnd = 0
    var rowCount = 0
    var columns: [ChunkColumn]
    /// The first structural error; the rows before it are parsed.
    var error: CSVSyntaxError?

    var hasTextProblem: Bool { columns.contains { $0.hasTextProblem } }

    func release() { for column in columns { column.release() } }

    /// Parses the records that start in `start ..< nominalEnd`.
    static func parse(
        base: UnsafePointer<UInt8>, fileEnd: Int, delimiter: UInt8, width: Int, start: Int, nominalEnd: Int
    ) -> CSVChunk {
        let expectedRows = max(16, (nominalEnd - start) / (width * 4 + 2))
        var sink = ChunkSink(columns: .allocate(capacity: width), width: width)
        let initial = (0..<width).map { _ in ChunkColumn(expectedRows: expectedRows) }
        _ = UnsafeMutableBufferPointer(start: sink.columns, count: width).initialize(from: initial)
        var scanner = CSVScanner(base: base, end: fileEnd, delimiter: delimiter)
        var position = start
        var rows = 0
        var error: CSVSyntaxError?
        scanning: while position < nominalEnd {
            switch scanner.scanRecord(at: &position, expectedFields: width, into: &sink) {
            case .record: rows += 1
            case .blankLine: continue
            case .endOfFile: break scanning
            case .failure(let failure):
                error = failure
                break scanning
            }
        }
        scanner.release()
        let columns = Array(UnsafeBufferPointer(start: sink.columns, count: width))
        sink.columns.deallocate()
        // After an error, rows may be partly filled; callers throw before using them.
        return CSVChunk(start: start, end: position, rowCount: rows, columns: columns, error: error)
    }
}

private struct ChunkSink: CSVRecordSink {
    let columns: UnsafeMutablePointer<ChunkColumn>
    let width: Int

    @inline(__always)
    mutating func field(_ index: Int, _ pointer: UnsafeRawPointer, _ length: Int, quoted: Bool) {
        columns[index].append(pointer, length, quoted: quoted)
    }
}
