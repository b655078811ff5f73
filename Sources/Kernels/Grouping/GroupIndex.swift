public import Columnar

/// Assigns dense group ids (0, 1, 2, ...) to distinct key tuples, chunk after chunk.
///
/// Used for GROUP BY, DISTINCT, set operations and COUNT(DISTINCT). NULL is a key value like any other
/// (all NULLs group together), as SQL grouping requires. VARCHAR keys are matched by bytes across chunks
/// with different dictionaries. Ids are given in first-seen order.
///
/// Each key column is first reduced to dense value ids (strings once per dictionary entry), then columns
/// are folded pairwise through integer hash tables, so a row costs one array read per VARCHAR key and one
/// integer hash per additional key. A single VARCHAR key costs one array read per row.
public final class GroupIndex {
    public let keyTypes: [DataType]
    private let tuples: TupleIDs

    public init(keyTypes: [DataType]) {
        self.keyTypes = keyTypes
        tuples = TupleIDs(keyTypes: keyTypes)
    }

    /// Number of distinct key tuples seen so far.
    public var groupCount: Int { tuples.count }

    /// The group id of every row of `keys` (columns of `keyTypes`, equal length), adding new groups.
    /// With no key columns every row is group 0.
    /// - Parameter rowCount: needed only when `keys` is empty.
    /// - Complexity: O(rows × key columns), expected.
    public func groupIDs(for keys: [Column], rowCount: Int? = nil) -> [UInt32] {
        tuples.assign(keys, rowCount: keys.first?.count ?? rowCount ?? 0)
    }

    /// `groupIDs(for:)` in 64K-row slices, giving up between slices once `cancellation` is requested (the
    /// ids are then unfinished): numbering ten million distinct rows takes a second or more. When the
    /// first slice is mostly new groups, room for every row is made at once (`reserve`).
    public func groupIDs(for keys: [Column], rowCount: Int, cancellation: Cancellation) -> [UInt32] {
        if rowCount <= Cancellation.slice { return groupIDs(for: keys, rowCount: rowCount) }
        var ids: [UInt32] = []
        ids.reserveCapacity(rowCount)
        let before = groupCount
        cancellation.forEachSlice(of: rowCount) { range in
            ids += groupIDs(for: keys.map { $0.slice(range) }, rowCount: range.count)
            if range.lowerBound == 0 && (groupCount - before) * 2 > range.count { reserve(groups: before + rowCount) }
        }
        return ids
    }

    /// Makes room for `groups` key tuples in all, for a caller that expects most rows to be their own group.
    public func reserve(groups: Int) {
        tuples.reserve(groups)
    }

    /// The distinct key tuples, in group-id order, as columns of `keyTypes`.
    public func keyColumns() -> [Column] {
        tuples.keyColumns()
    }
}
