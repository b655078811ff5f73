import Spelling
import Kernels
import Columnar
import Ingest
import QueryLanguage

extension Binder {
    /// The FROM list as one relation (comma items cross-joined; the optimizer turns WHERE equalities into
    /// hash joins) and the scope naming its columns.
    func bindFromList(_ from: [TableReference], outer: OuterReference?) throws(QueryError) -> (LogicalPlan, Scope) {
        guard let first = from.first else {
            return (.values(rows: [[]], types: []), Scope(entries: [], outer: outer))
        }
        var (plan, entries) = try bindTableReference(first, outer: outer)
        for reference in from.dropFirst() {
            let (right, more) = try bindTableReference(reference, outer: outer)
            plan = .join(JoinSpec(kind: .cross, left: plan, right: right, leftKeys: [], rightKeys: [], residual: nil))
            entries += more
        }
        return (plan, Scope(entries: entries, outer: outer))
    }

    func bindTableReference(
        _ reference: TableReference, outer: OuterReference?
    ) throws(QueryError) -> (LogicalPlan, [Scope.Entry]) {
        switch reference {
        case .named(let name, let alias, let range):
            let bound = try bindNamedRelation(name, range: range)
            return (bound.plan, entries(bound, qualifier: alias ?? name))
        case .function(let call, let alias, let columnAliases, let range):
            var table = try invokeTableFunction(call, range: range)
            if !columnAliases.isEmpty {
                var names = table.schema.names
                guard columnAliases.count <= names.count else {
                    throw QueryError(.invalidQuery, "too many column aliases for \(call.name)", range: range)
                }
                names.replaceSubrange(0..<columnAliases.count, with: columnAliases)
                table = table.renamed(names)
            }
            let bound = BoundQuery(
                plan: .scan(TableSource(name: call.name, table: table), columns: Array(0..<table.columnCount)),
                names: table.schema.names)
            return (bound.plan, entries(bound, qualifier: alias ?? call.name))
        case .subquery(let query, let alias, let columnAliases, let range):
            var bound = try bindQuery(query, outer: outer)
            if !columnAliases.isEmpty {
                guard columnAliases.count <= bound.names.count else {
                    throw QueryError(
                        .invalidQuery,
                        "table \"\(alias ?? "subquery")\" has \(bound.names.count) columns available but \(columnAliases.count) columns specified",
                        range: range)
                }
                bound.names.replaceSubrange(0..<columnAliases.count, with: columnAliases)
            }
            return (bound.plan, entries(bound, qualifier: alias))
        case .join(let join):
            return try bindJoin(join, outer: outer)
        }
    }

    private func entries(_ bound: BoundQuery, qualifier: String?) -> [Scope.Entry] {
        zip(bound.names, bound.plan.outputTypes).map { Scope.Entry(qualifier: qualifier, name: $0, type: $1) }
    }

    /// A CTE, view or table by name, in that order of precedence.
    private func bindNamedRelation(_ name: String, range: SourceRange) throws(QueryError) -> BoundQuery {
        let key = name.lowercased()
        for level in commonTables.reversed() {
            if let bound = level[key] { return bound }
        }
        if let view = catalog.view(name) {
            guard !expandingViews.contains(key) else {
                throw QueryError(.invalidQuery, "View \(name) refers to itself", range: range)
            }
            let savedScript = script
            let savedCommonTables = commonTables
            script = view.script
            commonTables = []
            expandingViews.insert(key)
            defer {
                script = savedScript
                commonTables = savedCommonTables
                expandingViews.remove(key)
            }
            do {
                var bound = try bindQuery(view.query, outer: nil)
                bound.names = ColumnNames.deduplicated(bound.names)
                return bound
            } catch {
                var moved = error
                // A view within views: the message names the outermost, the one the statement reads.
                var inner = error.message[...]
                if inner.hasPrefix("Error in view "), let colon = inner.firstRange(of: ": ") {
                    inner = inner[colon.upperBound...]
                }
                moved.message = "Error in view \(view.name): \(inner)"
                moved.range = range
                throw moved
            }
        }
        if let stored = catalog.table(name) {
            return BoundQuery(
                plan: .scan(
                    TableSource(name: stored.name, table: stored.table), columns: Array(0..<stored.table.columnCount)),
                names: stored.table.schema.names)
        }
        let known = catalog.allNames + commonTables.flatMap { $0.values.isEmpty ? [] : Array($0.keys) }
        throw QueryError(
            .unknownTable, "Table with name \(name) does not exist!", range: range,
            suggestions: Suggestions.closest(to: name, among: known))
    }

