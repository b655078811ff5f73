import Columnar

/// The first `k` rows of every partition in a window's order, without sorting all rows: what
/// `row_number() OVER (PARTITION BY p ORDER BY o) <= k` keeps. One bounded max-heap of k entries per
/// partition, fed in one pass over the rows, then only the kept rows are ordered.
///
/// Entries compare by (NULL class, order image, row), so equal order values keep input order, as the
/// stable sort of the full window evaluation does, and the numbering is the same as the full path's.
public enum TopPerGroup {
    /// The kept rows (partition by partition, each in window order) and each one's row_number (1...k).
    /// - Parameters:
    ///   - partitions: the partition id of every row, `0..<partitionCount`.
    ///   - order: the single ORDER BY key.
    /// - Returns: nil when cancelled.
    public static func select(
        partitions: [UInt32], partitionCount: Int, order: SortKey, keep k: Int, cancellation: Cancellation = .never
    ) -> (rows: [Int32], numbers: [Int64])? {
        guard k > 0, partitionCount > 0 else { return ([], []) }
        let images = orderImages(order)
        let validity = order.column.validity
        let nullClass: UInt8 = order.nullsFirst ? 0 : 1
        let valueClass: UInt8 = order.nullsFirst ? 1 : 0
        var heaps = [Entry](repeating: Entry(kind: 0, image: 0, row: 0), count: partitionCount * k)
        var sizes = [Int32](repeating: 0, count: partitionCount)
        let finished = heaps.withUnsafeMutableBufferPointer { heaps in
            sizes.withUnsafeMutableBufferPointer { sizes in
                images.withUnsafeBufferPointer { images in
                    partitions.withUnsafeBufferPointer { partitions in
                        cancellation.forEachSlice(of: partitions.count) { range in
                            for row in range {
                                let isNull = validity.map { !$0.isValid(row) } ?? false
                                let entry = Entry(
                                    kind: isNull ? nullClass : valueClass, image: isNull ? 0 : images[row],
                                    row: Int32(row))
                                let g = Int(partitions[row])
                                let base = g * k
                                let size = Int(sizes[g])
                                if size < k {
                                    push(entry, heaps, base: base, size: size)
                                    sizes[g] = Int32(size + 1)
                                } else if entry < heaps[base] {
                                    replaceTop(entry, heaps, base: base, size: k)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard finished else { return nil }
        var rows: [Int32] = []
        var numbers: [Int64] = []
        rows.reserveCapacity(min(partitions.count, partitionCount * k))
        numbers.reserveCapacity(rows.capacity)
        for g in 0..<partitionCount {
            let base = g * k
            let kept = heaps[base..<base + Int(sizes[g])].sorted()
            for (i, entry) in kept.enumerated() {
                rows.append(entry.row)
                numbers.append(Int64(i + 1))
            }
        }
        return (rows, numbers)
    }

    struct Entry: Comparable {
        var kind: UInt8
        var image: UInt64
        var row: Int32

        @inline(__always)
        static func < (a: Entry, b: Entry) -> Bool {
            if a.kind != b.kind { return a.kind < b.kind }
            if a.image != b.image { return a.image < b.image }
            return a.row < b.row
        }
    }

    /// Each row's order image: smaller comes first in the window's order (descending keys complemented).
    private static func orderImages(_ order: SortKey) -> [UInt64] {
        let column = order.column
        var images = [UInt64](repeating: 0, count: column.count)
        if case .varchar(let codes, let dictionary) = column.storage {
            let ranks = KeyNormalization.ranks(of: dictionary)
            for row in 0..<column.count { images[row] = UInt64(ranks[Int(codes[row])]) }
        } else {
            KeyNormalization.withOrderKeys(column) { key in
                for row in 0..<column.count { images[row] = key(row) }
            }
        }
        if !order.ascending {
            for row in 0..<images.count { images[row] = ~images[row] }
        }
        return images
    }

    /// Max-heap (worst kept entry on top) in `heap[base..<base + size]`.
    @inline(__always)
    private static func push(_ entry: Entry, _ heap: UnsafeMutableBufferPointer<Entry>, base: Int, size: Int) {
        var i = size
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[base + parent] < entry else { break }
            heap[base + i] = heap[base + parent]
            i = parent
        }
        heap[base + i] = entry
    }

    @inline(__always)
    private static func replaceTop(_ entry: Entry, _ heap: UnsafeMutableBufferPointer<Entry>, base: Int, size: Int) {
        var i = 0
        while true {
            let left = 2 * i + 1
            guard left < size else { break }
            var child = left
            if left + 1 < size && heap[base + left] < heap[base + left + 1] { child = left + 1 }
            guard entry < heap[base + child] else { break }
            heap[base + i] = heap[base + child]
            i = child
        }
        heap[base + i] = entry
    }
}
