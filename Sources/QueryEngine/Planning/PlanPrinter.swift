import Columnar
import QueryLanguage

/// The plan as an indented tree, one operator a line (EXPLAIN's output). Columns print as `#i`, the
/// position in the operator's input.
enum PlanPrinter {
    static func lines(_ plan: LogicalPlan) -> [String] {
        var output: [String] = []
        render(plan, depth: 0, into: &output)
        return output
    }

    private static func render(_ plan: LogicalPlan, depth: Int, into output: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        func line(_ text: String) { output.append(indent + text) }
        switch plan {
        case .scan(let source, let columns):
            let names = columns.map { source.table.schema.fields[$0].name }
            line("SCAN \(source.name) (\(names.joined(separator: ", "))) ~\(source.table.rowCount) rows")
        case .values(let rows, _):
            line("VALUES \(rows.count) row\(rows.count == 1 ? "" : "s")")
        case .filter(let input, let predicate):
            line("FILTER \(describe(predicate))")
            render(input, depth: depth + 1, into: &output)
        case .project(let input, let exprs):
            line("PROJECTION \(exprs.map(describe).joined(separator: ", "))")
            render(input, depth: depth + 1, into: &output)
        case .join(let spec):
            var text =
                spec.leftKeys.isEmpty
                ? (spec.kind == .cross ? "CROSS_PRODUCT" : "NESTED_LOOP_JOIN \(spec.kind.rawValue)")
                : "HASH_JOIN \(spec.kind.rawValue)"
            if !spec.leftKeys.isEmpty {
                let width = spec.left.outputTypes.count
                let keys = zip(spec.leftKeys, spec.rightKeys).map {
                    "\(describe($0)) = \(describe($1.remapColumns { $0 + width }))"
                }
                text += " ON " + keys.joined(separator: " AND ")
            }
            if let residual = spec.residual { text += " WHERE " + describe(residual) }
            line(text)
            render(spec.left, depth: depth + 1, into: &output)
            render(spec.right, depth: depth + 1, into: &output)
        case .aggregate(let input, let groups, let aggregates):
            let aggregateText = aggregates.map { a in
                "\(a.name)(\(a.distinct ? "DISTINCT " : "")\(a.arguments.map(describe).joined(separator: ", ")))"
                    + (a.filter.map { " FILTER \(describe($0))" } ?? "")
            }
            line(
                "HASH_GROUP_BY [\(groups.map(describe).joined(separator: ", "))] [\(aggregateText.joined(separator: ", "))]"
            )
            render(input, depth: depth + 1, into: &output)
        case .window(let input, let windows):
            line(
                "WINDOW \(windows.map { "\($0.name)(\($0.arguments.map(describe).joined(separator: ", ")))" }.joined(separator: ", "))"
            )
            render(input, depth: depth + 1, into: &output)
        case .sort(let input, let orders, let limit):
            let keys = orders.map { "\(describe($0.expression)) \($0.ascending ? "ASC" : "DESC")" }
            line((limit.map { "TOP_N \($0) " } ?? "ORDER_BY ") + keys.joined(separator: ", "))
            render(input, depth: depth + 1, into: &output)
        case .limit(let input, let limit, let offset):
            line("LIMIT \(limit.map(String.init) ?? "ALL")\(offset > 0 ? " OFFSET \(offset)" : "")")
            render(input, depth: depth + 1, into: &output)
        case .distinct(let input):
            line("DISTINCT")
            render(input, depth: depth + 1, into: &output)
        case .setOperation(let op, let all, let l, let r):
            line("\(op.rawValue)\(all ? " ALL" : "")")
            render(l, depth: depth + 1, into: &output)
            render(r, depth: depth + 1, into: &output)
        }
    }

    static func describe(_ e: BoundExpression) -> String {
        switch e {
        case .column(let i, _): return "#\(i)"
        case .constant(let v, let t):
            if case .varchar(let s) = v { return "'\(s)'" }
            return v.isNull ? "NULL::\(t)" : v.description
        case .untypedNull: return "NULL"
        case .outer(_, let i, _): return "outer#\(i)"
        case .call(let name, _, let args, _):
            if args.count == 2, !name.first!.isLetter {
                return "(\(describe(args[0])) \(name) \(describe(args[1])))"
            }
            return "\(name)(\(args.map(describe).joined(separator: ", ")))"
        case .cast(let e, let t, let isTry, _): return "\(isTry ? "TRY_CAST" : "CAST")(\(describe(e)) AS \(t))"
        case .caseWhen(let branches, let otherwise, _):
            return "CASE "
                + branches.map { "WHEN \(describe($0.condition)) THEN \(describe($0.result))" }.joined(separator: " ")
                + " ELSE \(describe(otherwise)) END"
        case .and(let xs): return "(" + xs.map(describe).joined(separator: " AND ") + ")"
        case .or(let xs): return "(" + xs.map(describe).joined(separator: " OR ") + ")"
        case .isNull(let e, let negated): return "(\(describe(e)) IS \(negated ? "NOT " : "")NULL)"
        case .subquery(let s):
            switch s.kind {
            case .scalar: return "SUBQUERY"
            case .exists(let n): return n ? "NOT EXISTS(...)" : "EXISTS(...)"
            case .inSubquery(let n, _): return "(\(s.operand.map(describe) ?? "") \(n ? "NOT IN" : "IN") (SUBQUERY))"
            }
        }
    }
}
