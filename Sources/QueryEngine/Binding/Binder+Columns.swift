import Kernels
import QueryLanguage

/// DuckDB's `COLUMNS('regex')` and `COLUMNS(*)` in a select list: the item is repeated once per
/// matching FROM column (in FROM order), `COLUMNS(...)` standing for that column, and the output
/// column takes the column's name (unless aliased). The call may be the whole item or sit inside
/// function calls, operators and casts (`min(COLUMNS('^amount'))`, `COLUMNS(*) + 1`).
extension Binder {
    /// The expansions of a select item holding `COLUMNS(...)`, or nil when it holds none.
    func expandColumns(_ e: Expression, scope: Scope) throws(QueryError) -> [(Expression, name: String)]? {
        var found: Expression?
        e.walk { node in
            if Binder.columnsArgument(node) != nil { found = node }
            return found == nil
        }
        guard let call = found, let argument = Binder.columnsArgument(call) else { return nil }
        let candidates = scope.entries.filter { !$0.isMergedAway }
        let chosen: [Scope.Entry]
        switch argument.kind {
        case .star(nil):
            chosen = candidates
        case .literal(.string(let pattern)):
            let matching: [Bool]
            do {
                matching = try RegexNameFilter.matches(candidates.map(\.name), pattern: pattern)
            } catch {
                throw QueryError(
                    .invalidQuery, "Failed to compile regex \"\(pattern)\": \(error.message)", range: call.range)
            }
            chosen = zip(candidates, matching).filter(\.1).map(\.0)
            guard !chosen.isEmpty else {
                throw QueryError(
                    .invalidQuery, "No matching columns found that match regex \"\(pattern)\"", range: call.range)
            }
        default:
            throw QueryError(
                .invalidQuery, "COLUMNS expects a regular expression string or *", range: argument.range)
        }
        var expansions: [(Expression, name: String)] = []
        for entry in chosen {
            let parts = (entry.qualifier.map { [$0] } ?? []) + [entry.name]
            let column = Expression(.column(parts: parts, quoted: parts.map { _ in true }), call.range)
            expansions.append((try Binder.replacingColumns(in: e, with: column), entry.name))
        }
        return expansions
    }

    /// `COLUMNS(arg)`'s argument when `e` is that call.
    private static func columnsArgument(_ e: Expression) -> Expression? {
        guard case .function(let f) = e.kind, f.name.lowercased() == "columns", f.arguments.count == 1,
            f.over == nil, f.namedArguments.isEmpty
        else { return nil }
        return f.arguments[0]
    }

    /// `e` with every `COLUMNS(...)` replaced by `column`, through calls, operators and casts.
    private static func replacingColumns(in e: Expression, with column: Expression) throws(QueryError) -> Expression {
        if columnsArgument(e) != nil { return column }
        var copy = e
        switch e.kind {
        case .function(var f):
            var arguments: [Expression] = []
            for argument in f.arguments { arguments.append(try replacingColumns(in: argument, with: column)) }
            f.arguments = arguments
            copy.kind = .function(f)
        case .binary(let op, let a, let b):
            copy.kind = .binary(
                op, try replacingColumns(in: a, with: column), try replacingColumns(in: b, with: column))
        case .unary(let op, let a):
            copy.kind = .unary(op, try replacingColumns(in: a, with: column))
        case .cast(let a, let type, let isTry):
            copy.kind = .cast(try replacingColumns(in: a, with: column), type, isTry: isTry)
        default:
            var nested = false
            e.walk { node in
                if columnsArgument(node) != nil { nested = true }
                return !nested
            }
            if nested {
                throw QueryError(
                    .invalidQuery, "COLUMNS(...) is supported inside function calls, operators and casts only",
                    range: e.range)
            }
        }
        return copy
    }
}
