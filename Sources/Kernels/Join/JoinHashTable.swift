public import Columnar

/// Equality hash join: built once over the build side's key columns, probed chunk by chunk.
///
/// Rows with a NULL in any key never match (SQL equality). Key columns on both sides must have the same
/// types (the binder casts first). VARCHAR keys match by bytes across different dictionaries.
public final class JoinHashTable {
    public let keyTypes: [DataType]

    public init(buildKeys: [Column]) {
        keyTypes = buildKeys.map(\.type)
        fatalError("JoinHashTable is not implemented yet")
    }

    /// Number of build rows.
    public var buildRowCount: Int { 0 }

    /// Every matching pair: `probeRows[k]` (row of `probeKeys`) matches `buildRows[k]` (row of the build
    /// side). Pairs come grouped by probe row in ascending probe order.
    public func probe(_ probeKeys: [Column]) -> (probeRows: [Int32], buildRows: [Int32]) {
        fatalError("JoinHashTable is not implemented yet")
    }
}
