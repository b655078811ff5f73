/// The five logical types of the dialect. Physical layout per type is fixed (see `Column.Storage`).
public enum DataType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Signed 64-bit integer; overflow is an error, never wraparound.
    case bigint = "BIGINT"
    /// IEEE 754 binary64.
    case double = "DOUBLE"
    /// UTF-8 text; equality and order are binary (by code point), never canonical-equivalence.
    case varchar = "VARCHAR"
    case boolean = "BOOLEAN"
    /// Calendar date, stored as days since 1970-01-01 (proleptic Gregorian).
    case date = "DATE"

    public var description: String { rawValue }

    /// True for types on which arithmetic is defined.
    public var isNumeric: Bool { self == .bigint || self == .double }
}
