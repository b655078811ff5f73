import Columnar
import Dispatch
import Kernels
import Synchronization

extension Executor {
    /// Hash aggregation over the input's chunks: dense group ids from one `GroupIndex`, one grouped
    /// accumulator per aggregate call, updated chunk by chunk. Without GROUP BY there is exactly one group,
    /// even over no rows (so `count(*)` is 0, `sum` NULL).
    /// A first chunk of fewer rows says too little about the groups to come.
    static let highCardinalityProbeRows = 4_096

    func executeAggregate(
        _ input: LogicalPlan, groups: [BoundExpression], aggregates: [BoundAggregate]
    ) throws(QueryError) -> Relation {
        let orderedAggregates = aggregates.contains { !$0.orderBy.isEmpty }
        let expressionsAreSafe =
            !groups.contains { $0.hasSubquery }
            && !aggregates.contains { a in
                a.arguments.contains { $0.hasSubquery } || (a.filter?.hasSubquery ?? false)
            }
        let source: ChunkSource
        if orderedAggregates {
            // Ordered aggregates see all rows in one sorted pass.
            let whole = try execute(input)
            source = ChunkSource(count: 1, produce: { (_) throws(QueryError) in whole }, isParallelSafe: false)
        } else {
            source = try makeChunkSource(input)
        }
        var workers = source.isParallelSafe && expressionsAreSafe && source.count >= 4 ? Executor.workerCount : 1
        let partials = (0..<workers).map { _ in
            PartialAggregate(
                index: groups.isEmpty ? nil : GroupIndex(keyTypes: groups.map(\.type)),
                accumulators: aggregates.map { $0.overload.makeAccumulator($0.distinct) })
        }
        // The first chunk alone first, to see how many groups there will be. When most rows are groups of
        // their own (GROUP BY a row's whole identity), partial indexes per worker only add a merge that
        // hashes every group again, so the rest runs on one worker, its index sized for every row at once.
        // A first chunk of mostly new groups may also come from a domain somewhat smaller than the input
        // (100 000 keys over 10 M rows): the second chunk tells, by how many of its rows are new groups.
        var firstChunk = 0
        if let index = partials[0].index, source.count > 1 {
            try interruption.check()
            let chunk = try source.produce(0)
            if chunk.rowCount > 0 {
                try aggregateChunk(chunk, groups: groups, aggregates: aggregates, into: partials[0])
            }
            firstChunk = 1
            if chunk.rowCount >= Executor.highCardinalityProbeRows && index.groupCount * 2 > chunk.rowCount {
                var mostlyNew = true
                if workers > 1 && source.count > 2 {
                    try interruption.check()
                    let second = try source.produce(1)
                    let before = index.groupCount
                    if second.rowCount > 0 {
                        try aggregateChunk(second, groups: groups, aggregates: aggregates, into: partials[0])
                    }
                    firstChunk = 2
                    mostlyNew = (index.groupCount - before) * 2 > second.rowCount
                }
                if mostlyNew {
                    workers = 1
                    index.reserve(groups: Executor.estimatedRows(input))
                }
            }
        }
        if workers == 1 {
            for i in firstChunk..<source.count {
                try interruption.check()
                let chunk = try source.produce(i)
                if chunk.rowCount == 0 { continue }
                try aggregateChunk(chunk, groups: groups, aggregates: aggregates, into: partials[0])
            }
        } else {
            let next = Atomic<Int>(firstChunk)
            let failure = Mutex<QueryError?>(nil)
            let work = UncheckedWork {
                (worker: Int) in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    if i >= source.count || failure.withLock({ $0 != nil }) { return }
                    do throws(QueryError) {
                        try self.interruption.check()
                        let chunk = try source.produce(i)
                        if chunk.rowCount == 0 { continue }
                        try self.aggregateChunk(chunk, groups: groups, aggregates: aggregates, into: partials[worker])
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                        return
                    }
                }
            }
            DispatchQueue.concurrentPerform(iterations: workers) { work.run($0) }
            if let error = failure.withLock({ $0 }) { throw error }
            try PartialAggregate.merge(partials)
        }
        let result = partials[0]
        let groupCount = result.index?.groupCount ?? 1
        var columns = result.index?.keyColumns() ?? []
        do {
            for accumulator in result.accumulators { columns.append(try accumulator.finalize(groupCount: groupCount)) }
        } catch {
            throw QueryError(error, range: nil)
        }
        return Relation(columns: columns, rowCount: groupCount)
    }

    private func aggregateChunk(
        _ input: Relation, groups: [BoundExpression], aggregates: [BoundAggregate], into partial: PartialAggregate
    ) throws(QueryError) {
        let index = partial.index
        let accumulators = partial.accumulators
        let ids: [UInt32]
        if let index {
            var keys: [Column] = []
            for g in groups { keys.append(try evaluate(g, input)) }
            ids = index.groupIDs(for: keys)
        } else {
            ids = [UInt32](repeating: 0, count: input.rowCount)
        }
        for (aggregate, accumulator) in zip(aggregates, accumulators) {
            var arguments: [Column] = []
            for argument in aggregate.arguments { arguments.append(try evaluate(argument, input)) }
            var groupIDs = ids
            var rows: [Int32]? = nil
            if let filter = aggregate.filter { rows = try selection(filter, input) }
            if !aggregate.orderBy.isEmpty {
                var keys: [SortKey] = []
                for order in aggregate.orderBy {
                    keys.append(
                        SortKey(
                            column: try evaluate(order.expression, input), ascending: order.ascending,
                            nullsFirst: order.nullsFirst))
                }
                let permutation = Sorting.permutation(keys, rowCount: input.rowCount)
                if let selected = rows {
                    var keep = [Bool](repeating: false, count: input.rowCount)
                    for r in selected { keep[Int(r)] = true }
                    rows = permutation.filter { keep[Int($0)] }
                } else {
                    rows = permutation
                }
            }
            if let rows {
                groupIDs = rows.map { ids[Int($0)] }
                arguments = arguments.map { $0.gather(rows) }
            }
            do {
                try groupIDs.withUnsafeBufferPointer { (buffer) throws(KernelError) in
                    try accumulator.update(groups: buffer, arguments: arguments)
                }
            } catch {
                throw QueryError(error, range: nil)
            }
        }
    }

    func executeWindows(_ input: Relation, _ windows: [BoundWindow]) throws(QueryError) -> Relation {
        var output = input
        for window in windows {
            var partitions: [Column] = []
            for p in window.partitionBy { partitions.append(try evaluate(p, input)) }
            var orders: [SortKey] = []
            for o in window.orderBy {
                orders.append(
                    SortKey(column: try evaluate(o.expression, input), ascending: o.ascending, nullsFirst: o.nullsFirst)
                )
            }
            var arguments: [Column] = []
            for a in window.arguments { arguments.append(try evaluate(a, input)) }
            let computation: WindowComputation
            switch window.function {
            case .ranking(let name): computation = .ranking(name: name, arguments: arguments)
            case .aggregate(let overload, let distinct):
                computation = .aggregate(overload, arguments: arguments, distinct: distinct)
            }
            do {
                output.columns.append(
                    try WindowEvaluation.evaluate(
                        computation, partitionBy: partitions, orderBy: orders, frame: window.frame,
                        rowCount: input.rowCount, cancellation: interruption.cancellation))
            } catch {
                throw QueryError(error, range: nil)
            }
            try interruption.check()
        }
        return output
    }
}

