import Spelling
import Columnar
import Kernels
import QueryLanguage

final class ExpressionBinder {
    unowned let binder: Binder
    let scope: Scope
    var aggregation: AggregationState?
    var windowing: WindowState?
    /// Where the expression stands, for messages: "WHERE clause", "GROUP BY", ...
    var clause: String
    /// Select-list aliases usable where a FROM column of that name does not exist (WHERE, HAVING,
    /// QUALIFY, as in DuckDB); the alias stands for its expression.
    var aliases: [String: Expression] = [:]
    private var expandingAliases: Set<String> = []

    init(binder: Binder, scope: Scope, clause: String) {
        self.binder = binder
        self.scope = scope
        self.clause = clause
    }

    /// A binder for the arguments of aggregates/windows at this level.
    func withoutWindows() -> ExpressionBinder {
        let copy = ExpressionBinder(binder: binder, scope: scope, clause: clause)
        copy.aggregation = aggregation
        copy.aliases = aliases
        return copy
    }

    func bind(_ e: Expression) throws(QueryError) -> BoundExpression {
        if !aliases.isEmpty, case .column(let parts, _) = e.kind, parts.count == 1 {
            let key = parts[0].lowercased()
            if let aliased = aliases[key], !expandingAliases.contains(key),
                case .missing = scope.resolve(qualifier: nil, name: parts[0])
            {
                expandingAliases.insert(key)
                defer { expandingAliases.remove(key) }
                return try bind(aliased)
            }
        }
        if case .function(let call) = e.kind, let over = call.over {
            guard let windowing else {
                throw QueryError(.invalidQuery, "\(clause) cannot contain window functions!", range: e.range)
            }
            return try bindWindow(call, over, range: e.range, state: windowing)
        }
        if let aggregation {
            if case .function(let call) = e.kind, binder.isAggregate(call) {
                return try bindAggregate(call, range: e.range, state: aggregation)
            }
            if case .column = e.kind {
                let bound = try aggregation.base.bind(e)
                if case .outer = bound { return bound }
                if let g = aggregation.groupIndex[bound.fingerprint] { return .column(g, bound.type) }
                throw QueryError(
                    .invalidQuery,
                    "column \"\(binder.text(e.range))\" must appear in the GROUP BY clause or must be part of an aggregate function.",
                    range: e.range)
            }
            if e.kind.isGroupCandidate, ExpressionBinder.containsNoAggregate(e),
                let bound = try? aggregation.base.bind(e), let g = aggregation.groupIndex[bound.fingerprint]
            {
                return .column(g, bound.type)
            }
        } else if case .function(let call) = e.kind, binder.isAggregate(call) {
            throw QueryError(.invalidQuery, "\(clause) cannot contain aggregates!", range: e.range)
        }
        return try bindNode(e)
    }

    /// An input column by position, seen from this level (mapped to a group key when aggregating).
    func bindInputColumn(_ index: Int, range: SourceRange) throws(QueryError) -> BoundExpression {
        let entry = scope.entries[index]
        guard let aggregation else { return .column(index, entry.type) }
        if let g = aggregation.groupIndex["#\(index)"] { return .column(g, entry.type) }
        throw QueryError(
            .invalidQuery,
            "column \"\(entry.name)\" must appear in the GROUP BY clause or must be part of an aggregate function.",
            range: range)
    }

    // MARK: - Node by node

