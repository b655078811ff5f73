import Columnar

/// Order- and equality-preserving 64-bit images of key values, shared by grouping, joins and sorting.
enum KeyNormalization {
    /// Equality image of a DOUBLE: -0.0 equals 0.0 and every NaN equals every other NaN, as in DuckDB's
    /// grouping and joins.
    @inline(__always)
    static func equalityBits(_ value: Double) -> UInt64 {
        if value.isNaN { return Double.nan.bitPattern }
        if value == 0 { return 0 }
        return value.bitPattern
    }

    /// Unsigned image of a DOUBLE whose integer order is the dialect's order: -inf < ... < -0 = 0 < ...
    /// < inf < NaN.
    @inline(__always)
    static func orderBits(_ value: Double) -> UInt64 {
        let bits = equalityBits(value)
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// Unsigned image of a signed integer preserving order.
    @inline(__always)
    static func orderBits(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) ^ (1 << 63) }

    @inline(__always)
    static func orderBits(_ value: Int32) -> UInt64 { UInt64(UInt32(bitPattern: value) ^ (1 << 31)) }

    /// The rank of every entry of `dictionary` in code-point order (ranks are distinct: entries are).
    /// - Complexity: O(d log d) string comparisons for d entries.
    static func ranks(of dictionary: StringDictionary) -> [UInt32] {
        let strings = dictionary.strings
        var order = Array(0..<UInt32(strings.count))
        order.sort { strings[Int($0)].utf8.lexicographicallyPrecedes(strings[Int($1)].utf8) }
        var ranks = [UInt32](repeating: 0, count: strings.count)
        for (rank, code) in order.enumerated() { ranks[Int(code)] = UInt32(rank) }
        return ranks
    }
}

/// Remembers the rank array of the most recently seen dictionaries, keyed by identity.
/// Holds the dictionaries themselves so an identifier is never reused while cached.
final class DictionaryRankCache {
    private var entries: [ObjectIdentifier: (dictionary: StringDictionary, ranks: [UInt32])] = [:]

    func ranks(of dictionary: StringDictionary) -> [UInt32] {
        let key = ObjectIdentifier(dictionary)
        if let hit = entries[key] { return hit.ranks }
        if entries.count >= 32 { entries.removeAll(keepingCapacity: true) }
        let ranks = KeyNormalization.ranks(of: dictionary)
        entries[key] = (dictionary, ranks)
        return ranks
    }
}

extension KeyNormalization {
    /// Order image of row values of a non-VARCHAR column (see `orderBits`); BOOLEAN is 0/1.
    @inline(__always)
    static func withOrderKeys(_ column: Column, _ body: ((Int) -> UInt64) -> Void) {
        switch column.storage {
        case .bigint(let v): v.withUnsafeBufferPointer { v in body { orderBits(v[$0]) } }
        case .double(let v): v.withUnsafeBufferPointer { v in body { orderBits(v[$0]) } }
        case .date(let v): v.withUnsafeBufferPointer { v in body { orderBits(v[$0]) } }
        case .boolean(let v): v.withUnsafeBufferPointer { v in body { v[$0] ? 1 : 0 } }
        case .varchar: preconditionFailure("VARCHAR has no fixed order image; use dictionary ranks")
        }
    }

    /// A column of `type` from order images (the inverse of `orderBits`).
    static func column(fromOrderKeys keys: [UInt64], type: DataType, validity: Validity?) -> Column {
        switch type {
        case .bigint: return Column(.bigint(keys.map { Int64(bitPattern: $0 ^ (1 << 63)) }), validity: validity)
        case .double:
            return Column(
                .double(
                    keys.map {
                        $0 & (1 << 63) != 0
                            ? Double(bitPattern: $0 ^ (1 << 63))
                            : Double(bitPattern: ~$0)
                    }), validity: validity)
        case .date:
            return Column(
                .date(keys.map { Int32(bitPattern: UInt32(truncatingIfNeeded: $0) ^ (1 << 31)) }),
                validity: validity)
        case .boolean: return Column(.boolean(keys.map { $0 != 0 }), validity: validity)
        case .varchar: preconditionFailure("VARCHAR has no fixed order image")
        }
    }
}
