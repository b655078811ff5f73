import Columnar
import Kernels
import QueryLanguage

/// Per-query aggregation state: the GROUP BY keys and the aggregate calls found so far. The aggregate
/// node's output is the keys then the aggregates, so a call's result is column `groups.count + k`.
final class AggregationState {
    let base: ExpressionBinder
    var groups: [BoundExpression] = []
    var groupIndex: [String: Int] = [:]
    var aggregates: [BoundAggregate] = []
    var aggregateIndex: [String: Int] = [:]

    init(base: ExpressionBinder) { self.base = base }

    func addGroup(_ expression: BoundExpression) {
        let key = expression.fingerprint
        if groupIndex[key] == nil {
            groupIndex[key] = groups.count
            groups.append(expression)
        }
    }
}

/// Window calls found in a query level; the window node appends their results after `inputWidth` columns.
final class WindowState {
    let inputWidth: Int
    var windows: [BoundWindow] = []
    var index: [String: Int] = [:]

    init(inputWidth: Int) { self.inputWidth = inputWidth }
}

/// Binds expressions of one query level: names to column positions, functions to overloads, with
/// implicit casts and constant folding. With `aggregation` set it binds over the aggregate's output
/// (keys and aggregate results); with `windowing` set it extracts window calls.
