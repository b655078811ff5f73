import Platform

/// A manually managed, `realloc`-grown buffer of plain values for hot loops.
///
/// Why not `Array`: appends in the parser's inner loop must not pay for uniqueness checks, and growing a
/// large buffer with `realloc` lets the allocator move pages (`mremap`) instead of copying them. The owner
/// calls `release()` exactly once; copies of the struct alias the same memory.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = Self.allocate(self.capacity)
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
        guard let raw = malloc(capacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory allocating \(capacity) elements")
        }
        return raw.bindMemory(to: Element.self, capacity: capacity)
    }

    mutating func reserve(_ minimumCapacity: Int) {
        guard minimumCapacity > capacity else { return }
        var newCapacity = capacity
        while newCapacity < minimumCapacity { newCapacity = newCapacity + newCapacity / 2 + 16 }
        guard let raw = realloc(base, newCapacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory growing to \(newCapacity) elements")
        }
        base = raw.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { reserve(count + 1) }
        base[count] = value
        count += 1
    }

    /// Appends `n` elements copied from `source`.
    @inline(__always)
    mutating func append(_ source: UnsafePointer<Element>, count n: Int) {
        if count + n > capacity { reserve(count + n) }
        (base + count).update(from: source, count: n)
        count += n
    }

    /// Makes room for `n` more elements and returns where they go; the caller writes them, then `commit(n)`.
    mutating func tail(reserving n: Int) -> UnsafeMutablePointer<Element> {
        if count + n > capacity { reserve(count + n) }
        return base + count
    }

    mutating func commit(_ n: Int) { count += n }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The contents as a Swift array (one copy).
    func toArray() -> [Element] { Array(buffer) }

    func release() { free(base) }
}
