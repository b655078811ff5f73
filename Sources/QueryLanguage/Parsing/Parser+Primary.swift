/// Prefix operators and primary expressions: literals, names, parentheses, subqueries, `CASE`, `CAST`,
/// `EXISTS`, struct and list literals, function calls.
extension Parser {
    // Each form is its own small function: in debug builds a big `switch` keeps every case's locals in
    // one stack frame, and these functions recurse once per nesting level.

    /// `NOT x`, `-x`, `+x`, or a primary with its postfix `::type` casts left to the caller.
    mutating func parsePrefixExpression() throws(SyntaxError) -> Expression {
        switch current.kind {
        case .keyword(.not): try parseNot()
        case .symbol(.minus), .symbol(.plus): try parseSign()
        default: try parsePrimary()
        }
    }

    /// `NOT x`; `NOT EXISTS (...)` becomes a negated `EXISTS`.
    private mutating func parseNot() throws(SyntaxError) -> Expression {
        let start = advance().range
        let directlyExists = current.isKeyword(.exists)
        let operand = try parseExpression(Precedence.not.tighter)
        let range = start.union(operand.range)
        if directlyExists, case .exists(let query, negated: false) = operand.kind {
            return Expression(.exists(query, negated: true), range)
        }
        return Expression(.unary(.not, operand), range)
    }

    /// `-x` or `+x`. `-5` stays a negation of the literal 5, as written (the binder folds it, so
    /// `ORDER BY -1` is not mistaken for an ordinal).
    private mutating func parseSign() throws(SyntaxError) -> Expression {
        let sign = advance()
        let operand = try parseExpression(.unary)
        return Expression(.unary(sign.isSymbol(.minus) ? .negate : .plus, operand), sign.range.union(operand.range))
    }

    private mutating func parsePrimary() throws(SyntaxError) -> Expression {
        switch current.kind {
        case .integer, .decimal, .string, .keyword(.true), .keyword(.false), .keyword(.null):
            return parseLiteral()
        case .keyword(.date) where peek().kind == .string:
            return parseTypedLiteral()
        case .identifier where isInterval:
            return try parseInterval()
        case .symbol(.leftParen):
            return try parseParenthesised()
        case .keyword(.case):
            return try parseCase()
        case .keyword(.cast), .keyword(.tryCast):
            return try parseCast()
        case .keyword(.exists):
            return try parseExists()
        case .symbol(.leftBrace):
            return try parseStructLiteral()
        case .symbol(.leftBracket):
            return try parseListLiteral()
        case .keyword(.left) where peek().isSymbol(.leftParen), .keyword(.right) where peek().isSymbol(.leftParen):
            return try parseCall()
        default:
            if isQuantifiedSubquery {
                throw SyntaxError(
                    "\(current.text.uppercased()) (subquery) must follow a comparison operator, as in x = \(current.text.uppercased()) (SELECT ...)",
                    at: current.range)
            }
            guard atName else { throw unexpected(expected: "an expression") }
            if isExtract { return try parseExtract() }
            if peek().isSymbol(.leftParen) { return try parseCall() }
            if isNiladicFunction(current) { return parseNiladicCall() }
            return try parseColumnReference()
        }
    }

    /// `ANY (SELECT ...)`, `ALL (...)`, `SOME (...)` where an operand is expected (they must follow a comparison).
    private var isQuantifiedSubquery: Bool {
        let word = current.text.lowercased()
        guard ["any", "all", "some"].contains(word), peek().isSymbol(.leftParen) else { return false }
        return peek(2).isKeyword(.select) || peek(2).isKeyword(.with)
    }

    /// `extract(field FROM x)`: SQL's spelling of `date_part('field', x)`. Recognised only in that shape,
    /// so a function or column named `extract` still works.
    private var isExtract: Bool {
        current.kind == .identifier && current.text.lowercased() == "extract" && peek().isSymbol(.leftParen)
            && (Parser.isName(peek(2)) || peek(2).kind == .string) && peek(3).isKeyword(.from)
    }

