import Spelling
import Kernels
import Columnar
import QueryLanguage

extension Binder {
    /// Window results are first numbered from this marker, then renumbered once the aggregate's width
    /// (keys + aggregate calls, known only after every clause is bound) is known.
    private static let windowMarker = 1 << 40

    /// Binds one SELECT block with the query's ORDER BY (which may use expressions not in the select
    /// list). Returns the plan and how many leading output columns are visible (the rest are sort keys).
    func bindSelect(
        _ select: Select, orderBy: [OrderItem], outer: OuterReference?
    ) throws(QueryError) -> (BoundQuery, visible: Int) {
        var (plan, scope) = try bindFromList(select.from, outer: outer)
        var aliases: [String: Expression] = [:]
        for case .expression(let e, let alias?) in select.items where aliases[alias.lowercased()] == nil {
            aliases[alias.lowercased()] = e
        }
        if let whereClause = select.whereClause {
            let binder = ExpressionBinder(binder: self, scope: scope, clause: "WHERE clause")
            binder.aliases = aliases
            plan = .filter(plan, predicate: try binder.bindCondition(whereClause))
        }

        var aggregating = !select.groupBy.isEmpty || select.groupByAll || select.having != nil
        if !aggregating {
            var expressions: [Expression] = orderBy.map(\.expression)
            for case .expression(let e, _) in select.items { expressions.append(e) }
            aggregating = expressions.contains { ExpressionBinder.containsAggregate($0, binder: self) }
        }

        let top = ExpressionBinder(binder: self, scope: scope, clause: "SELECT")
        let windows = WindowState(inputWidth: Binder.windowMarker)
        for window in select.windows {
            guard windows.named.updateValue(window, forKey: window.name.lowercased()) == nil else {
                throw QueryError(.invalidQuery, "window \"\(window.name)\" is defined twice", range: window.range)
            }
        }
        top.windowing = windows
        var aggregation: AggregationState?
        if aggregating {
            let state = AggregationState(base: ExpressionBinder(binder: self, scope: scope, clause: "GROUP BY clause"))
            for key in select.groupBy {
                state.addGroup(try bindGroupKey(key, items: select.items, scope: scope, base: state.base))
            }
            if select.groupByAll {
                for item in select.items {
                    switch item {
                    case .expression(let e, _):
                        if !ExpressionBinder.containsAggregate(e, binder: self) {
                            state.addGroup(try state.base.bind(e))
                        }
                    case .wildcard(let qualifier, let exclude, let replace, let range):
                        // Each column the star stands for (a replaced one by its replacement).
                        let excluded = Set(exclude.map { $0.lowercased() })
                        for (i, entry) in scope.entries.enumerated() {
                            if let qualifier {
                                guard entry.qualifier?.lowercased() == qualifier.lowercased() else { continue }
                            } else if entry.isMergedAway {
                                continue
                            }
                            if excluded.contains(entry.name.lowercased()) { continue }
                            if let replacement = replace.first(where: {
                                $0.name.lowercased() == entry.name.lowercased()
                            }) {
                                if !ExpressionBinder.containsAggregate(replacement.expression, binder: self) {
                                    state.addGroup(try state.base.bind(replacement.expression))
                                }
                            } else {
                                state.addGroup(try state.base.bindInputColumn(i, range: range))
                            }
                        }
                    }
                }
            }
            top.aggregation = state
            aggregation = state
        }

        var expressions: [BoundExpression] = []
        var names: [String] = []
        // Where each select item's first output column is (a `*` or `COLUMNS(...)` gives several).
        var itemStarts: [Int] = []
        for item in select.items {
            itemStarts.append(expressions.count)
            switch item {
            case .expression(let e, let alias):
                if let expansions = try expandColumns(e, scope: scope) {
                    for (expanded, name) in expansions {
                        expressions.append(try top.bind(expanded))
                        names.append(alias ?? name)
                    }
                    continue
                }
                expressions.append(try top.bind(e))
                names.append(alias ?? outputName(e))
            case .wildcard(let qualifier, let exclude, let replace, let range):
                let excluded = Set(exclude.map { $0.lowercased() })
                var replacements: [String: Expression] = [:]
                for replacement in replace {
                    let key = replacement.name.lowercased()
                    guard !excluded.contains(key) else {
                        throw QueryError(
                            .invalidQuery,
                            "Column \"\(replacement.name)\" cannot occur in both EXCLUDE and REPLACE list",
                            range: replacement.expression.range)
                    }
                    guard replacements.updateValue(replacement.expression, forKey: key) == nil else {
                        throw QueryError(
                            .invalidQuery, "Duplicate entry \"\(replacement.name)\" in REPLACE list",
                            range: replacement.expression.range)
                    }
                }
                var replaced: Set<String> = []
                if let qualifier, !scope.hasQualifier(qualifier) {
                    throw QueryError(
                        .unknownTable, "Referenced table \"\(qualifier)\" not found!", range: range,
                        suggestions: Suggestions.closest(to: qualifier, among: scope.entries.compactMap(\.qualifier)))
                }
                for (i, entry) in scope.entries.enumerated() {
                    if let qualifier {
                        guard entry.qualifier?.lowercased() == qualifier.lowercased() else { continue }
                    } else if entry.isMergedAway {
                        continue
                    }
                    if excluded.contains(entry.name.lowercased()) { continue }
                    if let replacement = replacements[entry.name.lowercased()] {
                        expressions.append(try top.bind(replacement))
                        replaced.insert(entry.name.lowercased())
                    } else {
                        expressions.append(try top.bindInputColumn(i, range: range))
                    }
                    names.append(entry.name)
                }
                if let missing = replace.first(where: { !replaced.contains($0.name.lowercased()) }) {
                    throw QueryError(
                        .invalidQuery, "Column \"\(missing.name)\" in REPLACE list not found in FROM clause",
                        range: missing.expression.range)
                }
            }
        }

        // As DuckDB: `* EXCLUDE` of every column is an error, not a result without columns.
        if expressions.isEmpty, let first = select.items.first, case .wildcard(_, _, _, let range) = first {
            throw QueryError(.invalidQuery, "SELECT list is empty after resolving * expressions!", range: range)
        }

        var having: BoundExpression?
        if let clause = select.having {
            let binder = ExpressionBinder(binder: self, scope: scope, clause: "HAVING clause")
            binder.aggregation = aggregation
            binder.aliases = aliases
            having = try binder.bindCondition(clause)
        }
        var qualify: BoundExpression?
        if let clause = select.qualify {
            top.clause = "QUALIFY clause"
            top.aliases = aliases
            qualify = try top.bindCondition(clause)
            top.aliases = [:]
        }

        // ORDER BY: ordinals, output aliases, select expressions, then extra (hidden) expressions.
        top.clause = "ORDER BY clause"
        let visible = expressions.count
        var orderKeys: [(index: Int, ascending: Bool, nullsFirst: Bool)] = []
        for item in Binder.expandingOrderAll(orderBy, width: visible) {
            let index: Int
            if case .literal(.integer(let text)) = item.expression.kind, let n = Int(text) {
                guard n >= 1, n <= visible else {
                    throw QueryError(
                        .invalidQuery, "ORDER term out of range - should be between 1 and \(visible)",
                        range: item.expression.range)
                }
                index = n - 1
            } else if case .column(let parts, _) = item.expression.kind, parts.count == 1,
                let aliased = select.items.firstIndex(where: {
                    if case .expression(_, let alias?) = $0 {
                        alias.lowercased() == parts[0].lowercased()
                    } else {
                        false
                    }
                })
            {
                index = itemStarts[aliased]
            } else {
                let bound = try top.bind(item.expression)
                if let existing = expressions.firstIndex(where: { $0.fingerprint == bound.fingerprint }) {
                    index = existing
                } else {
                    guard !select.distinct else {
                        throw QueryError(
                            .invalidQuery,
                            "for SELECT DISTINCT, ORDER BY expressions must appear in select list",
                            range: item.expression.range)
                    }
                    expressions.append(bound)
                    names.append("#order\(expressions.count)")
                    index = expressions.count - 1
                }
            }
            orderKeys.append((index, item.ascending, item.nullsFirst ?? false))
        }

        var distinctKeys: [Int] = []
        if !select.distinctOn.isEmpty {
            top.clause = "DISTINCT ON clause"
            for key in select.distinctOn {
                let bound = try top.bind(key)
                if let existing = expressions.firstIndex(where: { $0.fingerprint == bound.fingerprint }) {
                    distinctKeys.append(existing)
                } else {
                    expressions.append(bound)
                    names.append("#distinct\(expressions.count)")
                    distinctKeys.append(expressions.count - 1)
                }
            }
        }

        var width = scope.entries.count
        if let aggregation {
            plan = .aggregate(plan, groups: aggregation.groups, aggregates: aggregation.aggregates)
            width = aggregation.groups.count + aggregation.aggregates.count
        }
        if let having { plan = .filter(plan, predicate: having) }
        if !windows.windows.isEmpty {
            plan = .window(plan, windows.windows)
            let renumber: (Int) -> Int = { $0 >= Binder.windowMarker ? width + ($0 - Binder.windowMarker) : $0 }
            expressions = expressions.map { $0.remapColumns(renumber) }
            qualify = qualify?.remapColumns(renumber)
        }
        if let qualify {
            guard !windows.windows.isEmpty else {
                throw QueryError(
                    .invalidQuery, "at least one window function must appear in the SELECT column or QUALIFY clause")
            }
            plan = .filter(plan, predicate: qualify)
        }
        plan = .project(plan, expressions)
        if select.distinct {
            plan = .distinct(plan)
        } else if !distinctKeys.isEmpty {
            plan = try firstRowPerKey(
                plan, keys: distinctKeys, order: orderKeys, types: expressions.map(\.type), binder: top,
                range: select.range)
        }
        if !orderKeys.isEmpty {
            plan = .sort(
                plan,
                orderKeys.map {
                    BoundOrder(
                        expression: .column($0.index, expressions[$0.index].type), ascending: $0.ascending,
                        nullsFirst: $0.nullsFirst)
                }, limit: nil)
        }
        return (BoundQuery(plan: plan, names: names), visible)
    }

