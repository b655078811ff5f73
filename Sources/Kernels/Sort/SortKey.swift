public import Columnar

/// One ORDER BY key: a column with its direction and NULL placement.
public struct SortKey: Sendable {
    public var column: Column
    public var ascending: Bool
    /// The dialect's default is NULLS LAST for both directions (DuckDB).
    public var nullsFirst: Bool

    public init(column: Column, ascending: Bool = true, nullsFirst: Bool = false) {
        self.column = column
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }
}

public enum Sorting {
    /// A stable permutation of row indices ordering rows by `keys` (all of equal length): VARCHAR by
    /// code point, DOUBLE with NaN after every number (DuckDB), BOOLEAN false < true.
    /// `limit` (when given) lets it return only the first `limit` rows of the order (top-N).
    ///
    /// Every key becomes an unsigned integer image whose order is the wanted order (direction and NULL
    /// placement included, strings through a rank of their dictionary). When the images of all keys fit
    /// in 64 bits together (the usual case), rows are ordered by one LSD radix sort on the packed image;
    /// otherwise by a comparison sort on the images with the row index as the last key (stability).
    /// A small `limit` uses a bounded heap instead.
    /// - Complexity: O(n · passes) for packed keys, O(n log n) otherwise, O(n log limit) for top-N.
    /// - Parameter cancellation: honoured between radix passes; a cancelled order is unfinished.
    public static func permutation(
        _ keys: [SortKey], rowCount: Int, limit: Int? = nil, cancellation: Cancellation = .never
    ) -> [Int32] {
        let wanted = min(max(limit ?? rowCount, 0), rowCount)
        guard !keys.isEmpty, rowCount > 1 else { return (0..<Int32(wanted)).map { $0 } }
        let images = keys.flatMap { SortImage.images(of: $0, rowCount: rowCount) }.filter { $0.bits > 0 }
        guard !images.isEmpty else { return (0..<Int32(wanted)).map { $0 } }
        let totalBits = images.reduce(0) { $0 + $1.bits }
        if totalBits <= 64 {
            let packed = SortImage.pack(images, rowCount: rowCount)
            if wanted < rowCount / 4 {
                return packed.withUnsafeBufferPointer { p in
                    TopN.select(wanted, rowCount: rowCount) { a, b in
                        p[Int(a)] < p[Int(b)] || (p[Int(a)] == p[Int(b)] && a < b)
                    }
                }
            }
            let order = RadixSort.stableOrder(packed, bits: totalBits, cancellation: cancellation)
            return wanted == rowCount ? order : Array(order.prefix(wanted))
        }
        let buffers = images.map(\.values)
        if wanted < rowCount / 4 { return TopN.select(wanted, rowCount: rowCount, by: comparator(buffers)) }
        var order = (0..<Int32(rowCount)).map { $0 }
        order.sort(by: comparator(buffers))
        return wanted == rowCount ? order : Array(order.prefix(wanted))
    }

    /// Rows ordered by images compared one after another, then by row index (stability).
    private static func comparator(_ buffers: [[UInt64]]) -> (Int32, Int32) -> Bool {
        let precedes: (Int32, Int32) -> Bool = { a, b in
            for values in buffers {
                let x = values[Int(a)], y = values[Int(b)]
                if x != y { return x < y }
            }
            return a < b
        }
        return precedes
    }

    /// The full stable order with each row's packed image in that order and the image bits of each key
    /// (first key in the highest bits); nil when the keys do not fit one 64-bit word together.
    static func packedOrder(_ keys: [SortKey], rowCount: Int, cancellation: Cancellation = .never)
        -> (order: [Int32], sortedImages: [UInt64], bitsPerKey: [Int])?
    {
        let perKey = keys.map { SortImage.images(of: $0, rowCount: rowCount).filter { $0.bits > 0 } }
        let bitsPerKey = perKey.map { $0.reduce(0) { $0 + $1.bits } }
        let totalBits = bitsPerKey.reduce(0, +)
        guard totalBits <= 64 else { return nil }
        let images = perKey.flatMap { $0 }
        guard !images.isEmpty else {
            return ((0..<Int32(rowCount)).map { $0 }, [UInt64](repeating: 0, count: rowCount), bitsPerKey)
        }
        let sorted = RadixSort.sort(
            SortImage.pack(images, rowCount: rowCount), bits: totalBits, cancellation: cancellation)
        return (sorted.rows, sorted.keys, bitsPerKey)
    }
}
