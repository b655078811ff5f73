import Columnar
import Kernels

extension Executor {
    /// Hash aggregation over the input's chunks: dense group ids from one `GroupIndex`, one grouped
    /// accumulator per aggregate call, updated chunk by chunk. Without GROUP BY there is exactly one group,
    /// even over no rows (so `count(*)` is 0, `sum` NULL).
    func executeAggregate(
        _ input: LogicalPlan, groups: [BoundExpression], aggregates: [BoundAggregate]
    ) throws(QueryError) -> Relation {
        let index = groups.isEmpty ? nil : GroupIndex(keyTypes: groups.map(\.type))
        let accumulators = aggregates.map { $0.overload.makeAccumulator($0.distinct) }
        let consume = { (chunk: Relation) throws(QueryError) -> Void in
            try self.aggregateChunk(chunk, groups: groups, aggregates: aggregates, index: index, accumulators: accumulators)
        }
        if aggregates.contains(where: { !$0.orderBy.isEmpty }) {
            try consume(try execute(input))  // ordered aggregates see all rows in one sorted pass
        } else {
            try forEachChunk(input, consume)
        }
        let groupCount = index?.groupCount ?? 1
        var columns = index?.keyColumns() ?? []
        do {
            for accumulator in accumulators { columns.append(try accumulator.finalize(groupCount: groupCount)) }
        } catch {
            throw QueryError(error, range: nil)
        }
        return Relation(columns: columns, rowCount: groupCount)
    }

    private func aggregateChunk(
        _ input: Relation, groups: [BoundExpression], aggregates: [BoundAggregate], index: GroupIndex?,
        accumulators: [any GroupedAccumulator]
    ) throws(QueryError) {
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
                    SortKey(column: try evaluate(o.expression, input), ascending: o.ascending, nullsFirst: o.nullsFirst))
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
                        rowCount: input.rowCount))
            } catch {
                throw QueryError(error, range: nil)
            }
            try interruption.check()
        }
        return output
    }
}
