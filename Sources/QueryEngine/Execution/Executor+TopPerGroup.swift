import Columnar
import Kernels

extension Executor {
    /// `filter(window(row_number() OVER (PARTITION BY p ORDER BY o)), rn <= k AND ...)` — the top-N per
    /// group of a `WHERE rn <= k` over a subquery, or a QUALIFY — run without numbering every row: the k
    /// first rows of each partition are selected in one pass (`TopPerGroup`), numbered, and the whole
    /// predicate is then applied to them. Rows of a higher number could never pass `rn <= k`. Returns nil
    /// when the plan is not of that shape (nothing has run then); when most rows would be kept anyway, the
    /// ordinary window evaluation runs here on the input already computed.
    func executeTopPerGroup(_ input: LogicalPlan, predicate: BoundExpression) throws(QueryError) -> Relation? {
        guard case .window(let below, let windows) = input, windows.count == 1 else { return nil }
        let window = windows[0]
        guard case .ranking(let name) = window.function, name == "row_number", window.arguments.isEmpty,
            !window.partitionBy.isEmpty, window.orderBy.count == 1,
            let k = Executor.rowNumberBound(predicate, column: below.outputTypes.count)
        else { return nil }
        let relation = try execute(below)
        var partitions: [Column] = []
        for p in window.partitionBy { partitions.append(try evaluate(p, relation)) }
        let order = window.orderBy[0]
        let key = SortKey(
            column: try evaluate(order.expression, relation), ascending: order.ascending,
            nullsFirst: order.nullsFirst)
        let index = GroupIndex(keyTypes: partitions.map(\.type))
        let ids = try groupIDs(index, Relation(columns: partitions, rowCount: relation.rowCount))
        // When most rows survive anyway, the full evaluation is as cheap.
        guard index.groupCount * k * 2 <= relation.rowCount,
            let (rows, numbers) = TopPerGroup.select(
                partitions: ids, partitionCount: index.groupCount, order: key, keep: k,
                cancellation: interruption.cancellation)
        else {
            try interruption.check()
            let windowed = try executeWindows(relation, windows)
            let passing = try selection(predicate, windowed)
            return passing.count == windowed.rowCount ? windowed : windowed.gather(passing)
        }
        var kept = relation.gather(rows)
        kept.columns.append(Column(.bigint(numbers)))
        let passing = try selection(predicate, kept)
        return passing.count == kept.rowCount ? kept : kept.gather(passing)
    }

    /// The k of a predicate conjunct `column <= k`, `column < k + 1`, `column = 1`, `k >= column` on the
    /// row_number column (the smallest when several), or nil.
    static func rowNumberBound(_ predicate: BoundExpression, column: Int) -> Int? {
        var bound: Int?
        for conjunct in predicate.conjuncts {
            guard case .call(let op, _, let args, _) = conjunct, args.count == 2 else { continue }
            var k: Int?
            switch (args[0], args[1]) {
            case (.column(let c, _), .constant(.bigint(let v), _)) where c == column:
                switch op {
                case "<=": k = Int(v)
                case "<": k = Int(v) - 1
                case "=" where v == 1: k = 1
                default: break
                }
            case (.constant(.bigint(let v), _), .column(let c, _)) where c == column:
                switch op {
                case ">=": k = Int(v)
                case ">": k = Int(v) - 1
                case "=" where v == 1: k = 1
                default: break
                }
            default: break
            }
            if let k { bound = min(bound ?? k, max(k, 0)) }
        }
        guard let bound, bound <= 1024 else { return nil }
        return bound
    }
}
