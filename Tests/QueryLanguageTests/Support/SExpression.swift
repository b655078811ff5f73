@testable import QueryLanguage

/// Prints the AST as S-expressions so parser tests can state the expected tree shape in one line.
///
/// Conventions: operators and clause names in upper case lead a list (`(+ a b)`, `(WHERE e)`); a query
/// with nothing but a body prints as the body alone; names print as written.
enum SExpression {
    static func of(_ statement: Statement) -> String {
        switch statement.kind {
        case .query(let query):
            return of(query)
        case .createTableAs(let name, let orReplace, let ifNotExists, let query):
            return list("CREATE_TABLE_AS", flags(orReplace, ifNotExists), name, of(query))
        case .createTable(let name, let orReplace, let ifNotExists, let columns):
            let definitions = columns.map { list($0.name, of($0.type)) }
            return list(["CREATE_TABLE", flags(orReplace, ifNotExists), name] + definitions)
        case .createView(let name, let orReplace, let query):
            return list("CREATE_VIEW", orReplace ? "OR_REPLACE" : "", name, of(query))
        case .drop(let kind, let name, let ifExists):
            return list("DROP_\(kind.rawValue)", ifExists ? "IF_EXISTS" : "", name)
        case .insert(let table, let columns, let source):
            return list("INSERT", table, columns.map { list(["COLUMNS"] + $0) } ?? "", of(source))
        case .copy(let source, let path, let options):
            let sourceText: String
            switch source {
            case .table(let name, _): sourceText = name
            case .query(let query): sourceText = of(query)
            }
            return list(["COPY", sourceText, quote(path)] + options.map { list($0.name, of($0.value)) })
        case .describe(.table(let name, _)):
            return list("DESCRIBE", name)
        case .describe(.query(let query)):
            return list("DESCRIBE", of(query))
        case .showTables:
            return "(SHOW_TABLES)"
        case .explain(let inner):
            return list("EXPLAIN", of(inner))
        }
    }

    static func of(_ query: Query) -> String {
        let body = of(query.body)
        if query.with.isEmpty && query.orderBy.isEmpty && query.limit == nil && query.offset == nil { return body }
        var parts = ["QUERY"]
        if !query.with.isEmpty {
            parts.append(
                list(
                    ["WITH"]
                        + query.with.map { cte in
                            list(cte.name, cte.columnNames.isEmpty ? "" : list(cte.columnNames), of(cte.query))
                        }))
        }
        parts.append(body)
        if !query.orderBy.isEmpty { parts.append(list(["ORDER"] + query.orderBy.map(of))) }
        if let limit = query.limit { parts.append(list("LIMIT", of(limit))) }
        if let offset = query.offset { parts.append(list("OFFSET", of(offset))) }
        return list(parts)
    }

    static func of(_ body: QueryBody) -> String {
        switch body {
        case .select(let select): return of(select)
        case .setOperation(let op, let all, let left, let right):
            return list(op.rawValue + (all ? "_ALL" : ""), of(left), of(right))
        case .nested(let query): return of(query)
        case .values(let rows, _): return list(["VALUES"] + rows.map { list($0.map(of)) })
        }
    }

    static func of(_ select: Select) -> String {
        var parts = ["SELECT"]
        if select.distinct { parts.append("DISTINCT") }
        if !select.distinctOn.isEmpty { parts.append(list(["DISTINCT_ON"] + select.distinctOn.map(of))) }
        parts += select.items.map(of)
        if !select.from.isEmpty { parts.append(list(["FROM"] + select.from.map(of))) }
        if let condition = select.whereClause { parts.append(list("WHERE", of(condition))) }
        if !select.groupBy.isEmpty { parts.append(list(["GROUP"] + select.groupBy.map(of))) }
        if select.groupByAll { parts.append("(GROUP ALL)") }
        if let having = select.having { parts.append(list("HAVING", of(having))) }
        if let qualify = select.qualify { parts.append(list("QUALIFY", of(qualify))) }
        return list(parts)
    }

