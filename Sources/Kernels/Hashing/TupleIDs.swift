import Columnar

/// Dense ids for tuples of key columns: per-column value ids, folded left to right by pair combiners.
///
/// The shared core of `GroupIndex` (assigning) and `JoinHashTable` (assigning on build, looking up on
/// probe). With one column the tuple id is the column's value id; with none every row is tuple 0.
final class TupleIDs {
    let keyTypes: [DataType]
    private let columns: [ColumnValueIDs]
    /// `combiners[i]` folds (tuple id of columns 0...i, id of column i+1).
    private let combiners: [IDPairCombiner]
    private var hasEmptyTuple = false

    init(keyTypes: [DataType]) {
        self.keyTypes = keyTypes
        columns = keyTypes.map { ColumnValueIDs(type: $0) }
        combiners = (0..<max(0, keyTypes.count - 1)).map { _ in IDPairCombiner() }
    }

    var count: Int {
        if keyTypes.isEmpty { return hasEmptyTuple ? 1 : 0 }
        return combiners.last?.count ?? columns[0].count
    }

    func assign(_ keys: [Column], rowCount: Int) -> [UInt32] {
        precondition(keys.count == keyTypes.count, "expected \(keyTypes.count) key columns, got \(keys.count)")
        guard !keys.isEmpty else {
            if rowCount > 0 { hasEmptyTuple = true }
            return [UInt32](repeating: 0, count: rowCount)
        }
        var ids = columns[0].assign(keys[0])
        for index in combiners.indices {
            combiners[index].assign(&ids, columns[index + 1].assign(keys[index + 1]))
        }
        return ids
    }

    /// Tuple ids without adding; `UInt64HashMap.absent` for unknown tuples and for tuples with a NULL.
    func lookup(_ keys: [Column], rowCount: Int) -> [UInt32] {
        precondition(keys.count == keyTypes.count, "expected \(keyTypes.count) key columns, got \(keys.count)")
        guard !keys.isEmpty else {
            return [UInt32](repeating: hasEmptyTuple ? 0 : UInt64HashMap.absent, count: rowCount)
        }
        var ids = columns[0].lookup(keys[0])
        for index in combiners.indices {
            combiners[index].lookup(&ids, columns[index + 1].lookup(keys[index + 1]))
        }
        return ids
    }

    /// The tuples in id order, one column per key.
    func keyColumns() -> [Column] {
        guard !keyTypes.isEmpty else { return [] }
        var perColumn = [[UInt32]](repeating: [], count: keyTypes.count)
        var current = (0..<UInt32(count)).map { $0 }
        for index in combiners.indices.reversed() {
            var left = current
            var right = current
            for (i, id) in current.enumerated() {
                (left[i], right[i]) = combiners[index].split(id)
            }
            perColumn[index + 1] = right
            current = left
        }
        perColumn[0] = current
        return zip(columns, perColumn).map { $0.values(of: $1) }
    }
}
