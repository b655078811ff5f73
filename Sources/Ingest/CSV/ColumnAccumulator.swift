/// One column of the whole table while chunks are parsed: a file-wide dictionary of raw values, the codes
/// of every row so far, and the classes of every distinct value (the sniffed type).
struct ColumnAccumulator {
    var dictionary = ByteInterner(expectedCount: 256)
    var codes: GrowableBuffer<UInt32>
    var classes: ValueClasses = []
    var nullCount = 0

    init(expectedRows: Int) { codes = GrowableBuffer(capacity: expectedRows) }

    /// Appends a chunk's rows, re-coding its dictionary into the file-wide one.
    ///
    /// - Complexity: O(chunk distinct values + chunk rows).
    mutating func append(_ chunk: ChunkColumn) {
        let local = chunk.dictionary
        let remap = UnsafeMutablePointer<UInt32>.allocate(capacity: local.count + 1)
        defer { remap.deallocate() }
        for entry in 0..<local.count {
            let bytes = local.bytes(of: UInt32(entry))
            remap[entry] = dictionary.intern(bytes.baseAddress ?? UnsafeRawPointer(remap), bytes.count,
                                             hash: local.hash(of: UInt32(entry))).code
        }
        classes.formUnion(chunk.classes)
        nullCount += chunk.nullCount
        let rows = chunk.codes.count
        let destination = codes.tail(reserving: rows)
        let source = chunk.codes.base
        for row in 0..<rows {
            let code = source[row]
            destination[row] = code == nullCode ? nullCode : remap[Int(code)]
        }
        codes.commit(rows)
    }

    func release() {
        dictionary.release()
        codes.release()
    }
}
