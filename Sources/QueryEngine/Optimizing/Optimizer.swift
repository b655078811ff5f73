import Columnar

/// Rewrites a bound plan into the one the executor runs: filters pushed down to the inputs they read
/// (below joins), join conditions split into hash keys and a residual, so comma-FROM with WHERE
/// equalities becomes hash joins rather than cross products.
enum Optimizer {
    static func optimize(_ plan: LogicalPlan) -> LogicalPlan {
        let rewritten = rewrite(plan)
        return ColumnPruning.prune(rewritten, required: Set(0..<rewritten.outputTypes.count)).0
    }

    private static func rewrite(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .scan, .values: return plan
        case .filter(let input, let predicate):
            return pushFilter(predicate.mapSubqueryPlans(optimize).conjuncts, into: rewrite(input))
        case .project(let input, let exprs):
            return .project(rewrite(input), exprs.map { $0.mapSubqueryPlans(optimize) })
        case .join(var spec):
            spec.left = rewrite(spec.left)
            spec.right = rewrite(spec.right)
            spec.residual = spec.residual?.mapSubqueryPlans(optimize)
            return planJoin(spec, extra: [])
        case .aggregate(let input, let groups, let aggregates):
            return .aggregate(rewrite(input), groups: groups, aggregates: aggregates)
        case .window(let input, let windows): return .window(rewrite(input), windows)
        case .sort(let input, let orders, let limit): return .sort(rewrite(input), orders, limit: limit)
        case .limit(let input, let limit, let offset): return .limit(rewrite(input), limit: limit, offset: offset)
        case .distinct(let input): return .distinct(rewrite(input))
        case .setOperation(let op, let all, let l, let r): return .setOperation(op, all: all, rewrite(l), rewrite(r))
        }
    }

    /// Places `conjuncts` (over `plan`'s output) as low as they can go.
    private static func pushFilter(_ conjuncts: [BoundExpression], into plan: LogicalPlan) -> LogicalPlan {
        var remaining: [BoundExpression] = []
        for c in conjuncts {
            if case .constant(.boolean(true), _) = c { continue }
            remaining.append(c)
        }
        if remaining.isEmpty { return plan }
        switch plan {
        case .filter(let input, let predicate):
            return pushFilter(predicate.conjuncts + remaining, into: input)
        case .join(let spec) where spec.kind == .full:
            // FULL: both sides are preserved, so no WHERE condition may move below the join.
            return .filter(plan, predicate: BoundExpression.conjunction(remaining)!)
        case .join(let spec) where spec.kind != .left && !spec.kind.isFilteringLeft:
            return planJoin(spec, extra: remaining)
        case .join(let spec):
            // LEFT: only conditions on the preserved (left) side may move below the join. SEMI and ANTI
            // output only left columns, but a condition without columns (or with a subquery) must not
            // become part of the match: it stays above.
            let leftWidth = spec.left.outputTypes.count
            var below: [BoundExpression] = []
            var above: [BoundExpression] = []
            for c in remaining {
                let columns = c.referencedColumns
                if !columns.isEmpty, columns.allSatisfy({ $0 < leftWidth }), !c.hasSubquery {
                    below.append(c)
                } else {
                    above.append(c)
                }
            }
            var moved = spec
            if !below.isEmpty { moved.left = pushFilter(below, into: spec.left) }
            let joined = LogicalPlan.join(moved)
            return above.isEmpty ? joined : .filter(joined, predicate: BoundExpression.conjunction(above)!)
        case .project(let input, let exprs):
            // A conjunct over columns the projection passes through unchanged moves below it (so a
            // `WHERE rn <= k` over a subquery meets the window it filters: see executeTopPerGroup).
            var below: [BoundExpression] = []
            var above: [BoundExpression] = []
            for c in remaining {
                let columns = c.referencedColumns
                let passedThrough = columns.allSatisfy { i in
                    if case .column = exprs[i] { return true }
                    return false
                }
                if !columns.isEmpty, passedThrough, !c.hasSubquery {
                    below.append(
                        c.remapColumns { i in
                            if case .column(let source, _) = exprs[i] { return source }
                            return i
                        })
                } else {
                    above.append(c)
                }
            }
            if below.isEmpty { return .filter(plan, predicate: BoundExpression.conjunction(remaining)!) }
            let projected = LogicalPlan.project(pushFilter(below, into: input), exprs)
            return above.isEmpty ? projected : .filter(projected, predicate: BoundExpression.conjunction(above)!)
        default:
            return .filter(plan, predicate: BoundExpression.conjunction(remaining)!)
        }
    }

    /// A join with `extra` WHERE conjuncts (inner/cross only): one-sided conjuncts go below (for LEFT,
    /// only ON conditions on the right; for FULL, none: each side's unmatched rows are kept), `left =
    /// right` equalities become hash keys, the rest is the residual.
    private static func planJoin(_ spec: JoinSpec, extra: [BoundExpression]) -> LogicalPlan {
        let leftWidth = spec.left.outputTypes.count
        var leftOnly: [BoundExpression] = []
        var rightOnly: [BoundExpression] = []
        var both: [BoundExpression] = []
        var kind = spec.kind
        // An ANTI join keeps the left rows an ON condition fails, as a LEFT join does, so an ON condition
        // on the left side alone stays in the match; SEMI is treated the same way (always correct).
        let leftPreserving = kind == .left || kind.isFilteringLeft
        let onConjuncts = spec.residual?.conjuncts ?? []
        for (isOn, c) in onConjuncts.map({ (true, $0) }) + extra.map({ (false, $0) }) {
            let columns = c.referencedColumns
            let leftSide = columns.allSatisfy { $0 < leftWidth }
            let rightSide = columns.allSatisfy { $0 >= leftWidth }
            if c.hasSubquery || columns.isEmpty {
                both.append(c)
            } else if leftSide && (!leftPreserving || !isOn) && kind != .full {
                leftOnly.append(c)
            } else if rightSide && (!leftPreserving || isOn) && kind != .full {
                rightOnly.append(c.remapColumns { $0 - leftWidth })
            } else {
                both.append(c)
            }
        }
        var result = spec
        if !leftOnly.isEmpty { result.left = pushFilter(leftOnly, into: spec.left) }
        if !rightOnly.isEmpty { result.right = pushFilter(rightOnly, into: spec.right) }
        var residual: [BoundExpression] = []
        var leftKeys = spec.leftKeys
        var rightKeys = spec.rightKeys
        for c in both {
            if case .call("=", _, let args, _) = c, args.count == 2, args[0].type == args[1].type {
                let a = args[0].referencedColumns
                let b = args[1].referencedColumns
                if !a.isEmpty, !b.isEmpty, !args[0].hasSubquery, !args[1].hasSubquery {
                    if a.allSatisfy({ $0 < leftWidth }) && b.allSatisfy({ $0 >= leftWidth }) {
                        leftKeys.append(args[0])
                        rightKeys.append(args[1].remapColumns { $0 - leftWidth })
                        continue
                    }
                    if b.allSatisfy({ $0 < leftWidth }) && a.allSatisfy({ $0 >= leftWidth }) {
                        leftKeys.append(args[1])
                        rightKeys.append(args[0].remapColumns { $0 - leftWidth })
                        continue
                    }
                }
            }
            residual.append(c)
        }
        if kind == .cross && (!leftKeys.isEmpty || !residual.isEmpty) { kind = .inner }
        // A LEFT join's WHERE conditions on both sides stay above it (they filter, not match).
        result.kind = kind
        result.leftKeys = leftKeys
        result.rightKeys = rightKeys
        result.residual = BoundExpression.conjunction(residual)
        return .join(result)
    }
}

