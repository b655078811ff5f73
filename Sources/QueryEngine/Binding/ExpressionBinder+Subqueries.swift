import Columnar
import Kernels
import QueryLanguage

/// Subqueries as expressions: scalar, `EXISTS`, `IN (SELECT ...)`, with the enclosing columns they read.
extension ExpressionBinder {
    /// A subquery and the enclosing columns it reads, as positions of this level's input. When
    /// aggregating, that input is the aggregate's output: each column the subquery reads must be a
    /// GROUP BY key (as a plain column reference must), and is read where the key comes out.
    func bindSubquery(_ query: Query, range: SourceRange) throws(QueryError) -> (BoundQuery, [Int]) {
        let (bound, correlated) = try binder.bindSubquery(query, outerScope: scope)
        guard aggregation != nil else { return (bound, correlated) }
        var grouped: [Int] = []
        for index in correlated {
            guard case .column(let key, _) = try bindInputColumn(index, range: range) else {
                preconditionFailure("an input column binds to a column")
            }
            grouped.append(key)
        }
        return (bound, grouped)
    }

    func bindInSubquery(
        _ operand: Expression, _ query: Query, negated: Bool, range: SourceRange
    ) throws(QueryError) -> BoundExpression {
        var left = try bind(operand)
        var (bound, correlated) = try bindSubquery(query, range: range)
        guard bound.names.count == 1 else {
            throw QueryError(
                .invalidQuery, "Subquery returns \(bound.names.count) columns - expected 1", range: query.range)
        }
        let rightType = bound.plan.outputTypes[0]
        guard let common = TypeRules.commonSupertype(left.resolutionType, rightType) else {
            throw mismatch("=", [left, .column(0, rightType)], range: range)
        }
        let type = common ?? .bigint
        left = try binder.implicitCast(left, to: type, range: range)
        if rightType != type {
            bound.plan = .project(bound.plan, [.cast(.column(0, rightType), to: type, isTry: false, range: range)])
        }
        guard let equal = binder.scalarFunctions["="]?.resolve([type, type]) else {
            throw mismatch("=", [left, left], range: range)
        }
        return .subquery(
            BoundSubquery(
                id: binder.nextSubqueryID(), kind: .inSubquery(negated: negated, comparison: equal), plan: bound.plan,
                operand: left, correlatedColumns: correlated, range: range, text: binder.text(range)))
    }

    func bindExists(_ query: Query, negated: Bool, range: SourceRange) throws(QueryError) -> BoundExpression {
        let (bound, correlated) = try bindSubquery(query, range: range)
        return .subquery(
            BoundSubquery(
                id: binder.nextSubqueryID(), kind: .exists(negated: negated), plan: bound.plan, operand: nil,
                correlatedColumns: correlated, range: range, text: binder.text(range)))
    }

    func bindScalarSubquery(_ query: Query, range: SourceRange) throws(QueryError) -> BoundExpression {
        let (bound, correlated) = try bindSubquery(query, range: range)
        guard bound.names.count == 1 else {
            throw QueryError(.invalidQuery, "Subquery returns \(bound.names.count) columns - expected 1", range: range)
        }
        return .subquery(
            BoundSubquery(
                id: binder.nextSubqueryID(), kind: .scalar, plan: bound.plan, operand: nil,
                correlatedColumns: correlated, range: range, text: binder.text(range)))
    }
}
