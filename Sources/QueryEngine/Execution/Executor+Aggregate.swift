import Columnar
import Kernels

extension Executor {
    /// Hash aggregation: dense group ids from `GroupIndex`, one grouped accumulator per aggregate call.
    /// Without GROUP BY there is exactly one group, even over no rows (so `count(*)` is 0, `sum` NULL).
    func executeAggregate(
        _ input: Relation, groups: [BoundExpression], aggregates: [BoundAggregate]
    ) throws(QueryError) -> Relation {
        var ids: [UInt32]
        var groupCount: Int
        var keyColumns: [Column] = []
        if groups.isEmpty {
            ids = [UInt32](repeating: 0, count: input.rowCount)
            groupCount = 1
        } else {
            var keys: [Column] = []
            for g in groups { keys.append(try evaluate(g, input)) }
            let index = GroupIndex(keyTypes: keys.map(\.type))
            ids = index.groupIDs(for: keys)
            groupCount = index.groupCount
            keyColumns = index.keyColumns()
        }
        try interruption.check()
        var results: [Column] = []
        for aggregate in aggregates {
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
            let accumulator = aggregate.overload.makeAccumulator(aggregate.distinct)
            do {
                try groupIDs.withUnsafeBufferPointer { (buffer) throws(KernelError) in
                    try accumulator.update(groups: buffer, arguments: arguments)
                }
                results.append(try accumulator.finalize(groupCount: groupCount))
            } catch {
                throw QueryError(error, range: nil)
            }
            try interruption.check()
        }
        return Relation(columns: keyColumns + results, rowCount: groupCount)
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