    private mutating func parseExtract() throws(SyntaxError) -> Expression {
        let name = advance()
        try expect(.leftParen)
        let field = advance()
        let part = Expression(
            .literal(.string(field.kind == .string ? field.text : field.text.lowercased())), field.range)
        try expect(.from)
        let value = try parseExpression()
        try expect(.rightParen)
        let range = SourceRange(name.range.lowerBound, previousEnd)
        let call = FunctionCall(name: "date_part", nameRange: name.range, arguments: [part, value])
        return Expression(.function(call), range)
    }

    /// SQL's functions called without parentheses (`current_date`), as in PostgreSQL and DuckDB. Only
    /// unquoted and unqualified: `"current_date"` and `t.current_date` stay column names.
    private static let niladicFunctions: Set<String> = ["current_date", "current_time", "current_timestamp"]

    private func isNiladicFunction(_ token: Token) -> Bool {
        token.kind == .identifier && !peek().isSymbol(.dot) && Parser.niladicFunctions.contains(token.text.lowercased())
    }

    private mutating func parseNiladicCall() -> Expression {
        let name = advance()
        return Expression(.function(FunctionCall(name: name.text, nameRange: name.range, arguments: [])), name.range)
    }

    /// A number, string, `TRUE`, `FALSE` or `NULL` at the current token.
    private mutating func parseLiteral() -> Expression {
        let token = advance()
        let literal: Literal =
            switch token.kind {
            case .integer: .integer(token.text)
            case .decimal: .decimal(token.text)
            case .string: .string(token.text)
            case .keyword(.true): .boolean(true)
            case .keyword(.false): .boolean(false)
            default: .null
            }
        return Expression(.literal(literal), token.range)
    }

    /// `DATE '2011-12-01'`.
    private mutating func parseTypedLiteral() -> Expression {
        let typeToken = advance()
        let value = advance()
        let type = TypeName(name: typeToken.text, range: typeToken.range)
        return Expression(.literal(.typed(type, value.text)), typeToken.range.union(value.range))
    }

    private mutating func parseCall() throws(SyntaxError) -> Expression {
        let start = current.range.lowerBound
        let call = try parseFunctionCall()
        return Expression(.function(call), SourceRange(start, previousEnd))
    }

    /// `EXISTS (query)`.
    private mutating func parseExists() throws(SyntaxError) -> Expression {
        let start = advance().range
        try expect(.leftParen)
        let query = try parseQuery()
        let end = try expect(.rightParen).range
        return Expression(.exists(query, negated: false), start.union(end))
    }

    /// `[a, b]`.
    private mutating func parseListLiteral() throws(SyntaxError) -> Expression {
        let start = advance().range
        let elements = current.isSymbol(.rightBracket) ? [] : try parseExpressionList()
        let end = try expect(.rightBracket).range
        return Expression(.listLiteral(elements), start.union(end))
    }

    /// `(expr)` or a scalar subquery `(SELECT ...)`.
    private mutating func parseParenthesised() throws(SyntaxError) -> Expression {
        let open = try expect(.leftParen)
        if current.isKeyword(.select) || current.isKeyword(.with) || current.isKeyword(.values)
            || current.isKeyword(.from)
        {
            let query = try parseQuery()
            let close = try expect(.rightParen)
            return Expression(.subquery(query), open.range.union(close.range))
        }
        var inner = try parseExpression()
        let close = try expect(.rightParen)
        inner.range = open.range.union(close.range)
        return inner
    }

    /// `a`, `t.a`, `"Quoted"."Name"`.
    private mutating func parseColumnReference() throws(SyntaxError) -> Expression {
        let start = current.range.lowerBound
        var parts: [String] = []
        var quoted: [Bool] = []
        repeat {
            guard atName else { throw unexpected(expected: "a column name") }
            let part = advance()
            parts.append(part.text)
            quoted.append(part.kind == .quotedIdentifier)
        } while accept(.dot)
        return Expression(.column(parts: parts, quoted: quoted), SourceRange(start, previousEnd))
    }

