public import Columnar

/// Assigns dense group ids (0, 1, 2, ...) to distinct key tuples, chunk after chunk.
///
/// Used for GROUP BY, DISTINCT, set operations and COUNT(DISTINCT). NULL is a key value like any other
/// (all NULLs group together), as SQL grouping requires. VARCHAR keys are matched by bytes across chunks
/// with different dictionaries.
public final class GroupIndex {
    public let keyTypes: [DataType]

    public init(keyTypes: [DataType]) {
        self.keyTypes = keyTypes
    }

    /// Number of distinct key tuples seen so far.
    public var groupCount: Int { 0 }

    /// The group id of every row of `keys` (columns of `keyTypes`, equal length), adding new groups.
    public func groupIDs(for keys: [Column]) -> [UInt32] {
        fatalError("GroupIndex is not implemented yet")
    }

    /// The distinct key tuples, in group-id order, as columns of `keyTypes`.
    public func keyColumns() -> [Column] {
        fatalError("GroupIndex is not implemented yet")
    }
}
