import Columnar

/// An unsigned integer image of one sort key: comparing images compares rows (direction and NULL
/// placement included). `bits` is how many low bits the images use, so several keys can share a word.
struct SortImage {
    var values: [UInt64]
    var bits: Int

    /// One image (or two, a NULL flag then the value, when the values span all 64 bits) of `key`.
    static func images(of key: SortKey, rowCount: Int) -> [SortImage] {
        let column = key.column
        let validity = RowValidity(column)
        precondition(column.count == rowCount, "sort key has \(column.count) rows, expected \(rowCount)")
        var raw = [UInt64](repeating: 0, count: rowCount)
        raw.withUnsafeMutableBufferPointer { raw in
            if case .varchar(let codes, let dictionary) = column.storage {
                let ranks = KeyNormalization.ranks(of: dictionary)
                for row in 0..<rowCount where !validity.isNull(row) { raw[row] = UInt64(ranks[Int(codes[row])]) }
            } else {
                KeyNormalization.withOrderKeys(column) { key in
                    for row in 0..<rowCount { raw[row] = key(row) }
                }
            }
        }
        var low = UInt64.max, high = UInt64.min
        raw.withUnsafeBufferPointer { raw in
            AccumulatorSupport.forEachValidRow(column) { row in
                low = min(low, raw[row])
                high = max(high, raw[row])
            }
        }
        let hasNull = validity.hasNulls
        if low > high {  // every row NULL: nothing to order by
            return []
        }
        let span = high - low
        if hasNull && span == UInt64.max {
            var flags = [UInt64](repeating: 0, count: rowCount)
            for row in 0..<rowCount where validity.isNull(row) == !key.nullsFirst { flags[row] = 1 }
            for row in 0..<rowCount {
                raw[row] = validity.isNull(row) ? 0 : (key.ascending ? raw[row] : ~raw[row])
            }
            return [SortImage(values: flags, bits: 1), SortImage(values: raw, bits: 64)]
        }
        // Shift values to 0...span (reversed when descending), then make room for NULL at one end.
        // Past the two-image case, `span + 1` is computed only when there are NULLs (span < UInt64.max):
        // a column holding both Int64.min and Int64.max spans every 64-bit value.
        let shift: UInt64 = hasNull && key.nullsFirst ? 1 : 0
        let nullImage: UInt64 = !hasNull || key.nullsFirst ? 0 : span + 1
        let ascending = key.ascending
        raw.withUnsafeMutableBufferPointer { raw in
            if ascending {
                for row in 0..<rowCount { raw[row] = raw[row] &- low &+ shift }
            } else {
                for row in 0..<rowCount { raw[row] = high &- raw[row] &+ shift }
            }
            if hasNull {
                for row in 0..<rowCount where validity.isNull(row) { raw[row] = nullImage }
            }
        }
        let largest = hasNull ? span + 1 : span
        return [SortImage(values: raw, bits: 64 - largest.leadingZeroBitCount)]
    }

    /// All images concatenated into one word per row, the first key in the highest bits.
    /// - Precondition: the images' bits add up to at most 64.
    static func pack(_ images: [SortImage], rowCount: Int) -> [UInt64] {
        var packed = [UInt64](repeating: 0, count: rowCount)
        packed.withUnsafeMutableBufferPointer { packed in
            for image in images {
                let bits = UInt64(image.bits)
                image.values.withUnsafeBufferPointer { values in
                    for row in 0..<rowCount {
                        packed[row] = (bits == 64 ? 0 : packed[row] << bits) | values[row]
                    }
                }
            }
        }
        return packed
    }
}