extension BoundExpression {
    /// The same expression with every subquery's plan transformed (to optimize subqueries too).
    func mapSubqueryPlans(_ transform: (LogicalPlan) -> LogicalPlan) -> BoundExpression {
        switch self {
        case .subquery(var s):
            s.plan = transform(s.plan)
            s.operand = s.operand?.mapSubqueryPlans(transform)
            return .subquery(s)
        case .column, .constant, .outer, .untypedNull: return self
        case .call(let n, let o, let args, let r):
            return .call(name: n, o, args.map { $0.mapSubqueryPlans(transform) }, range: r)
        case .cast(let e, let t, let isTry, let r):
            return .cast(e.mapSubqueryPlans(transform), to: t, isTry: isTry, range: r)
        case .isNull(let e, let n): return .isNull(e.mapSubqueryPlans(transform), negated: n)
        case .caseWhen(let branches, let otherwise, let t):
            return .caseWhen(
                branches.map { ($0.condition.mapSubqueryPlans(transform), $0.result.mapSubqueryPlans(transform)) },
                otherwise: otherwise.mapSubqueryPlans(transform), t)
        case .and(let xs): return .and(xs.map { $0.mapSubqueryPlans(transform) })
        case .or(let xs): return .or(xs.map { $0.mapSubqueryPlans(transform) })
        }
    }

    var hasSubquery: Bool {
        switch self {
        case .subquery: return true
        case .column, .constant, .outer, .untypedNull: return false
        case .call(_, _, let args, _): return args.contains { $0.hasSubquery }
        case .cast(let e, _, _, _), .isNull(let e, _): return e.hasSubquery
        case .caseWhen(let branches, let otherwise, _):
            return otherwise.hasSubquery || branches.contains { $0.condition.hasSubquery || $0.result.hasSubquery }
        case .and(let xs), .or(let xs): return xs.contains { $0.hasSubquery }
        }
    }
}
