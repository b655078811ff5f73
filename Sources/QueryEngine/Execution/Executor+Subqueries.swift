import Columnar
import Kernels

/// What a subquery produced for one binding of its outer columns.
enum SubqueryOutcome {
    case scalar(Value)
    case exists(Bool)
    /// The values of an `IN` subquery's column: the non-NULL ones, and whether a NULL was among them.
    case set(Column, members: Set<Value>, hasNull: Bool)
}

extension Executor {
    func evaluateSubquery(_ subquery: BoundSubquery, _ input: Relation) throws(QueryError) -> Column {
        let n = input.rowCount
        if subquery.correlatedColumns.isEmpty {
            let outcome: SubqueryOutcome
            if let cached = uncorrelatedResults[subquery.id] {
                outcome = cached
            } else {
                outcome = try runSubquery(subquery)
                uncorrelatedResults[subquery.id] = outcome
            }
            switch outcome {
            case .scalar(let v): return Column(repeating: v, count: n, type: subquery.type)
            case .exists(let b): return Column(repeating: .boolean(b), count: n)
            case .set(_, let members, let hasNull):
                let operand = try evaluate(subquery.operand!, input)
                return membership(operand, rows: nil, members: members, hasNull: hasNull, subquery: subquery)
            }
        }
        // Correlated: run once per distinct binding of the outer columns, memoised.
        let keyColumns = subquery.correlatedColumns.map { input.columns[$0] }
        let operand = try subquery.operand.map { (e) throws(QueryError) in try evaluate(e, input) }
        var builder = ColumnBuilder(type: subquery.type, capacity: n)
        var memo = correlatedResults[subquery.id] ?? [:]
        defer { correlatedResults[subquery.id] = memo }
        for row in 0..<n {
            if row & 1023 == 0 { try interruption.check() }
            let key = keyColumns.map { $0[row] }
            let outcome: SubqueryOutcome
            if let known = memo[key] {
                outcome = known
            } else {
                environment.append(key)
                defer { environment.removeLast() }
                outcome = try runSubquery(subquery)
                memo[key] = outcome
            }
            switch outcome {
            case .scalar(let v): builder.append(v)
            case .exists(let b): builder.append(b)
            case .set(_, let members, let hasNull):
                let value = operand![row]
                let negated: Bool
                if case .inSubquery(let n, _) = subquery.kind { negated = n } else { negated = false }
                let empty = members.isEmpty && !hasNull
                if empty {
                    builder.append(negated)
                } else if value.isNull {
                    builder.appendNull()
                } else if members.contains(value) {
                    builder.append(!negated)
                } else if hasNull {
                    builder.appendNull()
                } else {
                    builder.append(negated)
                }
            }
        }
        return builder.build()
    }

    private func runSubquery(_ subquery: BoundSubquery) throws(QueryError) -> SubqueryOutcome {
        let result = try execute(subquery.plan)
        switch subquery.kind {
        case .scalar:
            guard result.rowCount <= 1 else {
                throw QueryError(
                    .invalidQuery, "More than one row returned by a subquery used as an expression",
                    range: subquery.range)
            }
            return .scalar(result.rowCount == 0 ? .null : result.columns[0][0])
        case .exists(let negated):
            return .exists((result.rowCount > 0) != negated)
        case .inSubquery:
            let column = result.columns[0]
            var members = Set<Value>()
            var hasNull = false
            for row in 0..<column.count {
                let v = column[row]
                if v.isNull { hasNull = true } else { members.insert(v) }
            }
            return .set(column, members: members, hasNull: hasNull)
        }
    }

    /// `operand [NOT] IN (set)` with SQL's three-valued rules.
    private func membership(
        _ operand: Column, rows: [Int32]?, members: Set<Value>, hasNull: Bool, subquery: BoundSubquery
    ) -> Column {
        let negated: Bool
        if case .inSubquery(let n, _) = subquery.kind { negated = n } else { negated = false }
        let n = operand.count
        if members.isEmpty && !hasNull { return Column(repeating: .boolean(negated), count: n) }
        var values = [Bool](repeating: false, count: n)
        var valid = [Bool](repeating: true, count: n)
        var anyNull = false
        // Strings: test each dictionary entry once, then map codes.
        if case .varchar(let codes, let dictionary) = operand.storage {
            let hit = dictionary.strings.map { members.contains(.varchar($0)) }
            for i in 0..<n {
                if operand.isNull(i) { valid[i] = false; anyNull = true; continue }
                if hit[Int(codes[i])] {
                    values[i] = !negated
                } else if hasNull {
                    valid[i] = false
                    anyNull = true
                } else {
                    values[i] = negated
                }
            }
        } else {
            for i in 0..<n {
                let v = operand[i]
                if v.isNull { valid[i] = false; anyNull = true; continue }
                if members.contains(v) {
                    values[i] = !negated
                } else if hasNull {
                    valid[i] = false
                    anyNull = true
                } else {
                    values[i] = negated
                }
            }
        }
        return Column(.boolean(values), validity: anyNull ? Validity(valid) : nil)
    }
}
