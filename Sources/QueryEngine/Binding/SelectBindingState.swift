import Spelling
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
    /// The SELECT's `WINDOW` clause, by lower-case name.
    var named: [String: NamedWindow] = [:]

    init(inputWidth: Int) { self.inputWidth = inputWidth }

    /// `spec` with the named window it builds on (`OVER w`, `OVER (w ORDER BY x)`) filled in, as in
    /// DuckDB and PostgreSQL: the named window's PARTITION BY, its ORDER BY unless `spec` has one, and
    /// `spec`'s frame, else the named window's.
    func resolve(_ spec: WindowSpecification, range: SourceRange, depth: Int = 0) throws(QueryError)
        -> WindowSpecification
    {
        guard let name = spec.base else { return spec }
        guard let named = named[name.lowercased()] else {
            throw QueryError(
                .invalidQuery, "window \"\(name)\" does not exist", range: range,
                suggestions: Suggestions.closest(to: name.lowercased(), among: Array(self.named.keys)))
        }
        guard depth <= self.named.count else {
            throw QueryError(.invalidQuery, "window \"\(name)\" refers to itself", range: named.range)
        }
        let base = try resolve(named.specification, range: named.range, depth: depth + 1)
        // As in DuckDB and PostgreSQL: a window may add an ORDER BY and a frame to a named one, not replace them.
        if !spec.partitionBy.isEmpty {
            throw QueryError(
                .invalidQuery, "a window built on \"\(name)\" cannot have its own PARTITION BY", range: range)
        }
        if !spec.orderBy.isEmpty && !base.orderBy.isEmpty {
            throw QueryError(.invalidQuery, "cannot override the ORDER BY of window \"\(name)\"", range: range)
        }
        if base.frame != nil && spec.frame != nil {
            throw QueryError(
                .invalidQuery, "cannot build on window \"\(name)\": it has a frame clause (ROWS/RANGE)", range: range)
        }
        return WindowSpecification(
            partitionBy: base.partitionBy, orderBy: spec.orderBy.isEmpty ? base.orderBy : spec.orderBy,
            frame: spec.frame ?? base.frame)
    }
}

/// Binds expressions of one query level: names to column positions, functions to overloads, with
/// implicit casts and constant folding. With `aggregation` set it binds over the aggregate's output
/// (keys and aggregate results); with `windowing` set it extracts window calls.
