/// One SQL value, boxed. Used at the edges (literals, tests, row access, small results);
/// bulk work runs on `Column` buffers instead.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case bigint(Int64)
    case double(Double)
    case varchar(String)
    case boolean(Bool)
    case date(Date32)

    /// The value's type; nil for NULL, which has no type of its own.
    public var type: DataType? {
        switch self {
        case .null: nil
        case .bigint: .bigint
        case .double: .double
        case .varchar: .varchar
        case .boolean: .boolean
        case .date: .date
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// Canonical text: shortest round-trip doubles, `true`/`false`, ISO dates, `NULL`.
    public var description: String {
        switch self {
        case .null: "NULL"
        case .bigint(let v): String(v)
        case .double(let v): Value.format(v)
        case .varchar(let v): v
        case .boolean(let v): v ? "true" : "false"
        case .date(let v): v.description
        }
    }

    /// Shortest representation that round-trips, DuckDB-style: `3.0`, `0.1`, `1e+16`, `inf`, `nan`.
    public static func format(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return v.description
    }

    /// Binary (code point) equality for strings, bitwise-style equality for doubles (NaN equals NaN),
    /// matching how group-by and DISTINCT treat values.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bigint(let a), .bigint(let b)): a == b
        case (.double(let a), .double(let b)): a == b || (a.isNaN && b.isNaN)
        case (.varchar(let a), .varchar(let b)): a.utf8.elementsEqual(b.utf8)
        case (.boolean(let a), .boolean(let b)): a == b
        case (.date(let a), .date(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bigint(let v): hasher.combine(1 as UInt8); hasher.combine(v)
        // Equal values hash alike: every NaN one way, -0.0 as 0.0 (raw bits made `IN` and `NOT IN` of -0.0
        // depend on the hash seed, so answers varied from run to run).
        case .double(let v):
            hasher.combine(2 as UInt8)
            hasher.combine(v.isNaN ? Double.nan.bitPattern : v == 0 ? 0 : v.bitPattern)
        case .varchar(let v): hasher.combine(3 as UInt8); for byte in v.utf8 { hasher.combine(byte) }
        case .boolean(let v): hasher.combine(4 as UInt8); hasher.combine(v)
        case .date(let v): hasher.combine(5 as UInt8); hasher.combine(v.daysSinceEpoch)
        }
    }
}