    static func of(_ item: SelectItem) -> String {
        switch item {
        case .expression(let expression, let alias):
            return alias.map { list("AS", of(expression), $0) } ?? of(expression)
        case .wildcard(let qualifier, let exclude, let replace, _):
            let star = qualifier.map { "\($0).*" } ?? "*"
            var parts = [star]
            if !exclude.isEmpty { parts += ["EXCLUDE"] + exclude }
            if !replace.isEmpty { parts += ["REPLACE"] + replace.map { list("AS", of($0.expression), $0.name) } }
            return parts.count == 1 ? star : list(parts)
        }
    }

    static func of(_ reference: TableReference) -> String {
        switch reference {
        case .named(let name, let alias, _):
            return alias.map { list("AS", name, $0) } ?? name
        case .function(let call, let alias, let columns, _):
            return aliased(of(call), alias, columns)
        case .subquery(let query, let alias, let columns, _):
            return aliased(list("DERIVED", of(query)), alias, columns)
        case .join(let join):
            let condition: String
            switch join.condition {
            case .on(let expression): condition = list("ON", of(expression))
            case .using(let columns): condition = list(["USING"] + columns)
            case .natural: condition = "NATURAL"
            case .none: condition = ""
            }
            return list("\(join.kind.rawValue)_JOIN", of(join.left), of(join.right), condition)
        }
    }

    private static func aliased(_ text: String, _ alias: String?, _ columns: [String]) -> String {
        guard let alias else { return text }
        return list("AS", text, alias, columns.isEmpty ? "" : list(columns))
    }

    static func of(_ expression: Expression) -> String {
        switch expression.kind {
        case .literal(let literal): return of(literal)
        case .column(let parts, let quoted):
            return zip(parts, quoted).map { $1 ? "\"\($0)\"" : $0 }.joined(separator: ".")
        case .star(let qualifier): return qualifier.map { "\($0).*" } ?? "*"
        case .unary(let op, let operand): return list(op.rawValue, of(operand))
        case .binary(let op, let left, let right): return list(op.rawValue, of(left), of(right))
        case .function(let call): return of(call)
        case .cast(let value, let type, let isTry): return list(isTry ? "TRY_CAST" : "CAST", of(value), of(type))
        case .caseWhen(let operand, let branches, let otherwise):
            var parts = ["CASE"]
            if let operand { parts.append(of(operand)) }
            parts += branches.map { list("WHEN", of($0.condition), of($0.result)) }
            if let otherwise { parts.append(list("ELSE", of(otherwise))) }
            return list(parts)
        case .inList(let value, let items, let negated):
            return list([negated ? "NOT_IN" : "IN", of(value)] + items.map(of))
        case .inSubquery(let value, let query, let negated):
            return list(negated ? "NOT_IN" : "IN", of(value), of(query))
        case .exists(let query, let negated): return list(negated ? "NOT_EXISTS" : "EXISTS", of(query))
        case .interval(let quantity, let unit): return list("INTERVAL", of(quantity), unit.rawValue)
        case .quantified(let value, let op, let query, let all):
            return list(op.rawValue, of(value), list(all ? "ALL" : "ANY", of(query)))
        case .subquery(let query): return list("SUBQUERY", of(query))
        case .between(let value, let low, let high, let negated):
            return list(negated ? "NOT_BETWEEN" : "BETWEEN", of(value), of(low), of(high))
        case .like(let value, let pattern, let caseInsensitive, let negated, let escape):
            let name = (negated ? "NOT_" : "") + (caseInsensitive ? "ILIKE" : "LIKE")
            return list(name, of(value), of(pattern), escape.map { list("ESCAPE", of($0)) } ?? "")
        case .isNull(let value, let negated): return list(negated ? "IS_NOT_NULL" : "IS_NULL", of(value))
        case .isDistinctFrom(let left, let right, let negated):
            return list(negated ? "IS_NOT_DISTINCT_FROM" : "IS_DISTINCT_FROM", of(left), of(right))
        case .structLiteral(let fields): return list(["STRUCT"] + fields.map { list($0.key, of($0.value)) })
        case .listLiteral(let elements): return list(["LIST"] + elements.map(of))
        }
    }

