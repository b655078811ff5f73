import Kernels
import Columnar
import QueryLanguage

extension Binder {
    /// `DISTINCT ON (keys)`: the first row of each key in the query's ORDER BY order, as DuckDB. Planned as
    /// `row_number() OVER (PARTITION BY keys ORDER BY ...) = 1` over the projected columns, then the
    /// row number is dropped (the query's own sort follows).
    func firstRowPerKey(
        _ plan: LogicalPlan, keys: [Int], order: [(index: Int, ascending: Bool, nullsFirst: Bool)],
        types: [DataType], binder: ExpressionBinder, range: SourceRange
    ) throws(QueryError) -> LogicalPlan {
        let orders = order.map {
            BoundOrder(
                expression: .column($0.index, types[$0.index]), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
        }
        guard let numberType = WindowEvaluation.resultType(ofRanking: "row_number", argumentTypes: []) else {
            return .distinct(plan)
        }
        let rowNumber = BoundWindow(
            name: "row_number", function: .ranking("row_number"), arguments: [],
            partitionBy: keys.map { .column($0, types[$0]) }, orderBy: orders,
            frame: FrameSpecification.default(hasOrderBy: !orders.isEmpty), type: numberType)
        let first = try binder.compare(
            "=", .column(types.count, numberType), .constant(.bigint(1), .bigint), range: range)
        let filtered = LogicalPlan.filter(.window(plan, [rowNumber]), predicate: first)
        return .project(filtered, types.enumerated().map { .column($0.offset, $0.element) })
    }
}
