/// Least-significant-digit radix sort of row indices by unsigned keys, 8 bits a pass.
enum RadixSort {
    /// Row indices ordered by `keys` ascending; equal keys keep their row order (stable).
    /// Passes whose digit is the same for every row are skipped.
    /// - Complexity: O(n · ⌈bits / 8⌉).
    static func stableOrder(_ keys: [UInt64], bits: Int, cancellation: Cancellation = .never) -> [Int32] {
        sort(keys, bits: bits, cancellation: cancellation).rows
    }

    /// Row indices ordered by `keys` (stable), with the keys in that order. A cancellation is honoured
    /// between passes (tens of milliseconds apart on ten million rows), leaving the order unfinished.
    static func sort(
        _ keys: [UInt64], bits: Int, cancellation: Cancellation = .never
    ) -> (rows: [Int32], keys: [UInt64]) {
        let n = keys.count
        var currentKeys = keys
        var currentRows = (0..<Int32(n)).map { $0 }
        var nextKeys = [UInt64](repeating: 0, count: n)
        var nextRows = [Int32](repeating: 0, count: n)
        var shift: UInt64 = 0
        while shift < UInt64(bits) {
            if cancellation.isRequested() { break }
            var counts = [Int](repeating: 0, count: 257)
            currentKeys.withUnsafeBufferPointer { keys in
                for key in keys { counts[Int((key >> shift) & 0xff) + 1] += 1 }
            }
            if counts.contains(n) {  // every row has the same digit
                shift += 8
                continue
            }
            for digit in 0..<256 { counts[digit + 1] += counts[digit] }
            currentKeys.withUnsafeBufferPointer { keys in
                currentRows.withUnsafeBufferPointer { rows in
                    nextKeys.withUnsafeMutableBufferPointer { outKeys in
                        nextRows.withUnsafeMutableBufferPointer { outRows in
                            counts.withUnsafeMutableBufferPointer { counts in
                                for i in 0..<n {
                                    let key = keys[i]
                                    let digit = Int((key >> shift) & 0xff)
                                    let target = counts[digit]
                                    counts[digit] = target + 1
                                    outKeys[target] = key
                                    outRows[target] = rows[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&currentKeys, &nextKeys)
            swap(&currentRows, &nextRows)
            shift += 8
        }
        return (currentRows, currentKeys)
    }
}