    static func of(_ literal: Literal) -> String {
        switch literal {
        case .null: "NULL"
        case .integer(let text), .decimal(let text): text
        case .string(let text): quote(text)
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .typed(let type, let text): list(of(type), quote(text))
        }
    }

    static func of(_ type: TypeName) -> String {
        type.parameters.isEmpty ? type.name : "\(type.name)(\(type.parameters.map(String.init).joined(separator: ",")))"
    }

    static func of(_ call: FunctionCall) -> String {
        var parts = [call.name]
        if call.distinct { parts.append("DISTINCT") }
        parts += call.arguments.map(of)
        parts += call.namedArguments.map { list(":=", $0.name, of($0.value)) }
        if !call.orderBy.isEmpty { parts.append(list(["ORDER"] + call.orderBy.map(of))) }
        if let filter = call.filter { parts.append(list("FILTER", of(filter))) }
        if let window = call.over {
            var over = ["OVER"]
            if !window.partitionBy.isEmpty { over.append(list(["PARTITION"] + window.partitionBy.map(of))) }
            if !window.orderBy.isEmpty { over.append(list(["ORDER"] + window.orderBy.map(of))) }
            if let frame = window.frame {
                over.append(list(frame.unit == .rows ? "ROWS" : "RANGE", of(frame.start), of(frame.end)))
            }
            parts.append(list(over))
        }
        return list(parts)
    }

    static func of(_ bound: WindowFrame.Bound) -> String {
        switch bound {
        case .unboundedPreceding: "UNBOUNDED_PRECEDING"
        case .preceding(let offset): list("PRECEDING", of(offset))
        case .currentRow: "CURRENT_ROW"
        case .following(let offset): list("FOLLOWING", of(offset))
        case .unboundedFollowing: "UNBOUNDED_FOLLOWING"
        }
    }

    static func of(_ item: OrderItem) -> String {
        var suffix: [String] = []
        if !item.ascending { suffix.append("DESC") }
        if let nullsFirst = item.nullsFirst { suffix.append(nullsFirst ? "NULLS_FIRST" : "NULLS_LAST") }
        let key = item.isAll ? "ALL" : of(item.expression)
        return suffix.isEmpty ? key : list([key] + suffix)
    }

    private static func flags(_ orReplace: Bool, _ ifNotExists: Bool) -> String {
        [orReplace ? "OR_REPLACE" : "", ifNotExists ? "IF_NOT_EXISTS" : ""].filter { !$0.isEmpty }.joined(
            separator: " ")
    }

    private static func quote(_ text: String) -> String {
        "'" + text.map { $0 == "'" ? "''" : String($0) }.joined() + "'"
    }

    /// `(a b c)`, empty parts dropped.
    private static func list(_ parts: String...) -> String { list(parts) }

    private static func list(_ parts: [String]) -> String {
        "(" + parts.filter { !$0.isEmpty }.joined(separator: " ") + ")"
    }
}

/// Parses exactly one statement and prints it; a test failure shows the error message instead.
func sexp(_ sql: String) -> String {
    do {
        let statements = try parseScript(sql)
        guard statements.count == 1 else { return "<\(statements.count) statements>" }
        return SExpression.of(statements[0])
    } catch {
        return "<error: \(error.message)>"
    }
}

/// Parses one expression and prints it.
func expressionSexp(_ sql: String) -> String {
    do {
        return SExpression.of(try parseExpression(sql))
    } catch {
        return "<error: \(error.message)>"
    }
}

/// The error message for `sql`, or nil when it parses.
func syntaxError(_ sql: String) -> SyntaxError? {
    do {
        _ = try parseScript(sql)
        return nil
    } catch {
        return error
    }
}
