/// The first `count` rows of an order, by a bounded max-heap of the best rows so far.
enum TopN {
    /// Rows `0..<rowCount` ordered by `precedes` (a strict total order), first `count` only.
    /// - Complexity: O(rowCount · log count).
    static func select(_ count: Int, rowCount: Int, by precedes: (Int32, Int32) -> Bool) -> [Int32] {
        guard count > 0 else { return [] }
        var heap: [Int32] = []  // max-heap: the worst kept row on top
        heap.reserveCapacity(count)
        func siftUp(_ start: Int) {
            var child = start
            while child > 0 {
                let parent = (child - 1) / 2
                guard precedes(heap[parent], heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        }
        func siftDown() {
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var largest = parent
                if left < heap.count, precedes(heap[largest], heap[left]) { largest = left }
                if right < heap.count, precedes(heap[largest], heap[right]) { largest = right }
                if largest == parent { return }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
        for row in 0..<Int32(rowCount) {
            if heap.count < count {
                heap.append(row)
                siftUp(heap.count - 1)
            } else if precedes(row, heap[0]) {
                heap[0] = row
                siftDown()
            }
        }
        heap.sort(by: precedes)
        return heap
    }
}
