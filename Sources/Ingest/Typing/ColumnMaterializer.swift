import Columnar

/// Turns an accumulated column (raw distinct values + codes) into a typed `Column`.
///
/// Each distinct value is converted once; rows then just look their value up by code, so a 10-million-row
/// column of a few hundred distinct values converts in one pass over its codes.
enum ColumnMaterializer {
    /// A value that does not convert to the requested type, and the first row holding it.
    struct Failure: Error {
        var row: Int
        var value: String
    }

    /// A VARCHAR column takes over `accumulator.codes` (left empty); other types copy out of them.
    static func column(
        from accumulator: inout ColumnAccumulator, type: DataType, rowCount: Int
    ) -> Result<Column, Failure> {
        if accumulator.mode == .direct {
            // A value that failed to convert while parsing fails here, as the same value would when interned.
            if let failure = accumulator.directFailure { return .failure(failure) }
            return .success(directColumn(from: &accumulator, type: type))
        }
        let dictionary = accumulator.dictionary
        func text(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
            let raw = dictionary.bytes(of: UInt32(entry))
            return UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
        }
        switch type {
        case .varchar:
            let strings = (0..<dictionary.count).map { String(decoding: text($0), as: UTF8.self) }
            var codes: [UInt32] = []
            swap(&codes, &accumulator.codes)
            var validity: Validity?
            if accumulator.nullCount > 0 {
                var nulls = Validity(allValid: rowCount)
                codes.withUnsafeMutableBufferPointer { codes in
                    for row in 0..<rowCount where codes[row] == nullCode {
                        nulls.set(row, valid: false)
                        codes[row] = 0
                    }
                }
                validity = nulls
            }
            return .success(
                Column(
                    .varchar(codes: codes, dictionary: StringDictionary(distinct: strings)),
                    validity: validity))
        case .bigint:
            return convert(accumulator, rowCount: rowCount, zero: Int64(0), text: text) { ValueParser.integer($0) }
                .map { Column(.bigint($0.values), validity: $0.validity) }
        case .double:
            return convert(accumulator, rowCount: rowCount, zero: 0.0, text: text) { ValueParser.double($0) }
                .map { Column(.double($0.values), validity: $0.validity) }
        case .boolean:
            return convert(accumulator, rowCount: rowCount, zero: false, text: text) {
                ValueParser.boolean($0, lenient: true)
            }
            .map { Column(.boolean($0.values), validity: $0.validity) }
        case .date:
            return convert(accumulator, rowCount: rowCount, zero: Int32(0), text: text) {
                ValueParser.date($0)?.daysSinceEpoch
            }
            .map { Column(.date($0.values), validity: $0.validity) }
        }
    }

    /// Converts every distinct value with `parse`; the empty string becomes NULL.
    private static func convert<T: BitwiseCopyable>(
        _ accumulator: ColumnAccumulator, rowCount: Int, zero: T,
        text: (Int) -> UnsafeBufferPointer<UInt8>, parse: (UnsafeBufferPointer<UInt8>) -> T?
    ) -> Result<(values: [T], validity: Validity?), Failure> {
        let distinct = accumulator.dictionary.count
        var values = [T](repeating: zero, count: distinct)
        /// 0 converts, 1 is NULL (empty string), 2 fails.
        var status = [UInt8](repeating: 0, count: distinct)
        var anyFailure = false
        for entry in 0..<distinct {
            let bytes = text(entry)
            if bytes.isEmpty {
                status[entry] = 1
            } else if let value = parse(bytes) {
                values[entry] = value
            } else {
                status[entry] = 2
                anyFailure = true
            }
        }
        return accumulator.codes.withUnsafeBufferPointer { codes in
            convertRows(codes: codes, values: values, status: status, anyFailure: anyFailure, zero: zero, text: text)
        }
    }

    private static func convertRows<T: BitwiseCopyable>(
        codes: UnsafeBufferPointer<UInt32>, values: [T], status: [UInt8], anyFailure: Bool, zero: T,
        text: (Int) -> UnsafeBufferPointer<UInt8>
    ) -> Result<(values: [T], validity: Validity?), Failure> {
        let rowCount = codes.count
        if anyFailure {
            for row in 0..<rowCount where codes[row] != nullCode && status[Int(codes[row])] == 2 {
                return .failure(Failure(row: row, value: String(decoding: text(Int(codes[row])), as: UTF8.self)))
            }
        }
        var validity: Validity?
        let rows = [T](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            values.withUnsafeBufferPointer { values in
                status.withUnsafeBufferPointer { status in
                    for row in 0..<rowCount {
                        let code = codes[row]
                        if code == nullCode || status[Int(code)] != 0 {
                            if validity == nil { validity = Validity(allValid: rowCount) }
                            validity!.set(row, valid: false)
                            buffer[row] = zero
                        } else {
                            buffer[row] = values[Int(code)]
                        }
                    }
                }
            }
            initialized = rowCount
        }
        return .success((rows, validity))
    }

    /// A column from values converted while parsing; `type` is the column's sniffed type.
    private static func directColumn(from accumulator: inout ColumnAccumulator, type: DataType) -> Column {
        var payload: [Int64] = []
        swap(&payload, &accumulator.payload)
        var validity: Validity?
        if !accumulator.nullRows.isEmpty {
            var nulls = Validity(allValid: payload.count)
            for row in accumulator.nullRows { nulls.set(row, valid: false) }
            validity = nulls
        }
        let doubles = accumulator.storesDoubles
        switch type {
        case .bigint: return Column(.bigint(payload), validity: validity)
        case .double:
            return Column(
                .double(payload.map { doubles ? Double(bitPattern: UInt64(bitPattern: $0)) : Double($0) }),
                validity: validity)
        case .date: return Column(.date(payload.map { Int32(truncatingIfNeeded: $0) }), validity: validity)
        case .boolean: return Column(.boolean(payload.map { $0 != 0 }), validity: validity)
        case .varchar: preconditionFailure("a direct column that sniffs to VARCHAR must be re-read as text")
        }
    }
}
