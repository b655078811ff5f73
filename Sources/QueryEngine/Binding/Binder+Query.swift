import Columnar
import QueryLanguage

extension Binder {
    /// Binds a full query (`WITH`, body, `ORDER BY`, `LIMIT`/`OFFSET`). `outer` links a subquery to
    /// the query it is nested in.
    func bindQuery(_ query: Query, outer: OuterReference?) throws(QueryError) -> BoundQuery {
        queryDepth += 1
        defer { queryDepth -= 1 }
        guard queryDepth <= Binder.maximumQueryNesting else {
            throw QueryError(
                .invalidQuery,
                "query nested too deeply (more than \(Binder.maximumQueryNesting) views, common table expressions or subqueries inside one another)",
                range: query.range)
        }
        let bound = try bindQueryBody(query, outer: outer)
        if queryDepth == 1, bound.plan.height > Binder.maximumPlanHeight {
            throw QueryError(
                .invalidQuery,
                "query too deep to run (its plan has a chain of more than \(Binder.maximumPlanHeight) operators, e.g. common table expressions each reading the last)",
                range: query.range)
        }
        return bound
    }

    private func bindQueryBody(_ query: Query, outer: OuterReference?) throws(QueryError) -> BoundQuery {
        commonTables.append([:])
        defer { commonTables.removeLast() }
        for cte in query.with {
            var bound = try bindQuery(cte.query, outer: outer)
            if !cte.columnNames.isEmpty {
                guard cte.columnNames.count <= bound.names.count else {
                    throw QueryError(
                        .invalidQuery,
                        "table \"\(cte.name)\" has \(bound.names.count) columns available but \(cte.columnNames.count) columns specified",
                        range: cte.range)
                }
                bound.names.replaceSubrange(0..<cte.columnNames.count, with: cte.columnNames)
            }
            commonTables[commonTables.count - 1][cte.name.lowercased()] = bound
        }
        let limit = try query.limit.map { (e) throws(QueryError) in try constantInteger(e, what: "LIMIT") }
        let offset = try query.offset.map { (e) throws(QueryError) in try constantInteger(e, what: "OFFSET") } ?? 0

        var result: BoundQuery
        var visible: Int
        if case .select(let select) = query.body {
            (result, visible) = try bindSelect(select, orderBy: query.orderBy, outer: outer)
        } else {
            result = try bindBody(query.body, outer: outer)
            visible = result.names.count
            if !query.orderBy.isEmpty {
                result.plan = .sort(
                    result.plan, try bindOutputOrder(query.orderBy, of: result, outer: outer), limit: nil)
            }
        }
        if limit != nil || offset > 0 {
            if case .sort(let input, let keys, nil) = result.plan, let limit {
                let (sum, overflow) = limit.addingReportingOverflow(offset)
                result.plan = .sort(input, keys, limit: overflow ? nil : sum)
            }
            result.plan = .limit(result.plan, limit: limit, offset: offset)
        }
        if visible < result.names.count {
            let types = result.plan.outputTypes
            result.plan = .project(result.plan, (0..<visible).map { .column($0, types[$0]) })
            result.names = Array(result.names.prefix(visible))
        }
        return result
    }

    /// A subquery used as an expression, and the enclosing columns it reads.
    func bindSubquery(_ query: Query, outerScope: Scope) throws(QueryError) -> (BoundQuery, [Int]) {
        let reference = OuterReference(scope: outerScope)
        let bound = try bindQuery(query, outer: reference)
        return (bound, reference.columns)
    }

    func bindBody(_ body: QueryBody, outer: OuterReference?) throws(QueryError) -> BoundQuery {
        switch body {
        case .select(let select):
            return try bindSelect(select, orderBy: [], outer: outer).0
        case .nested(let query):
            return try bindQuery(query, outer: outer)
        case .values(let rows, let range):
            return try bindValues(rows, range: range, outer: outer)
        case .setOperation(let op, let all, let lhs, let rhs):
            var left = try bindBody(lhs, outer: outer)
            var right = try bindBody(rhs, outer: outer)
            guard left.names.count == right.names.count else {
                throw QueryError(
                    .invalidQuery,
                    "Set operations can only apply to expressions with the same number of result columns",
                    range: nil)
            }
            let leftTypes = left.plan.outputTypes
            let rightTypes = right.plan.outputTypes
            let leftNulls = Binder.nullOnlyColumns(left.plan)
            let rightNulls = Binder.nullOnlyColumns(right.plan)
            var types: [DataType] = []
            for (i, (a, b)) in zip(leftTypes, rightTypes).enumerated() {
                let common = TypeRules.commonSupertype(
                    leftNulls.contains(i) ? nil : a, rightNulls.contains(i) ? nil : b)
                guard let common, let type = common ?? Optional(a) else {
                    throw QueryError(
                        .typeMismatch,
                        "Cannot combine types \(a) and \(b) in \(op.rawValue) - an explicit cast is required")
                }
                types.append(type)
            }
            left.plan = Binder.castOutputs(left.plan, from: leftTypes, to: types, nullOnly: leftNulls)
            right.plan = Binder.castOutputs(right.plan, from: rightTypes, to: types, nullOnly: rightNulls)
            return BoundQuery(plan: .setOperation(op, all: all, left.plan, right.plan), names: left.names)
        }
    }

