import Columnar

/// Unwraps a column's physical buffer for a kernel whose overload already fixed the type.
///
/// A mismatch is a programmer error in the binder (it must cast arguments to `parameterTypes`), so it traps.
enum TypedBuffers {
    static func bigints(_ column: Column) -> [Int64] {
        guard case .bigint(let values) = column.storage else { mismatch(column, .bigint) }
        return values
    }

    static func doubles(_ column: Column) -> [Double] {
        guard case .double(let values) = column.storage else { mismatch(column, .double) }
        return values
    }

    static func booleans(_ column: Column) -> [Bool] {
        guard case .boolean(let values) = column.storage else { mismatch(column, .boolean) }
        return values
    }

    /// Days since 1970-01-01.
    static func days(_ column: Column) -> [Int32] {
        guard case .date(let values) = column.storage else { mismatch(column, .date) }
        return values
    }

    static func strings(_ column: Column) -> (codes: [UInt32], dictionary: StringDictionary) {
        guard case .varchar(let codes, let dictionary) = column.storage else { mismatch(column, .varchar) }
        return (codes, dictionary)
    }

    private static func mismatch(_ column: Column, _ expected: DataType) -> Never {
        preconditionFailure("kernel expected a \(expected) column, got \(column.type)")
    }
}
