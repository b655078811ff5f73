import QueryLanguage

extension Expression {
    /// Visits this expression and its sub-expressions depth-first, not entering subqueries (they are
    /// another query level). `visit` returns false to stop the walk.
    func walk(_ visit: (Expression) -> Bool) {
        _ = walkContinuing(visit)
    }

    private func walkContinuing(_ visit: (Expression) -> Bool) -> Bool {
        guard visit(self) else { return false }
        for child in children where !child.walkContinuing(visit) { return false }
        return true
    }

    var children: [Expression] {
        switch kind {
        case .literal, .column, .star, .exists, .subquery: return []
        case .unary(_, let e): return [e]
        case .binary(_, let a, let b): return [a, b]
        case .function(let f):
            var result = f.arguments + f.namedArguments.map(\.value)
            if let filter = f.filter { result.append(filter) }
            result += f.orderBy.map(\.expression)
            if let over = f.over { result += over.partitionBy + over.orderBy.map(\.expression) }
            return result
        case .cast(let e, _, _): return [e]
        case .caseWhen(let operand, let branches, let otherwise):
            return (operand.map { [$0] } ?? []) + branches.flatMap { [$0.condition, $0.result] }
                + (otherwise.map { [$0] } ?? [])
        case .inList(let e, let list, _): return [e] + list
        case .inSubquery(let e, _, _): return [e]
        case .quantified(let e, _, _, _): return [e]
        case .interval(let e, _): return [e]
        case .between(let e, let low, let high, _): return [e, low, high]
        case .like(let e, let pattern, _, _, let escape): return [e, pattern] + (escape.map { [$0] } ?? [])
        case .isNull(let e, _): return [e]
        case .isDistinctFrom(let a, let b, _): return [a, b]
        case .structLiteral(let pairs): return pairs.map(\.value)
        case .listLiteral(let items): return items
        }
    }
}
