public import Columnar

/// Equality hash join: built once over the build side's key columns, probed chunk by chunk.
///
/// Rows with a NULL in any key never match (SQL equality). Key columns on both sides must have the same
/// types (the binder casts first). VARCHAR keys match by bytes across different dictionaries: each probe
/// dictionary is mapped to build ids once per distinct entry and cached by dictionary identity.
///
/// Layout: build key tuples get dense ids (see `GroupIndex`); build rows are bucketed by tuple id in
/// ascending row order (`rowsByKey[keyStart[k]..<keyStart[k+1]]`), so a probe emits each probe row's
/// matches as one contiguous, ascending run.
public final class JoinHashTable {
    public let keyTypes: [DataType]
    private let tuples: TupleIDs
    private var keyStart: [Int32] = [0]
    private var rowsByKey: [Int32] = []
    private let rowCount: Int

    public init(buildKeys: [Column]) {
        keyTypes = buildKeys.map(\.type)
        tuples = TupleIDs(keyTypes: keyTypes)
        rowCount = buildKeys.first?.count ?? 0
        let ids = tuples.assign(buildKeys, rowCount: rowCount)
        // NULL keys never match: leave their rows out of every bucket.
        var hasNull = [Bool](repeating: false, count: rowCount)
        for column in buildKeys where column.validity != nil {
            let validity = RowValidity(column)
            for row in 0..<rowCount where validity.isNull(row) { hasNull[row] = true }
        }
        let keyCount = tuples.count
        var start = [Int32](repeating: 0, count: keyCount + 1)
        for row in 0..<rowCount where !hasNull[row] { start[Int(ids[row]) + 1] += 1 }
        for k in 0..<keyCount { start[k + 1] += start[k] }
        var fill = start
        var rows = [Int32](repeating: 0, count: Int(start[keyCount]))
        for row in 0..<rowCount where !hasNull[row] {
            let k = Int(ids[row])
            rows[Int(fill[k])] = Int32(row)
            fill[k] += 1
        }
        keyStart = start
        rowsByKey = rows
    }

    /// Number of build rows.
    public var buildRowCount: Int { rowCount }

    /// `probe(_:limit:)` without a limit.
    public func probe(_ probeKeys: [Column]) -> (probeRows: [Int32], buildRows: [Int32]) {
        probe(probeKeys, limit: .max)!
    }

    /// Every matching pair: `probeRows[k]` (row of `probeKeys`) matches `buildRows[k]` (row of the build
    /// side). Pairs come grouped by probe row in ascending probe order; within a probe row, build rows
    /// ascend.
    /// - Parameter limit: the most pairs to produce; nil when there would be more, before any is made (a
    ///   join on a near-constant key can ask for billions of pairs: an error, not an allocation that
    ///   kills the process).
    /// - Complexity: O(probe rows × key columns + matches), expected.
    public func probe(_ probeKeys: [Column], limit: Int) -> (probeRows: [Int32], buildRows: [Int32])? {
        precondition(probeKeys.map(\.type) == keyTypes, "probe key types differ from build key types")
        let probeCount = probeKeys.first?.count ?? 0
        let ids = tuples.lookup(probeKeys, rowCount: probeCount)
        var total = 0
        for row in 0..<probeCount where ids[row] != UInt64HashMap.absent {
            let k = Int(ids[row])
            total += Int(keyStart[k + 1] - keyStart[k])
        }
        if total > limit { return nil }
        var probeRows = [Int32]()
        var buildRows = [Int32]()
        probeRows.reserveCapacity(total)
        buildRows.reserveCapacity(total)
        keyStart.withUnsafeBufferPointer { start in
            rowsByKey.withUnsafeBufferPointer { rows in
                for row in 0..<probeCount where ids[row] != UInt64HashMap.absent {
                    let k = Int(ids[row])
                    for position in Int(start[k])..<Int(start[k + 1]) {
                        probeRows.append(Int32(row))
                        buildRows.append(rows[position])
                    }
                }
            }
        }
        return (probeRows, buildRows)
    }
}