/// One thread's share of an aggregation: its own group numbering and accumulators.
final class PartialAggregate: @unchecked Sendable {
    let index: GroupIndex?
    let accumulators: [any GroupedAccumulator]

    init(index: GroupIndex?, accumulators: [any GroupedAccumulator]) {
        self.index = index
        self.accumulators = accumulators
    }

    /// Folds every partial into the first: each partial's groups are renumbered into the first's index.
    static func merge(_ partials: [PartialAggregate]) throws(QueryError) {
        let target = partials[0]
        for partial in partials.dropFirst() {
            let mapping: [UInt32]
            if let index = partial.index, let targetIndex = target.index {
                mapping = index.groupCount == 0 ? [] : targetIndex.groupIDs(for: index.keyColumns())
            } else {
                mapping = [0]
            }
            do {
                try mapping.withUnsafeBufferPointer { (buffer) throws(KernelError) in
                    for (mine, theirs) in zip(target.accumulators, partial.accumulators) {
                        try mine.merge(theirs, mapping: buffer)
                    }
                }
            } catch {
                throw QueryError(error, range: nil)
            }
        }
    }
}

/// Work handed to `DispatchQueue.concurrentPerform`; the executor guarantees that what it touches is
/// either per-worker or read-only (no subqueries run in parallel sections).
struct UncheckedWork: @unchecked Sendable {
    let run: (Int) -> Void
}
