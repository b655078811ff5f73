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
        base: UnsafePointer<UInt8>, fileEnd: Int, delimiter: UInt8, modes: [ColumnMode], start: Int, nominalEnd: Int
    ) -> CSVChunk {
        let width = modes.count
        let expectedRows = max(16, (nominalEnd - start) / (width * 4 + 2))
        var sink = ChunkSink(columns: .allocate(capacity: width), width: width)
        let initial = modes.map { ChunkColumn(mode: $0, expectedRows: expectedRows) }
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
        sink.columns.deinitialize(count: width)
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
