import Columnar

/// Removes columns nobody reads: scans read only the columns used above them, projections drop unused
/// expressions, and joins carry only what their parents need — so big tables are never gathered whole.
enum ColumnPruning {
    /// The plan producing (at least) the `required` outputs of `plan`, and where each surviving old output
    /// column now sits.
    static func prune(_ plan: LogicalPlan, required: Set<Int>) -> (LogicalPlan, [Int: Int]) {
        switch plan {
        case .scan(let source, let columns):
            let kept = required.sorted()
            return (.scan(source, columns: kept.map { columns[$0] }), positions(kept))
        case .values:
            return (plan, identity(plan.outputTypes.count))
        case .filter(let input, let predicate):
            let need = required.union(predicate.referencedColumns)
            let (pruned, mapping) = prune(input, required: need)
            let filtered = LogicalPlan.filter(pruned, predicate: predicate.remapColumns { mapping[$0]! })
            return narrow(filtered, mapping: mapping, to: required)
        case .project(let input, let exprs):
            let kept = required.sorted()
            var need = Set<Int>()
            for i in kept { need.formUnion(exprs[i].referencedColumns) }
            let (pruned, mapping) = prune(input, required: need)
            return (.project(pruned, kept.map { exprs[$0].remapColumns { mapping[$0]! } }), positions(kept))
        case .join(var spec):
            let leftWidth = spec.left.outputTypes.count
            var need = required
            for key in spec.leftKeys { need.formUnion(key.referencedColumns) }
            for key in spec.rightKeys { need.formUnion(key.referencedColumns.map { $0 + leftWidth }) }
            if let residual = spec.residual { need.formUnion(residual.referencedColumns) }
            let (left, leftMap) = prune(spec.left, required: Set(need.filter { $0 < leftWidth }))
            let (right, rightMap) = prune(
                spec.right, required: Set(need.filter { $0 >= leftWidth }.map { $0 - leftWidth }))
            let newLeftWidth = left.outputTypes.count
            var mapping: [Int: Int] = [:]
            for (old, new) in leftMap { mapping[old] = new }
            for (old, new) in rightMap { mapping[old + leftWidth] = new + newLeftWidth }
            spec.leftKeys = spec.leftKeys.map { $0.remapColumns { leftMap[$0]! } }
            spec.rightKeys = spec.rightKeys.map { $0.remapColumns { rightMap[$0]! } }
            spec.residual = spec.residual?.remapColumns { mapping[$0]! }
            spec.left = left
            spec.right = right
            let kept = required.sorted()
            spec.output = kept.map { mapping[$0]! }
            return (.join(spec), positions(kept))
        case .aggregate(let input, let groups, let aggregates):
            var need = Set<Int>()
            for g in groups { need.formUnion(g.referencedColumns) }
            for a in aggregates {
                for e in a.arguments { need.formUnion(e.referencedColumns) }
                if let f = a.filter { need.formUnion(f.referencedColumns) }
                for o in a.orderBy { need.formUnion(o.expression.referencedColumns) }
            }
            let (pruned, mapping) = prune(input, required: need)
            let remap: (Int) -> Int = { mapping[$0]! }
            let newAggregates = aggregates.map { a in
                var copy = a
                copy.arguments = a.arguments.map { $0.remapColumns(remap) }
                copy.filter = a.filter?.remapColumns(remap)
                copy.orderBy = a.orderBy.map {
                    BoundOrder(
                        expression: $0.expression.remapColumns(remap), ascending: $0.ascending,
                        nullsFirst: $0.nullsFirst)
                }
                return copy
            }
            return (
                .aggregate(pruned, groups: groups.map { $0.remapColumns(remap) }, aggregates: newAggregates),
                identity(groups.count + aggregates.count)
            )
        case .window(let input, let windows):
            let inputWidth = input.outputTypes.count
            var need = Set(required.filter { $0 < inputWidth })
            for w in windows {
                for e in w.arguments + w.partitionBy + w.orderBy.map(\.expression) {
                    need.formUnion(e.referencedColumns)
                }
            }
            let (pruned, mapping) = prune(input, required: need)
            let remap: (Int) -> Int = { mapping[$0]! }
            let newWindows = windows.map { w in
                var copy = w
                copy.arguments = w.arguments.map { $0.remapColumns(remap) }
                copy.partitionBy = w.partitionBy.map { $0.remapColumns(remap) }
                copy.orderBy = w.orderBy.map {
                    BoundOrder(
                        expression: $0.expression.remapColumns(remap), ascending: $0.ascending,
                        nullsFirst: $0.nullsFirst)
                }
                return copy
            }
            var outMapping = mapping
            let newWidth = pruned.outputTypes.count
            for k in windows.indices { outMapping[inputWidth + k] = newWidth + k }
            return (.window(pruned, newWindows), outMapping)
        case .sort(let input, let orders, let limit):
            var need = required
            for o in orders { need.formUnion(o.expression.referencedColumns) }
            let (pruned, mapping) = prune(input, required: need)
            let sorted = LogicalPlan.sort(
                pruned,
                orders.map {
                    BoundOrder(
                        expression: $0.expression.remapColumns { mapping[$0]! }, ascending: $0.ascending,
                        nullsFirst: $0.nullsFirst)
                },
                limit: limit)
            return narrow(sorted, mapping: mapping, to: required)
        case .limit(let input, let limit, let offset):
            let (pruned, mapping) = prune(input, required: required)
            return (.limit(pruned, limit: limit, offset: offset), mapping)
        case .distinct(let input):
            let width = input.outputTypes.count
            let (pruned, _) = prune(input, required: Set(0..<width))
            return (.distinct(pruned), identity(width))
        case .setOperation(let op, let all, let l, let r):
            let width = l.outputTypes.count
            let (left, _) = prune(l, required: Set(0..<width))
            let (right, _) = prune(r, required: Set(0..<width))
            return (.setOperation(op, all: all, left, right), identity(width))
        }
    }

    /// A projection down to exactly `required` when the plan carries more (columns only its own
    /// condition needed).
    private static func narrow(_ plan: LogicalPlan, mapping: [Int: Int], to required: Set<Int>) -> (
        LogicalPlan, [Int: Int]
    ) {
        let width = plan.outputTypes.count
        guard required.count < width else { return (plan, mapping) }
        let kept = required.sorted()
        let types = plan.outputTypes
        return (.project(plan, kept.map { .column(mapping[$0]!, types[mapping[$0]!]) }), positions(kept))
    }

    private static func positions(_ kept: [Int]) -> [Int: Int] {
        var map: [Int: Int] = [:]
        for (new, old) in kept.enumerated() { map[old] = new }
        return map
    }

    private static func identity(_ width: Int) -> [Int: Int] {
        var map: [Int: Int] = [:]
        for i in 0..<width { map[i] = i }
        return map
    }
}
