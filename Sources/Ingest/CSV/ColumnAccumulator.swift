import Columnar

/// One column of the whole table while chunks are parsed, in one of two representations:
/// `.intern`: a file-wide dictionary of raw values plus the code of every row;
/// `.direct`: the converted value of every row (high-cardinality numbers and dates).
/// Either way it tracks the classes of every value (the sniffed type).
struct ColumnAccumulator {
    private(set) var mode: ColumnMode
    var dictionary = ByteInterner(expectedCount: 16)
    /// A Swift array so a VARCHAR column can take it over without a copy.
    var codes: [UInt32] = []
    var classes: ValueClasses = []
    var nullCount = 0
    /// `.direct` mode: Int64 values, or Double bit patterns when `storesDoubles`.
    var payload: [Int64] = []
    var storesDoubles = false
    var nullRows: [Int] = []
    /// `.direct` mode saw a value that is not a number, date or boolean: re-read the column as `.intern`.
    var needsTextReread = false
    /// `.direct` mode: the first row whose value did not convert (see `DirectValues.firstFailure`).
    var directFailure: ColumnMaterializer.Failure?
    private(set) var rowCount = 0

    init(mode: ColumnMode) { self.mode = mode }

    mutating func reserve(rows: Int) {
        switch mode {
        case .intern: codes.reserveCapacity(rows)
        case .direct: payload.reserveCapacity(rows)
        case .skip: break
        }
    }

    /// Whether switching this interned column to `.direct` would save memory: mostly distinct values of
    /// one number/date/boolean type.
    var prefersDirect: Bool {
        mode == .intern && rowCount >= 4096 && dictionary.count * 2 > rowCount
            && classes.resolvedType.type != .varchar && !classes.contains(.emptyString)
    }

    /// Converts the rows so far from codes to values, and drops the dictionary.
    mutating func switchToDirect() {
        precondition(mode == .intern)
        var converter = DirectValues()
        converter.storesDoubles = classes.contains(.decimal) || classes.contains(.percent)
        var ignored = ValueClasses()
        for entry in 0..<dictionary.count {
            let bytes = dictionary.bytes(of: UInt32(entry))
            converter.append(bytes.baseAddress!, bytes.count, classes: &ignored)
        }
        let values = converter.payload
        storesDoubles = converter.storesDoubles
        if let failure = converter.firstFailure, let row = codes.firstIndex(of: UInt32(failure.row)) {
            directFailure = ColumnMaterializer.Failure(row: row, value: failure.value)
        }
        payload = codes.map { $0 == nullCode ? 0 : values[Int($0)] }
        nullRows = codes.indices.filter { codes[$0] == nullCode }
        converter.release()
        codes = []
        dictionary.release()
        dictionary = ByteInterner(expectedCount: 1)
        mode = .direct
    }

    /// Appends a chunk's rows. Re-codes the chunk's buffers in place, so a chunk is appended once.
    ///
    /// - Complexity: O(chunk distinct values + chunk rows).
    mutating func append(_ chunk: ChunkColumn) {
        classes.formUnion(chunk.classes)
        let rows: Int
        switch mode {
        case .intern:
            rows = chunk.codes.count
            appendInterned(chunk)
        case .direct:
            rows = chunk.direct.count
            appendDirect(chunk.direct)
        case .skip:
            rows = 0
        }
        rowCount += rows
    }

    private mutating func appendInterned(_ chunk: ChunkColumn) {
        let local = chunk.dictionary
        let remap = UnsafeMutablePointer<UInt32>.allocate(capacity: local.count + 1)
        defer { remap.deallocate() }
        for entry in 0..<local.count {
            let bytes = local.bytes(of: UInt32(entry))
            remap[entry] = dictionary.intern(bytes.baseAddress!, bytes.count, hash: local.hash(of: UInt32(entry))).code
        }
        nullCount += chunk.nullCount
        let rows = chunk.codes.count
        let chunkCodes = chunk.codes.base
        for row in 0..<rows {
            let code = chunkCodes[row]
            chunkCodes[row] = code == nullCode ? nullCode : remap[Int(code)]
        }
        codes.append(contentsOf: UnsafeBufferPointer(start: chunkCodes, count: rows))
    }

    private mutating func appendDirect(_ chunk: DirectValues) {
        if chunk.sawText { needsTextReread = true }
        if needsTextReread { return }
        if directFailure == nil, let failure = chunk.firstFailure {
            directFailure = ColumnMaterializer.Failure(row: rowCount + failure.row, value: failure.value)
        }
        if chunk.storesDoubles && !storesDoubles {
            for row in payload.indices { payload[row] = Int64(bitPattern: Double(payload[row]).bitPattern) }
            storesDoubles = true
        }
        for i in 0..<chunk.nullRows.count { nullRows.append(rowCount + chunk.nullRows[i]) }
        nullCount += chunk.nullRows.count
        if storesDoubles && !chunk.storesDoubles {
            payload.append(contentsOf: chunk.payload.buffer.lazy.map { Int64(bitPattern: Double($0).bitPattern) })
        } else {
            payload.append(contentsOf: chunk.payload.buffer)
        }
    }

    func release() { dictionary.release() }
}
