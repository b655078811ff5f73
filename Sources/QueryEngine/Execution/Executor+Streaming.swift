import Columnar
import Kernels

extension Executor {
    /// Rows a chunk holds when operators stream (scans, filters, projections, inner hash joins).
    static let chunkSize = 1 << 17
    /// Threads for parallel aggregation (the machine has two cores).
    static let workerCount = 2

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
