import Columnar

/// Dense ids for tuples of key columns: per-column value ids, then one id per tuple.
///
/// The shared core of `GroupIndex` (assigning) and `JoinHashTable` (assigning on build, looking up on
/// probe). With one column the tuple id is the column's value id; with none every row is tuple 0. Several
/// columns' ids are packed into one 64-bit key (`PackedTupleKeys`) while their fields fit; past that, the
/// tuples so far are replayed in id order through pair combiners, which keeps their ids, and later chunks
/// are folded left to right.
final class TupleIDs {
    let keyTypes: [DataType]
    private let columns: [ColumnValueIDs]
    /// Set while the tuples are packed (two or more columns whose fields fit in 64 bits).
    private var packed: PackedTupleKeys?
    /// `combiners[i]` folds (tuple id of columns 0...i, id of column i+1); used once `packed` is nil.
    private let combiners: [IDPairCombiner]
    private var hasEmptyTuple = false

    init(keyTypes: [DataType]) {
        self.keyTypes = keyTypes
        columns = keyTypes.map { ColumnValueIDs(type: $0) }
        combiners = (0..<max(0, keyTypes.count - 1)).map { _ in IDPairCombiner() }
        packed = keyTypes.count >= 2 ? PackedTupleKeys(columnCount: keyTypes.count) : nil
    }

    var count: Int {
        if keyTypes.isEmpty { return hasEmptyTuple ? 1 : 0 }
        return packed?.count ?? combiners.last?.count ?? columns[0].count
    }

    func assign(_ keys: [Column], rowCount: Int) -> [UInt32] {
        precondition(keys.count == keyTypes.count, "expected \(keyTypes.count) key columns, got \(keys.count)")
        guard !keys.isEmpty else {
            if rowCount > 0 { hasEmptyTuple = true }
            return [UInt32](repeating: 0, count: rowCount)
        }
        let columnIDs = zip(columns, keys).map { $0.assign($1) }
        if let packed {
            if packed.fit(idCounts: columns.map(\.count)) { return packed.assign(columnIDs) }
            // Too wide to pack: fold the tuples so far in id order (so they keep their ids), then this chunk.
            let tuples = packed.columnIDs()
            self.packed = nil
            let replayed = fold(tuples)
            assert(replayed.elementsEqual(0..<UInt32(replayed.count)), "replaying must keep tuple ids")
        }
        return fold(columnIDs)
    }

    /// Makes room for `total` tuples while they are packed (pair folding sizes its own tables).
    func reserve(_ total: Int) {
        packed?.reserve(total)
    }

    private func fold(_ columnIDs: [[UInt32]]) -> [UInt32] {
        var ids = columnIDs[0]
        for index in combiners.indices { combiners[index].assign(&ids, columnIDs[index + 1]) }
        return ids
    }

    /// Tuple ids without adding; `UInt64HashMap.absent` for unknown tuples and for tuples with a NULL.
    func lookup(_ keys: [Column], rowCount: Int) -> [UInt32] {
        precondition(keys.count == keyTypes.count, "expected \(keyTypes.count) key columns, got \(keys.count)")
        guard !keys.isEmpty else {
            return [UInt32](repeating: hasEmptyTuple ? 0 : UInt64HashMap.absent, count: rowCount)
        }
        if let packed { return packed.lookup(zip(columns, keys).map { $0.lookup($1) }) }
        var ids = columns[0].lookup(keys[0])
        for index in combiners.indices {
            combiners[index].lookup(&ids, columns[index + 1].lookup(keys[index + 1]))
        }
        return ids
    }

    /// The tuples in id order, one column per key.
    func keyColumns() -> [Column] {
        guard !keyTypes.isEmpty else { return [] }
        if let packed { return zip(columns, packed.columnIDs()).map { $0.values(of: $1) } }
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
