import QueryLanguage

/// `x op ANY (subquery)` and `x op ALL (subquery)`, with SQL's three-valued logic as in DuckDB.
///
/// `= ANY` is `IN` and `<> ALL` is `NOT IN`. `x op ALL (s)` is `NOT (x op' ANY (s))` with `op'` the
/// opposite comparison (exact in three-valued logic). The other `ANY` forms are rewritten over the
/// subquery's column `v`: false for no rows; true when `x` compares true with `max(v)` (for `<`, `<=`),
/// `min(v)` (for `>`, `>=`), or either (for `<>`); otherwise NULL when `x` or some `v` is NULL; else false.
extension ExpressionBinder {
    func bindQuantified(
        _ operand: Expression, _ op: BinaryOperator, _ query: Query, all: Bool, range: SourceRange
    ) throws(QueryError) -> BoundExpression {
        let (bound, _) = try binder.bindSubquery(query, outerScope: scope)
        guard bound.names.count == 1 else {
            throw QueryError(
                .invalidQuery, "Subquery returns \(bound.names.count) columns - expected 1", range: query.range)
        }
        switch (op, all) {
        case (.equal, false): return try bindInSubquery(operand, query, negated: false, range: range)
        case (.notEqual, true): return try bindInSubquery(operand, query, negated: true, range: range)
        default: break
        }
        guard let anyOp = all ? ExpressionBinder.opposite(op) : op else {
            throw QueryError(
                .invalidQuery, "\(op.rawValue) \(all ? "ALL" : "ANY") needs a comparison operator", range: range)
        }
        let any = try bind(ExpressionBinder.quantifiedAny(operand, anyOp, query, range: range))
        return all ? try call("not", [any], range: range) : any
    }

    private static func opposite(_ op: BinaryOperator) -> BinaryOperator? {
        switch op {
        case .equal: .notEqual
        case .notEqual: .equal
        case .less: .greaterOrEqual
        case .lessOrEqual: .greater
        case .greater: .lessOrEqual
        case .greaterOrEqual: .less
        default: nil
        }
    }

    /// The CASE expression described above, for `op` other than `=`.
    private static func quantifiedAny(
        _ x: Expression, _ op: BinaryOperator, _ query: Query, range r: SourceRange
    ) -> Expression {
        func e(_ kind: Expression.Kind) -> Expression { Expression(kind, r) }
        let relation = TableReference.subquery(query, alias: "#quantified", columnAliases: ["v"], range: r)
        let v = e(.column(parts: ["#quantified", "v"], quoted: [true, true]))
        func over(_ item: Expression, where condition: Expression? = nil) -> Query {
            Query(
                body: .select(
                    Select(items: [.expression(item, alias: nil)], from: [relation], whereClause: condition, range: r)),
                range: r)
        }
        func aggregate(_ name: String) -> Expression {
            e(.subquery(over(e(.function(FunctionCall(name: name, nameRange: r, arguments: [v]))))))
        }
        let test: Expression
        switch op {
        case .less, .lessOrEqual: test = e(.binary(op, x, aggregate("max")))
        case .greater, .greaterOrEqual: test = e(.binary(op, x, aggregate("min")))
        default:
            test = e(.binary(.or, e(.binary(op, x, aggregate("min"))), e(.binary(op, x, aggregate("max")))))
        }
        let unknown = e(
            .binary(
                .or, e(.isNull(x, negated: false)),
                e(.exists(over(e(.literal(.integer("1"))), where: e(.isNull(v, negated: false))), negated: false))))
        return e(
            .caseWhen(
                operand: nil,
                branches: [
                    WhenClause(condition: e(.exists(query, negated: true)), result: e(.literal(.boolean(false)))),
                    WhenClause(condition: test, result: e(.literal(.boolean(true)))),
                    WhenClause(condition: unknown, result: e(.literal(.null))),
                ],
                otherwise: e(.literal(.boolean(false)))))
    }
}