    /// `CASE [operand] WHEN c THEN r ... [ELSE e] END`.
    private mutating func parseCase() throws(SyntaxError) -> Expression {
        // CASE's recursion costs more stack than a parenthesis, so it counts twice.
        try enterNesting()
        defer { leaveNesting() }
        let start = try expect(.case).range
        if current.isKeyword(.end) { throw unexpected(expected: "WHEN") }
        let operand = current.isKeyword(.when) ? nil : try parseExpression()
        var branches: [WhenClause] = []
        while accept(.when) {
            let condition = try parseExpression()
            try expect(.then)
            branches.append(WhenClause(condition: condition, result: try parseExpression()))
        }
        if branches.isEmpty { throw unexpected(expected: "WHEN") }
        let otherwise = accept(.else) ? try parseExpression() : nil
        let end = try expect(.end).range
        return Expression(.caseWhen(operand: operand, branches: branches, otherwise: otherwise), start.union(end))
    }

    /// `CAST(x AS type)` or `TRY_CAST(x AS type)`.
    private mutating func parseCast() throws(SyntaxError) -> Expression {
        let keyword = advance()
        try expect(.leftParen)
        let value = try parseExpression()
        try expect(.as)
        let type = try parseTypeName()
        let end = try expect(.rightParen).range
        return Expression(.cast(value, type, isTry: keyword.isKeyword(.tryCast)), keyword.range.union(end))
    }

    /// `{'key': value, key2: value}`.
    private mutating func parseStructLiteral() throws(SyntaxError) -> Expression {
        let start = try expect(.leftBrace).range
        var fields: [(key: String, value: Expression)] = []
        if !current.isSymbol(.rightBrace) {
            repeat {
                guard current.kind == .string || atName else { throw unexpected(expected: "a field name") }
                let key = advance().text
                try expect(.colon)
                fields.append((key, try parseExpression()))
            } while accept(.comma)
        }
        let end = try expect(.rightBrace).range
        return Expression(.structLiteral(fields), start.union(end))
    }

    /// `INTERVAL 3 DAY`, `INTERVAL '3' DAY`, `INTERVAL (n) MONTH`, `INTERVAL '1 month'`.
    private var isInterval: Bool {
        current.text.lowercased() == "interval"
            && (peek().kind == .string || peek().kind == .integer || peek().isSymbol(.leftParen))
    }

    private mutating func parseInterval() throws(SyntaxError) -> Expression {
        let start = advance().range
        let quantity: Expression
        var unitText: String?
        var unitRange = current.range
        if current.kind == .string {
            let token = advance()
            let words = token.text.split(whereSeparator: { $0 == " " }).map(String.init)
            guard (1...2).contains(words.count), let n = Int64(words[0]) else {
                throw SyntaxError(
                    "INTERVAL '\(token.text)' is not a number of days, weeks, months or years", at: token.range)
            }
            let digits = String(n.magnitude)
            let literal = Expression(.literal(.integer(digits)), token.range)
            quantity = n < 0 ? Expression(.unary(.negate, literal), token.range) : literal
            if words.count == 2 {
                unitText = words[1]
                unitRange = token.range
            }
        } else if current.kind == .integer {
            quantity = parseLiteral()
        } else {
            try expect(.leftParen)
            quantity = try parseExpression()
            try expect(.rightParen)
        }
        if unitText == nil {
            guard Parser.isName(current) else {
                throw unexpected(expected: "DAY, WEEK, MONTH or YEAR")
            }
            unitRange = current.range
            unitText = advance().text
        }
        let range = start.union(unitRange)
        var word = (unitText ?? "").lowercased()
        if word.hasSuffix("s") { word.removeLast() }
        func times(_ n: Int) -> Expression {
            Expression(.binary(.multiply, quantity, Expression(.literal(.integer(String(n))), unitRange)), range)
        }
        switch word {
        case "day": return Expression(.interval(quantity, .day), range)
        case "week": return Expression(.interval(times(7), .day), range)
        case "month": return Expression(.interval(quantity, .month), range)
        case "year": return Expression(.interval(times(12), .month), range)
        default:
            throw SyntaxError(
                "INTERVAL unit \"\(unitText ?? "")\" is not supported; use DAY, WEEK, MONTH or YEAR", at: unitRange)
        }
    }
}