    private func bindNode(_ e: Expression) throws(QueryError) -> BoundExpression {
        switch e.kind {
        case .literal(let literal):
            return try bindLiteral(literal, range: e.range)
        case .column(let parts, _):
            return try bindColumn(parts, range: e.range)
        case .star:
            throw QueryError(.invalidQuery, "* can only be used in a SELECT list or count(*)", range: e.range)
        case .unary(let op, let operand):
            switch op {
            case .plus:
                let bound = try bind(operand)
                guard bound.type.isNumeric || bound.resolutionType == nil else {
                    throw mismatch("+", [bound], range: e.range)
                }
                return bound
            case .negate:
                if case .literal(.integer(let text)) = operand.kind, !text.hasPrefix("-") {
                    return try bindLiteral(.integer("-" + text), range: e.range)
                }
                if case .literal(.decimal(let text)) = operand.kind, !text.hasPrefix("-") {
                    return try bindLiteral(.decimal("-" + text), range: e.range)
                }
                return try call("negate", [bind(operand)], range: e.range)
            case .not:
                return try call("not", [bindCondition(operand)], range: e.range)
            }
        case .binary(let op, let lhs, let rhs):
            switch op {
            case .and: return try .and(bindCondition(lhs).conjunctsForAnd + bindCondition(rhs).conjunctsForAnd)
            case .or: return try .or(bindCondition(lhs).disjuncts + bindCondition(rhs).disjuncts)
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
                return try compare(op.rawValue, bind(lhs), bind(rhs), range: e.range)
            case .add where ExpressionBinder.isInterval(lhs) || ExpressionBinder.isInterval(rhs),
                .subtract where ExpressionBinder.isInterval(lhs) || ExpressionBinder.isInterval(rhs):
                return try bindIntervalArithmetic(op, lhs, rhs, range: e.range)
            default:
                return try call(op.rawValue, [bind(lhs), bind(rhs)], range: e.range)
            }
        case .function(let f):
            return try bindFunction(f, range: e.range)
        case .cast(let operand, let typeName, let isTry):
            let target = try TypeRules.dataType(of: typeName)
            return try binder.cast(bind(operand), to: target, isTry: isTry, range: e.range)
        case .caseWhen(let operand, let branches, let otherwise):
            return try bindCase(operand: operand, branches: branches, otherwise: otherwise, range: e.range)
        case .inList(let operand, let list, let negated):
            let left = try bind(operand)
            var equalities: [BoundExpression] = []
            for item in list { equalities.append(try compare("=", left, bind(item), range: item.range)) }
            let any: BoundExpression = equalities.count == 1 ? equalities[0] : .or(equalities)
            return negated ? try call("not", [any], range: e.range) : any
        case .inSubquery(let operand, let query, let negated):
            return try bindInSubquery(operand, query, negated: negated, range: e.range)
        case .exists(let query, let negated):
            return try bindExists(query, negated: negated, range: e.range)
        case .interval:
            throw QueryError(
                .invalidQuery, "INTERVAL can only be added to or subtracted from a DATE (yotq has no INTERVAL type)",
                range: e.range)
        case .quantified(let operand, let op, let query, let all):
            return try bindQuantified(operand, op, query, all: all, range: e.range)
        case .subquery(let query):
            return try bindScalarSubquery(query, range: e.range)
        case .between(let operand, let low, let high, let negated):
            let value = try bind(operand)
            let both = BoundExpression.and([
                try compare(">=", value, bind(low), range: e.range),
                try compare("<=", value, bind(high), range: e.range),
            ])
            return negated ? try call("not", [both], range: e.range) : both
        case .like(let operand, let pattern, let caseInsensitive, let negated, let escape):
            var arguments = [try bind(operand), try bind(pattern)]
            if let escape { arguments.append(try bind(escape)) }
            let matched = try call(caseInsensitive ? "ilike" : "like", arguments, range: e.range)
            return negated ? try call("not", [matched], range: e.range) : matched
        case .isNull(let operand, let negated):
            let bound = try bind(operand)
            if let value = bound.constantValue { return .constant(.boolean(value.isNull != negated), .boolean) }
            return .isNull(bound, negated: negated)
        case .isDistinctFrom(let lhs, let rhs, let negated):
            let a = try bind(lhs)
            let b = try bind(rhs)
            // Distinct when exactly one is NULL, or both are values that differ.
            let bothNull = BoundExpression.and([.isNull(a, negated: false), .isNull(b, negated: false)])
            let oneNull = BoundExpression.or([.isNull(a, negated: false), .isNull(b, negated: false)])
            let differ = try compare("<>", a, b, range: e.range)
            let distinct = BoundExpression.caseWhen(
                [(bothNull, .constant(.boolean(false), .boolean)), (oneNull, .constant(.boolean(true), .boolean))],
                otherwise: differ, .boolean)
            return negated ? try call("not", [distinct], range: e.range) : distinct
        case .structLiteral, .listLiteral:
            throw QueryError(
                .unsupported, "struct and list values are only allowed as table function options", range: e.range)
        }
    }

    /// A predicate operand: BOOLEAN (or an untyped NULL).
    func bindCondition(_ e: Expression) throws(QueryError) -> BoundExpression {
        let bound = try bind(e)
        if case .untypedNull = bound { return .constant(.null, .boolean) }
        guard bound.type == .boolean else {
            throw QueryError(
                .typeMismatch,
                "\(clause): cannot use \(bound.type) expression \"\(binder.text(e.range))\" as a condition (BOOLEAN expected)",
                range: e.range)
        }
        return bound
    }

    private func bindLiteral(_ literal: Literal, range: SourceRange) throws(QueryError) -> BoundExpression {
        switch literal {
        case .null: return .untypedNull
        case .integer(let text):
            if let v = Int64(text) { return .constant(.bigint(v), .bigint) }
            if let d = Double(text) { return .constant(.double(d), .double) }
            throw QueryError(.conversion, "Could not convert \"\(text)\" to a number", range: range)
        case .decimal(let text):
            guard let d = Double(text) else {
                throw QueryError(.conversion, "Could not convert \"\(text)\" to a number", range: range)
            }
            return .constant(.double(d), .double)
        case .string(let s): return .constant(.varchar(s), .varchar)
        case .boolean(let b): return .constant(.boolean(b), .boolean)
        case .typed(let typeName, let text):
            let target = try TypeRules.dataType(of: typeName)
            return try binder.convertLiteral(text, to: target, range: range)
        }
    }

