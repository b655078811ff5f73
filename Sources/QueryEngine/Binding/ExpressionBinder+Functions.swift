import Spelling
import Columnar
import Kernels
import QueryLanguage

extension ExpressionBinder {
    func bindFunction(_ f: FunctionCall, range: SourceRange) throws(QueryError) -> BoundExpression {
        let name = f.name.lowercased()
        if f.distinct || f.filter != nil {
            throw QueryError(.invalidQuery, "DISTINCT and FILTER are only allowed on aggregate functions", range: range)
        }
        guard binder.scalarFunctions[name] != nil else {
            if binder.tableFunctionNames.contains(name) {
                throw QueryError(.invalidQuery, "Table function \(f.name) can only be used in FROM", range: range)
            }
            throw QueryError(
                .unknownFunction, "Scalar Function with name \(f.name) does not exist!", range: f.nameRange,
                suggestions: Suggestions.closest(to: name, among: binder.functionNames))
        }
        var arguments: [BoundExpression] = []
        for argument in f.arguments { arguments.append(try bind(argument)) }
        return try call(name, arguments, range: range)
    }

    func bindAggregate(
        _ f: FunctionCall, range: SourceRange, state: AggregationState
    ) throws(QueryError) -> BoundExpression {
        let argumentBinder = state.base
        argumentBinder.clause = "aggregate function"
        var name = f.name.lowercased()
        var arguments: [BoundExpression] = []
        if f.arguments.count == 1, case .star = f.arguments[0].kind {
            guard name == "count" else {
                throw QueryError(.invalidQuery, "* is only allowed in count(*)", range: range)
            }
            name = "count_star"
        } else {
            for argument in f.arguments {
                if ExpressionBinder.containsAggregate(argument, binder: binder) {
                    throw QueryError(
                        .invalidQuery, "aggregate function calls cannot be nested", range: argument.range)
                }
                arguments.append(try argumentBinder.bind(argument))
            }
        }
        if name == "count", arguments.isEmpty { name = "count_star" }
        let filter = try f.filter.map { (e) throws(QueryError) in try argumentBinder.bindCondition(e) }
        var aggregate = try binder.resolveAggregate(
            name, arguments: arguments, distinct: f.distinct, filter: filter, range: range)
        for item in f.orderBy {
            aggregate.orderBy.append(
                BoundOrder(
                    expression: try argumentBinder.bind(item.expression), ascending: item.ascending,
                    nullsFirst: item.nullsFirst ?? false))
        }
        let key = aggregate.fingerprint
        let index: Int
        if let existing = state.aggregateIndex[key] {
            index = existing
        } else {
            index = state.aggregates.count
            state.aggregateIndex[key] = index
            state.aggregates.append(aggregate)
        }
        return .column(state.groups.count + index, aggregate.type)
    }

    func bindWindow(
        _ f: FunctionCall, _ written: WindowSpecification, range: SourceRange, state: WindowState
    ) throws(QueryError) -> BoundExpression {
        let over = try state.resolve(written, range: range)
        let inner = withoutWindows()
        inner.clause = "window function"
        let name = f.name.lowercased()
        var arguments: [BoundExpression] = []
        if !(f.arguments.count == 1 && { if case .star = f.arguments[0].kind { true } else { false } }()) {
            for argument in f.arguments { arguments.append(try inner.bind(argument)) }
        }
        // lag/lead's default takes the value's type, as in DuckDB (`lag(int_col, 1, 2.5)`).
        if name == "lag" || name == "lead", arguments.count == 3, let valueType = arguments[0].resolutionType,
            let defaultType = arguments[2].resolutionType, defaultType != valueType,
            CastKernel.isSupported(from: defaultType, to: valueType)
        {
            arguments[2] = try binder.cast(arguments[2], to: valueType, isTry: false, range: range)
        }
        var partitions: [BoundExpression] = []
        for p in over.partitionBy { partitions.append(try inner.bind(p)) }
        var orders: [BoundOrder] = []
        for item in over.orderBy {
            orders.append(
                BoundOrder(
                    expression: try inner.bind(item.expression), ascending: item.ascending,
                    nullsFirst: item.nullsFirst ?? false))
        }
        let frame =
            try over.frame.map { (frame) throws(QueryError) in try binder.frame(frame) }
            ?? FrameSpecification.default(hasOrderBy: !orders.isEmpty)
        let window: BoundWindow
        if Binder.rankingFunctionNames.contains(name) {
            guard
                let type = WindowEvaluation.resultType(ofRanking: name, argumentTypes: arguments.map(\.resolutionType))
            else {
                throw QueryError(
                    .typeMismatch,
                    "No function matches \(name)(\(arguments.map { $0.resolutionType?.rawValue ?? "NULL" }.joined(separator: ", ")))",
                    range: range)
            }
            window = BoundWindow(
                name: name, function: .ranking(name), arguments: arguments, partitionBy: partitions, orderBy: orders,
                frame: frame, type: type)
        } else if binder.aggregateFunctions[name] != nil || (name == "count" && arguments.isEmpty) {
            var aggregateName = name == "count" && arguments.isEmpty ? "count_star" : name
            if let filterExpression = f.filter {
                // FILTER over a window: arguments become NULL where the filter fails (aggregates skip NULLs).
                let filter = try inner.bindCondition(filterExpression)
                if aggregateName == "count_star" {
                    aggregateName = "count"
                    arguments = [.constant(.bigint(1), .bigint)]
                }
                arguments = arguments.map { .caseWhen([(filter, $0)], otherwise: .constant(.null, $0.type), $0.type) }
            }
            let aggregate = try binder.resolveAggregate(
                aggregateName, arguments: arguments, distinct: f.distinct, filter: nil, range: range)
            window = BoundWindow(
                name: aggregateName, function: .aggregate(aggregate.overload, distinct: f.distinct),
                arguments: aggregate.arguments, partitionBy: partitions, orderBy: orders, frame: frame,
                type: aggregate.type)
        } else {
            throw QueryError(
                .unknownFunction, "Window Function with name \(f.name) does not exist!", range: f.nameRange,
                suggestions: Suggestions.closest(
                    to: name, among: Binder.rankingFunctionNames + Array(binder.aggregateFunctions.keys)))
        }
        let key = window.fingerprint
        if let existing = state.index[key] { return .column(state.inputWidth + existing, window.type) }
        state.index[key] = state.windows.count
        state.windows.append(window)
        return .column(state.inputWidth + state.windows.count - 1, window.type)
    }

    // MARK: - Calls

    /// A comparison: a string constant meeting a DATE/number/BOOLEAN is converted to that type first
    /// (an error naming the value when it does not convert).
    func compare(
        _ op: String, _ lhs: BoundExpression, _ rhs: BoundExpression, range: SourceRange
    ) throws(QueryError) -> BoundExpression {
        var a = lhs
        var b = rhs
        if case .constant(.varchar(let text), _) = a, b.type != .varchar, b.resolutionType != nil {
            a = try binder.convertLiteral(text, to: b.type, range: range)
        } else if case .constant(.varchar(let text), _) = b, a.type != .varchar, a.resolutionType != nil {
            b = try binder.convertLiteral(text, to: a.type, range: range)
        }
        return try call(op, [a, b], range: range)
    }

    func call(_ name: String, _ arguments: [BoundExpression], range: SourceRange) throws(QueryError) -> BoundExpression
    {
        try binder.makeCall(name, arguments, range: range)
    }

    func mismatch(_ name: String, _ arguments: [BoundExpression], range: SourceRange) -> QueryError {
        binder.noMatch(name, arguments, range: range)
    }
}
