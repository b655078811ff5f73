import Columnar
import Kernels
import Synchronization

/// A relation available as numbered chunks that can be produced independently (and, when
/// `isParallelSafe`, on several threads at once): the streaming part of a plan, with everything it
/// needs whole (join build sides, blocking operators) computed up front.
struct ChunkSource {
    let count: Int
    /// The rows of chunk `index`; may be empty (a filter removed them all).
    let produce: (_ index: Int) throws(QueryError) -> Relation
    /// False when producing evaluates subqueries (they share the executor's caches).
    let isParallelSafe: Bool
}

/// Serialises calls into a join hash table, whose probe keeps lookup caches.
final class ProbeLock: @unchecked Sendable {
    private let mutex = Mutex<Void>(())
    func run<T>(_ body: () -> T) -> T { mutex.withLock { _ in body() } }
}

extension Executor {
    func makeChunkSource(_ plan: LogicalPlan) throws(QueryError) -> ChunkSource {
        let size = Executor.chunkSize
        switch plan {
        case .scan(let source, let columns):
            let table = source.table
            let count = (table.rowCount + size - 1) / size
            let progress = progress
            return ChunkSource(
                count: count,
                produce: { (index) throws(QueryError) in
                    let range = (index * size)..<min(table.rowCount, (index + 1) * size)
                    progress.scanned(rows: range.count)
                    return Relation(columns: columns.map { table.columns[$0].slice(range) }, rowCount: range.count)
                }, isParallelSafe: true)
        case .filter(let input, let predicate):
            let inner = try makeChunkSource(input)
            return ChunkSource(
                count: inner.count,
                produce: { (index) throws(QueryError) in
                    let chunk = try inner.produce(index)
                    if chunk.rowCount == 0 { return chunk }
                    let rows = try self.selection(predicate, chunk)
                    return rows.count == chunk.rowCount ? chunk : chunk.gather(rows)
                }, isParallelSafe: inner.isParallelSafe && !predicate.hasSubquery)
        case .project(let input, let expressions):
            let inner = try makeChunkSource(input)
            return ChunkSource(
                count: inner.count,
                produce: { (index) throws(QueryError) in
                    let chunk = try inner.produce(index)
                    var columns: [Column] = []
                    for e in expressions { columns.append(try self.evaluate(e, chunk)) }
                    return Relation(columns: columns, rowCount: chunk.rowCount)
                }, isParallelSafe: inner.isParallelSafe && !expressions.contains { $0.hasSubquery })
        case .join(let spec) where spec.kind == .inner && !spec.leftKeys.isEmpty:
            // Build on the side expected to be smaller, stream the other through the hash table.
            let streamLeft = Executor.estimatedRows(spec.left) >= Executor.estimatedRows(spec.right)
            let build = try execute(streamLeft ? spec.right : spec.left)
            var buildKeys: [Column] = []
            for key in streamLeft ? spec.rightKeys : spec.leftKeys { buildKeys.append(try evaluate(key, build)) }
            let table = JoinHashTable(buildKeys: buildKeys)
            let lock = ProbeLock()
            let probeKeyExpressions = streamLeft ? spec.leftKeys : spec.rightKeys
            let leftWidth = spec.left.outputTypes.count
            let outputs = spec.output ?? Array(0..<(leftWidth + spec.right.outputTypes.count))
            let inner = try makeChunkSource(streamLeft ? spec.left : spec.right)
            let safe =
                inner.isParallelSafe && !probeKeyExpressions.contains { $0.hasSubquery }
                && !(spec.residual?.hasSubquery ?? false)
            return ChunkSource(
                count: inner.count,
                produce: { (index) throws(QueryError) in
                    let chunk = try inner.produce(index)
                    var probeKeys: [Column] = []
                    for key in probeKeyExpressions { probeKeys.append(try self.evaluate(key, chunk)) }
                    guard let pairs = lock.run({ table.probe(probeKeys, limit: Executor.maximumCrossPairs) }) else {
                        throw Executor.tooManyPairs()
                    }
                    let (left, right) = streamLeft ? (chunk, build) : (build, chunk)
                    var (leftRows, rightRows) =
                        streamLeft ? (pairs.probeRows, pairs.buildRows) : (pairs.buildRows, pairs.probeRows)
                    if let residual = spec.residual, !leftRows.isEmpty {
                        (leftRows, rightRows) = try self.applyResidual(
                            residual, left: left, right: right, leftRows, rightRows)
                    }
                    return Executor.joinedRelation(
                        outputs, left: left, right: right, leftRows, rightRows, optionalRight: false)
                }, isParallelSafe: safe)
        default:
            // Materialised, then handed out in chunks: an aggregate over a large join checks for Ctrl-C
            // between them and shares them among workers.
            let whole = try execute(plan)
            let size = Executor.chunkSize
            guard whole.rowCount > size else {
                return ChunkSource(
                    count: whole.rowCount == 0 ? 0 : 1, produce: { (_) throws(QueryError) in whole },
                    isParallelSafe: true)
            }
            return ChunkSource(
                count: (whole.rowCount + size - 1) / size,
                produce: { (index) throws(QueryError) in
                    let rows = index * size..<min(whole.rowCount, (index + 1) * size)
                    return Relation(columns: whole.columns.map { $0.slice(rows) }, rowCount: rows.count)
                }, isParallelSafe: true)
        }
    }
}