    /// A GROUP BY item: an ordinal or a select alias picks that select expression; anything else is an
    /// expression over the FROM columns.
    private func bindGroupKey(
        _ key: Expression, items: [SelectItem], scope: Scope, base: ExpressionBinder
    ) throws(QueryError) -> BoundExpression {
        if case .literal(.integer(let text)) = key.kind, let n = Int(text) {
            guard n >= 1, n <= items.count, case .expression(let e, _) = items[n - 1] else {
                throw QueryError(
                    .invalidQuery, "GROUP BY term out of range - should be between 1 and \(items.count)",
                    range: key.range)
            }
            return try base.bind(e)
        }
        if case .column(let parts, _) = key.kind, parts.count == 1,
            case .missing = scope.resolve(qualifier: nil, name: parts[0]),
            let index = selectAliasIndex(parts[0], items: items), case .expression(let e, _) = items[index]
        {
            return try base.bind(e)
        }
        return try base.bind(key)
    }

    /// `ORDER BY ALL [DESC] [NULLS ...]` as the ordinals 1...width with that direction.
    static func expandingOrderAll(_ items: [OrderItem], width: Int) -> [OrderItem] {
        guard let first = items.first, first.isAll else { return items }
        let range = first.expression.range
        return (1...max(width, 1)).map {
            OrderItem(
                expression: Expression(.literal(.integer(String($0))), range), ascending: first.ascending,
                nullsFirst: first.nullsFirst)
        }
    }

    private func selectAliasIndex(_ name: String, items: [SelectItem]) -> Int? {
        var position = 0
        for item in items {
            if case .expression(_, let alias?) = item, alias.lowercased() == name.lowercased() { return position }
            if case .expression = item { position += 1 } else { return nil }
        }
        return nil
    }

    /// The output column name of an unaliased expression: a column's own name, otherwise the text as written.
    func outputName(_ e: Expression) -> String {
        if case .column(let parts, _) = e.kind { return parts[parts.count - 1] }
        if case .function(let f) = e.kind, f.arguments.count == 1, case .star = f.arguments[0].kind,
            f.name.lowercased() == "count", f.over == nil
        {
            return "count_star()"
        }
        return text(e.range)
    }
}
