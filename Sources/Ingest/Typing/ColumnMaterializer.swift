public import Columnar

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

    static func column(
        from accumulator: ColumnAccumulator, type: DataType, rowCount: Int
    ) -> Result<Column, Failure> {
        let dictionary = accumulator.dictionary
        func text(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
            let raw = dictionary.bytes(of: UInt32(entry))
            return UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
        }
        switch type {
        case .varchar:
            let strings = (0..<dictionary.count).map { String(decoding: text($0), as: UTF8.self) }
            var validity: Validity?
            let codes = [UInt32](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
                let source = accumulator.codes.base
                for row in 0..<rowCount {
                    let code = source[row]
                    if code == nullCode {
                        if validity == nil { validity = Validity(allValid: rowCount) }
                        validity!.set(row, valid: false)
                        buffer[row] = 0
                    } else {
                        buffer[row] = code
                    }
                }
                initialized = rowCount
            }
            return .success(Column(.varchar(codes: codes, dictionary: StringDictionary(distinct: strings)),
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
        let codes = accumulator.codes.base
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
}