    static func castOutputs(
        _ plan: LogicalPlan, from: [DataType], to: [DataType], nullOnly: Set<Int> = []
    ) -> LogicalPlan {
        guard from != to else { return plan }
        return .project(
            plan,
            zip(from, to).enumerated().map { i, pair in
                if pair.0 == pair.1 { return .column(i, pair.0) }
                if nullOnly.contains(i) { return .constant(.null, pair.1) }
                return .cast(.column(i, pair.0), to: pair.1, isTry: false, range: SourceRange(0, 0))
            })
    }

    /// Output columns that hold only a NULL literal (they take the other side's type in a set operation).
    static func nullOnlyColumns(_ plan: LogicalPlan) -> Set<Int> {
        func isNull(_ e: BoundExpression) -> Bool {
            switch e {
            case .untypedNull, .constant(.null, _): true
            default: false
            }
        }
        switch plan {
        case .project(_, let exprs):
            return Set(exprs.indices.filter { isNull(exprs[$0]) })
        case .values(let rows, let types):
            return Set(types.indices.filter { c in rows.allSatisfy { isNull($0[c]) } })
        case .sort(let input, _, _), .limit(let input, _, _), .distinct(let input):
            return nullOnlyColumns(input)
        case .setOperation(_, _, let l, let r):
            return nullOnlyColumns(l).intersection(nullOnlyColumns(r))
        default:
            return []
        }
    }

    private func bindValues(
        _ rows: [[Expression]], range: SourceRange, outer: OuterReference?
    ) throws(QueryError) -> BoundQuery {
        let binder = ExpressionBinder(binder: self, scope: Scope(entries: [], outer: outer), clause: "VALUES")
        guard let width = rows.first?.count else {
            throw QueryError(.invalidQuery, "VALUES needs at least one row", range: range)
        }
        var bound: [[BoundExpression]] = []
        for row in rows {
            guard row.count == width else {
                throw QueryError(.invalidQuery, "VALUES lists must all be the same length", range: range)
            }
            var values: [BoundExpression] = []
            for e in row { values.append(try binder.bind(e)) }
            bound.append(values)
        }
        var types: [DataType] = []
        for column in 0..<width {
            var type: DataType? = nil
            for row in bound {
                var common = TypeRules.commonSupertype(type, row[column].resolutionType)
                if common == nil, type == .varchar || row[column].type == .varchar { common = .varchar }
                guard let next = common else {
                    throw QueryError(
                        .typeMismatch,
                        "Cannot mix values of type \(type!) and \(row[column].type) in VALUES column \(column + 1)",
                        range: range)
                }
                type = next
            }
            types.append(type ?? .bigint)
        }
        for r in bound.indices {
            for c in 0..<width {
                bound[r][c] = try implicitCast(bound[r][c], to: types[c], range: range, explicitAllowed: true)
            }
        }
        return BoundQuery(plan: .values(rows: bound, types: types), names: (0..<width).map { "col\($0)" })
    }

    /// ORDER BY over a finished result (after a set operation or VALUES): ordinals and output names.
    private func bindOutputOrder(
        _ items: [OrderItem], of result: BoundQuery, outer: OuterReference?
    ) throws(QueryError) -> [BoundOrder] {
        let types = result.plan.outputTypes
        let scope = Scope(
            entries: zip(result.names, types).map { Scope.Entry(qualifier: nil, name: $0, type: $1) }, outer: outer)
        let binder = ExpressionBinder(binder: self, scope: scope, clause: "ORDER BY")
        var orders: [BoundOrder] = []
        for item in Binder.expandingOrderAll(items, width: types.count) {
            let expression: BoundExpression
            if case .literal(.integer(let text)) = item.expression.kind, let n = Int(text) {
                guard n >= 1, n <= types.count else {
                    throw QueryError(
                        .invalidQuery, "ORDER term out of range - should be between 1 and \(types.count)",
                        range: item.expression.range)
                }
                expression = .column(n - 1, types[n - 1])
            } else {
                expression = try binder.bind(item.expression)
            }
            orders.append(
                BoundOrder(expression: expression, ascending: item.ascending, nullsFirst: item.nullsFirst ?? false))
        }
        return orders
    }
}
