/// A `String` compared and hashed by its UTF-8 bytes.
///
/// Swift's own `String ==` uses Unicode canonical equivalence (`"é"` precomposed equals `"e\u{301}"`);
/// SQL here compares by code point, as DuckDB does. Use this wrapper as a hash key wherever strings are
/// deduplicated or grouped.
public struct BinaryString: Sendable, Hashable, Comparable {
    public let string: String

    public init(_ string: String) { self.string = string }

    public static func == (lhs: BinaryString, rhs: BinaryString) -> Bool {
        lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Code point order, which is UTF-8 byte order.
    public static func < (lhs: BinaryString, rhs: BinaryString) -> Bool {
        lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8)
    }
}

extension String {
    /// Code point (binary) order, the dialect's order for VARCHAR.
    @inlinable
    public func binaryPrecedes(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// Code point (binary) equality, the dialect's equality for VARCHAR.
    @inlinable
    public func binaryEquals(_ other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}