    private func bindColumn(_ parts: [String], range: SourceRange) throws(QueryError) -> BoundExpression {
        let name = parts[parts.count - 1]
        let qualifier = parts.count >= 2 ? parts[parts.count - 2] : nil
        switch scope.resolve(qualifier: qualifier, name: name) {
        case .found(let i): return .column(i, scope.entries[i].type)
        case .ambiguous:
            let candidates = scope.entries.filter { $0.name.lowercased() == name.lowercased() }
                .compactMap { $0.qualifier.map { "\"\($0).\(name)\"" } }
            throw QueryError(
                .ambiguousColumn,
                "Ambiguous reference to column name \"\(name)\" (use: \(candidates.joined(separator: " or ")))",
                range: range)
        case .missing: break
        }
        if let outer = scope.outer, case .found(let i) = outer.scope.resolve(qualifier: qualifier, name: name) {
            let type = outer.scope.entries[i].type
            return .outer(depth: 1, index: outer.correlate(i), type)
        }
        if qualifier == nil, ["current_date", "today"].contains(name.lowercased()),
            binder.scalarFunctions["current_date"] != nil
        {
            return try call("current_date", [], range: range)
        }
        if let qualifier, !scope.hasQualifier(qualifier), !(scope.outer?.scope.hasQualifier(qualifier) ?? false) {
            let qualifiers = Array(Set(scope.entries.compactMap(\.qualifier)))
            throw QueryError(
                .unknownTable, "Referenced table \"\(qualifier)\" not found!", range: range,
                suggestions: Suggestions.closest(to: qualifier, among: qualifiers))
        }
        var candidates = scope.allNames
        if let outer = scope.outer { candidates += outer.scope.allNames }
        throw QueryError(
            .unknownColumn, "Referenced column \"\(name)\" not found in FROM clause!", range: range,
            suggestions: Suggestions.closest(to: name, among: candidates))
    }

    private func bindCase(
        operand: Expression?, branches: [WhenClause], otherwise: Expression?, range: SourceRange
    ) throws(QueryError) -> BoundExpression {
        let subject = try operand.map { (e) throws(QueryError) in try bind(e) }
        var conditions: [BoundExpression] = []
        var results: [BoundExpression] = []
        for branch in branches {
            if let subject {
                conditions.append(try compare("=", subject, bind(branch.condition), range: branch.condition.range))
            } else {
                conditions.append(try bindCondition(branch.condition))
            }
            results.append(try bind(branch.result))
        }
        let elseValue = try otherwise.map { (e) throws(QueryError) in try bind(e) } ?? .untypedNull
        var type: DataType? = nil
        for candidate in results + [elseValue] {
            guard let next = TypeRules.commonSupertype(type, candidate.resolutionType) else {
                throw QueryError(
                    .typeMismatch,
                    "Cannot mix values of type \(type!) and \(candidate.type) in CASE expression - an explicit cast is required",
                    range: range)
            }
            type = next
        }
        let resultType = type ?? .bigint
        var bound: [(condition: BoundExpression, result: BoundExpression)] = []
        for (condition, result) in zip(conditions, results) {
            bound.append((condition, try binder.implicitCast(result, to: resultType, range: range)))
        }
        let otherwiseCast = try binder.implicitCast(elseValue, to: resultType, range: range)
        // Fold leading constant conditions: a TRUE branch ends the CASE, FALSE/NULL branches vanish.
        var kept: [(condition: BoundExpression, result: BoundExpression)] = []
        for branch in bound {
            if case .constant(let v, _) = branch.condition {
                if v == .boolean(true) && kept.isEmpty { return branch.result }
                if v == .boolean(true) {
                    return .caseWhen(kept, otherwise: branch.result, resultType)
                }
                continue
            }
            kept.append(branch)
        }
        if kept.isEmpty { return otherwiseCast }
        return .caseWhen(kept, otherwise: otherwiseCast, resultType)
    }

}

extension BoundExpression {
    fileprivate var conjunctsForAnd: [BoundExpression] { if case .and(let xs) = self { xs } else { [self] } }
    fileprivate var disjuncts: [BoundExpression] { if case .or(let xs) = self { xs } else { [self] } }
}

extension Expression.Kind {
    /// Kinds worth matching against GROUP BY keys as a whole.
    var isGroupCandidate: Bool {
        switch self {
        case .literal, .star, .structLiteral, .listLiteral: false
        default: true
        }
    }
}