    private func bindJoin(_ join: Join, outer: OuterReference?) throws(QueryError) -> (LogicalPlan, [Scope.Entry]) {
        let (leftPlan, leftEntries) = try bindTableReference(join.left, outer: outer)
        var (rightPlan, rightEntries) = try bindTableReference(join.right, outer: outer)
        var leftEntriesOut = leftEntries
        var condition: BoundExpression?
        // USING's column pairs (left index, right index), each side's own numbering.
        var merged: [(Int, Int)] = []
        var joinCondition = join.condition
        if case .natural = joinCondition {
            joinCondition = .using(try naturalJoinColumns(leftEntries, rightEntries, range: join.range))
        }
        switch joinCondition {
        case .on(let e):
            let scope = Scope(entries: leftEntries + rightEntries, outer: outer)
            condition = try ExpressionBinder(binder: self, scope: scope, clause: "JOIN condition").bindCondition(e)
        case .using(let columns):
            let scope = Scope(entries: leftEntries + rightEntries, outer: outer)
            let binder = ExpressionBinder(binder: self, scope: scope, clause: "USING")
            let leftScope = Scope(entries: leftEntries)
            let rightScope = Scope(entries: rightEntries)
            var equalities: [BoundExpression] = []
            for column in columns {
                guard case .found(let l) = leftScope.resolve(qualifier: nil, name: column),
                    case .found(let r) = rightScope.resolve(qualifier: nil, name: column)
                else {
                    throw QueryError(
                        .unknownColumn,
                        "Column \"\(column)\" does not exist on both sides of the join (USING)", range: join.range)
                }
                let rightIndex = leftEntries.count + r
                equalities.append(
                    try binder.compare(
                        "=", .column(l, leftEntries[l].type), .column(rightIndex, rightEntries[r].type),
                        range: join.range))
                // Both sides' own columns stay reachable when qualified (`a.k`); the visible `k` is the left
                // one (INNER, LEFT) or, where either side may be missing (RIGHT, FULL), a merged column.
                rightEntries[r].isMergedAway = true
                if join.kind == .right || join.kind == .full { leftEntriesOut[l].isMergedAway = true }
                merged.append((l, r))
            }
            condition = BoundExpression.conjunction(equalities)
        case .none, .natural:
            condition = nil
        }
        let entries = leftEntriesOut + rightEntries
        switch join.kind {
        case .inner, .cross:
            let kind: JoinSpec.Kind = condition == nil ? .cross : .inner
            return (
                .join(
                    JoinSpec(
                        kind: kind, left: leftPlan, right: rightPlan, leftKeys: [], rightKeys: [], residual: condition)),
                entries
            )
        case .left:
            return (
                .join(
                    JoinSpec(
                        kind: .left, left: leftPlan, right: rightPlan, leftKeys: [], rightKeys: [], residual: condition)
                ),
                entries
            )
        case .right:
            // Done as a LEFT join with the sides swapped, then the columns put back in written order.
            let leftWidth = leftEntries.count
            let rightWidth = rightEntries.count
            let swapped = condition?.remapColumns { $0 < leftWidth ? $0 + rightWidth : $0 - leftWidth }
            let plan = LogicalPlan.join(
                JoinSpec(kind: .left, left: rightPlan, right: leftPlan, leftKeys: [], rightKeys: [], residual: swapped))
            let types = entries.map(\.type)
            let reorder = (0..<(leftWidth + rightWidth)).map { i in
                BoundExpression.column(i < leftWidth ? rightWidth + i : i - leftWidth, types[i])
            }
            return try mergingUsingKeys(
                .project(plan, reorder), entries, merged, leftWidth: leftWidth, range: join.range)
        case .semi, .anti:
            // Only the left side's columns come out; the right side is seen by the condition alone.
            return (
                .join(
                    JoinSpec(
                        kind: join.kind == .semi ? .semi : .anti, left: leftPlan, right: rightPlan, leftKeys: [],
                        rightKeys: [], residual: condition)),
                leftEntriesOut
            )
        case .full:
            let plan = LogicalPlan.join(
                JoinSpec(
                    kind: .full, left: leftPlan, right: rightPlan, leftKeys: [], rightKeys: [], residual: condition))
            return try mergingUsingKeys(plan, entries, merged, leftWidth: leftEntries.count, range: join.range)
        }
    }

    /// A RIGHT or FULL join `USING` keys: each key's visible, unqualified column is whichever side has the
    /// value (DuckDB: COALESCE(l, r)), placed where the left key stands, as `SELECT *` shows it; the
    /// sides' own columns follow, reachable only when qualified (`a.k` is NULL on a right-only row).
    private func mergingUsingKeys(
        _ plan: LogicalPlan, _ entries: [Scope.Entry], _ merged: [(Int, Int)], leftWidth: Int, range: SourceRange
    ) throws(QueryError) -> (LogicalPlan, [Scope.Entry]) {
        guard !merged.isEmpty else { return (plan, entries) }
        var expressions: [BoundExpression] = []
        var outEntries: [Scope.Entry] = []
        for (i, entry) in entries.enumerated() {
            if let (l, r) = merged.first(where: { $0.0 == i }) {
                let value = try makeCall(
                    "coalesce", [.column(l, entries[l].type), .column(leftWidth + r, entries[leftWidth + r].type)],
                    range: range)
                expressions.append(value)
                outEntries.append(Scope.Entry(qualifier: nil, name: entry.name, type: value.type))
            }
            expressions.append(.column(i, entry.type))
            outEntries.append(entry)
        }
        return (.project(plan, expressions), outEntries)
    }

    /// NATURAL JOIN's columns: each visible left column name that the right side also has, in left order.
    private func naturalJoinColumns(
        _ left: [Scope.Entry], _ right: [Scope.Entry], range: SourceRange
    ) throws(QueryError) -> [String] {
        let visibleLeft = left.filter { !$0.isMergedAway }
        let visibleRight = right.filter { !$0.isMergedAway }
        let rightNames = Set(visibleRight.map { $0.name.lowercased() })
        var seen: Set<String> = []
        let columns = visibleLeft.map(\.name).filter {
            rightNames.contains($0.lowercased()) && seen.insert($0.lowercased()).inserted
        }
        guard !columns.isEmpty else {
            throw QueryError(
                .invalidQuery,
                "No columns found to join on in NATURAL JOIN. Use CROSS JOIN if you intended for this to be a cross-product.",
                range: range)
        }
        return columns
    }
}
