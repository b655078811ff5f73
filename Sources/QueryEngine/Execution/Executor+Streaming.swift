import Columnar
import Kernels

extension Executor {
    /// Rows a chunk holds when operators stream (scans, filters, projections, inner hash joins).
    static let chunkSize = 1 << 17

    /// Feeds `plan`'s rows to `body` chunk by chunk, so a big scan → filter → join pipeline never
    /// materialises its whole intermediate result. Operators that need all their input run whole.
    func forEachChunk(
        _ plan: LogicalPlan, _ body: (Relation) throws(QueryError) -> Void
    ) throws(QueryError) {
        switch plan {
        case .scan(let source, let columns):
            let count = source.table.rowCount
            var start = 0
            while start < count {
                try interruption.check()
                let end = min(count, start + Executor.chunkSize)
                let chunk = Relation(
                    columns: columns.map { source.table.columns[$0].slice(start..<end) }, rowCount: end - start)
                try body(chunk)
                start = end
            }
        case .filter(let input, let predicate):
            try forEachChunk(input) { (chunk) throws(QueryError) in
                let rows = try selection(predicate, chunk)
                if rows.isEmpty { return }
                try body(rows.count == chunk.rowCount ? chunk : chunk.gather(rows))
            }
        case .project(let input, let expressions):
            try forEachChunk(input) { (chunk) throws(QueryError) in
                var columns: [Column] = []
                for e in expressions { columns.append(try evaluate(e, chunk)) }
                try body(Relation(columns: columns, rowCount: chunk.rowCount))
            }
        case .join(let spec) where spec.kind == .inner && !spec.leftKeys.isEmpty:
            // Build on the side expected to be smaller, stream the other through the hash table.
            let streamLeft = Executor.estimatedRows(spec.left) >= Executor.estimatedRows(spec.right)
            let build = try execute(streamLeft ? spec.right : spec.left)
            var buildKeys: [Column] = []
            for key in streamLeft ? spec.rightKeys : spec.leftKeys { buildKeys.append(try evaluate(key, build)) }
            let table = JoinHashTable(buildKeys: buildKeys)
            let probeKeyExpressions = streamLeft ? spec.leftKeys : spec.rightKeys
            let leftWidth = spec.left.outputTypes.count
            let outputs = spec.output ?? Array(0..<(leftWidth + spec.right.outputTypes.count))
            try forEachChunk(streamLeft ? spec.left : spec.right) { (chunk) throws(QueryError) in
                var probeKeys: [Column] = []
                for key in probeKeyExpressions { probeKeys.append(try evaluate(key, chunk)) }
                let pairs = table.probe(probeKeys)
                if pairs.probeRows.isEmpty { return }
                let (left, right) = streamLeft ? (chunk, build) : (build, chunk)
                var (leftRows, rightRows) =
                    streamLeft ? (pairs.probeRows, pairs.buildRows) : (pairs.buildRows, pairs.probeRows)
                if let residual = spec.residual {
                    (leftRows, rightRows) = try applyResidual(residual, left: left, right: right, leftRows, rightRows)
                    if leftRows.isEmpty { return }
                }
                try body(Executor.joinedRelation(outputs, left: left, right: right, leftRows, rightRows, optionalRight: false))
            }
        default:
            let whole = try execute(plan)
            if whole.rowCount > 0 { try body(whole) }
        }
    }

    /// A rough row count for choosing the build side: scans know theirs; the rest pass it up.
    static func estimatedRows(_ plan: LogicalPlan) -> Int {
        switch plan {
        case .scan(let source, _): source.table.rowCount
        case .values(let rows, _): rows.count
        case .filter(let input, _), .project(let input, _), .window(let input, _), .sort(let input, _, _),
            .limit(let input, _, _), .distinct(let input), .aggregate(let input, _, _):
            estimatedRows(input)
        case .join(let spec): max(estimatedRows(spec.left), estimatedRows(spec.right))
        case .setOperation(_, _, let l, let r): estimatedRows(l) + estimatedRows(r)
        }
    }
}
