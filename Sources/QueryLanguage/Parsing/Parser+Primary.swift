/// Prefix operators and primary expressions: literals, names, parentheses, subqueries, `CASE`, `CAST`,
/// `EXISTS`, struct and list literals, function calls.
extension Parser {
    /// `NOT x`, `-x`, `+x`, or a primary with its postfix `::type` casts left to the caller.
    mutating func parsePrefixExpression() throws(SyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .keyword(.not):
            advance()
            let directlyExists = current.isKeyword(.exists)
            let operand = try parseExpression(Precedence.not.tighter)
            let range = token.range.union(operand.range)
            if directlyExists, case .exists(let query, negated: false) = operand.kind {
                return Expression(.exists(query, negated: true), range)
            }
            return Expression(.unary(.not, operand), range)
        case .symbol(.minus), .symbol(.plus):
            advance()
            let operand = try parseExpression(.unary)
            let range = token.range.union(operand.range)
            if token.isSymbol(.minus), case .literal(let literal) = operand.kind {
                // Fold `-5` into the literal so the binder sees -9223372036854775808 as one BIGINT.
                switch literal {
                case .integer(let digits) where !digits.hasPrefix("-"):
                    return Expression(.literal(.integer("-" + digits)), range)
                case .decimal(let digits) where !digits.hasPrefix("-"):
                    return Expression(.literal(.decimal("-" + digits)), range)
                default: break
                }
            }
            return Expression(.unary(token.isSymbol(.minus) ? .negate : .plus, operand), range)
        default:
            return try parsePrimary()
        }
    }

    private mutating func parsePrimary() throws(SyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .integer:
            advance()
            return Expression(.literal(.integer(token.text)), token.range)
        case .decimal:
            advance()
            return Expression(.literal(.decimal(token.text)), token.range)
        case .string:
            advance()
            return Expression(.literal(.string(token.text)), token.range)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expression(.literal(.boolean(token.isKeyword(.true))), token.range)
        case .keyword(.null):
            advance()
            return Expression(.literal(.null), token.range)
        case .keyword(.date) where peek().kind == .string:
            advance()
            let value = advance()
            let type = TypeName(name: token.text, range: token.range)
            return Expression(.literal(.typed(type, value.text)), token.range.union(value.range))
        case .symbol(.leftParen):
            return try parseParenthesised()
        case .keyword(.case):
            return try parseCase()
        case .keyword(.cast), .keyword(.tryCast):
            return try parseCast()
        case .keyword(.exists):
            advance()
            try expect(.leftParen)
            let query = try parseQuery()
            let end = try expect(.rightParen).range
            return Expression(.exists(query, negated: false), token.range.union(end))
        case .symbol(.leftBrace):
            return try parseStructLiteral()
        case .symbol(.leftBracket):
            advance()
            let elements = current.isSymbol(.rightBracket) ? [] : try parseExpressionList()
            let end = try expect(.rightBracket).range
            return Expression(.listLiteral(elements), token.range.union(end))
        case .keyword(.left) where peek().isSymbol(.leftParen), .keyword(.right) where peek().isSymbol(.leftParen):
            let call = try parseFunctionCall()
            return Expression(.function(call), SourceRange(token.range.lowerBound, previousEnd))
        default:
            guard atName else { throw unexpected(expected: "an expression") }
            if peek().isSymbol(.leftParen) {
                let call = try parseFunctionCall()
                return Expression(.function(call), SourceRange(token.range.lowerBound, previousEnd))
            }
            return try parseColumnReference()
        }
    }

    /// `(expr)` or a scalar subquery `(SELECT ...)`.
    private mutating func parseParenthesised() throws(SyntaxError) -> Expression {
        let open = try expect(.leftParen)
        if current.isKeyword(.select) || current.isKeyword(.with) || current.isKeyword(.values) {
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
        let start = try expect(.case).range
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
}
