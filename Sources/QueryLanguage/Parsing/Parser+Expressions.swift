/// Operators by precedence climbing. Prefix operators and primaries live in `Parser+Primary.swift`.
extension Parser {
    /// An expression whose operators all bind at least as tightly as `minimum`.
    mutating func parseExpression(_ minimum: Precedence = .or) throws(SyntaxError) -> Expression {
        try enterNesting()
        defer { leaveNesting() }
        var left = try parsePrefixExpression()
        var chain = 0
        while true {
            guard let precedence = infixPrecedence, precedence >= minimum else { return left }
            if precedence == .or || precedence == .and {
                left = try parseLogicalChain(left, precedence)
                continue
            }
            chain += 1
            try checkChain(chain)
            left = try parseInfix(left, precedence)
        }
    }

    /// `a OR b OR c ...` (or `AND`). A short chain nests to the left as every other operator does (so a
    /// result column is named `((a OR b) OR c)`, as in DuckDB); a long one, such as a generated filter of
    /// thousands of terms, becomes a balanced tree, whose depth is the logarithm of its length. Both
    /// operators are associative (in three-valued logic too), so the shape never changes a result.
    private mutating func parseLogicalChain(_ first: Expression, _ precedence: Precedence) throws(SyntaxError)
        -> Expression
    {
        let op: BinaryOperator = precedence == .or ? .or : .and
        let keyword: Keyword = precedence == .or ? .or : .and
        var operands = [first]
        while current.isKeyword(keyword) {
            advance()
            operands.append(try parseExpression(precedence.tighter))
        }
        if operands.count <= Parser.longestLeftDeepChain {
            return operands.dropFirst().reduce(first) { Expression(.binary(op, $0, $1), $0.range.union($1.range)) }
        }
        return Self.balanced(operands[...], op)
    }

    /// Chains of `AND` / `OR` up to this many operands nest to the left.
    static let longestLeftDeepChain = 64

    private static func balanced(_ operands: ArraySlice<Expression>, _ op: BinaryOperator) -> Expression {
        if operands.count == 1 { return operands[operands.startIndex] }
        let middle = operands.startIndex + operands.count / 2
        let left = balanced(operands[..<middle], op)
        let right = balanced(operands[middle...], op)
        return Expression(.binary(op, left, right), left.range.union(right.range))
    }

    /// The precedence of the infix or postfix operator at the current token, if there is one.
    private var infixPrecedence: Precedence? {
        switch current.kind {
        case .keyword(.or): .or
        case .keyword(.and): .and
        case .keyword(.is): .is
        case .keyword(.between), .keyword(.in), .keyword(.like), .keyword(.ilike): .predicate
        case .keyword(.not):
            switch peek().kind {
            case .keyword(.between), .keyword(.in), .keyword(.like), .keyword(.ilike): .predicate
            default: nil
            }
        case .symbol(.doubleColon): .cast
        case .symbol(let symbol): symbol.binaryOperator?.1
        default: nil
        }
    }

    /// Consumes the operator at the current token and its right side.
    private mutating func parseInfix(_ left: Expression, _ precedence: Precedence) throws(SyntaxError) -> Expression {
        let start = left.range
        switch current.kind {
        case .keyword(.is):
            return try parseIs(left)
        case .symbol(.doubleColon):
            advance()
            let type = try parseTypeName()
            return Expression(.cast(left, type, isTry: false), start.union(type.range))
        case .symbol(let symbol):
            guard let (op, _) = symbol.binaryOperator else { throw unexpected() }
            advance()
            if precedence == .comparison, let all = quantifier {
                advance()
                try expect(.leftParen)
                let query = try parseQuery()
                let close = try expect(.rightParen)
                return Expression(.quantified(left, op, query, all: all), start.union(close.range))
            }
            let right = try parseExpression(precedence.tighter)
            return Expression(.binary(op, left, right), start.union(right.range))
        default:
            return try parsePredicate(left)
        }
    }

    /// At `ANY (query`, `SOME (query` or `ALL (query` after a comparison: whether it is ALL.
    private var quantifier: Bool? {
        let word = current.text.lowercased()
        guard ["any", "all", "some"].contains(word), peek().isSymbol(.leftParen) else { return nil }
        let next = peek(2)
        guard next.isKeyword(.select) || next.isKeyword(.with) || next.isKeyword(.from) || next.isKeyword(.values)
        else { return nil }
        return word == "all"
    }

    /// `IS [NOT] NULL`, `IS [NOT] DISTINCT FROM x`, `IS [NOT] TRUE|FALSE` (as `IS [NOT] DISTINCT FROM`'s
    /// opposite, which is exactly its meaning).
    private mutating func parseIs(_ left: Expression) throws(SyntaxError) -> Expression {
        try expect(.is)
        let negated = accept(.not)
        switch current.kind {
        case .keyword(.null):
            let end = advance().range
            return Expression(.isNull(left, negated: negated), left.range.union(end))
        case .keyword(.distinct):
            advance()
            try expect(.from)
            let right = try parseExpression(Precedence.is.tighter)
            return Expression(.isDistinctFrom(left, right, negated: negated), left.range.union(right.range))
        case .keyword(.true), .keyword(.false):
            let token = advance()
            let value = Expression(.literal(.boolean(token.isKeyword(.true))), token.range)
            return Expression(.isDistinctFrom(left, value, negated: !negated), left.range.union(token.range))
        default:
            throw unexpected(expected: "NULL, DISTINCT FROM, TRUE or FALSE")
        }
    }

    /// `[NOT] BETWEEN a AND b`, `[NOT] IN (...)`, `[NOT] LIKE|ILIKE p [ESCAPE e]`.
    private mutating func parsePredicate(_ left: Expression) throws(SyntaxError) -> Expression {
        let negated = accept(.not)
        let operand = Precedence.predicate.tighter
        switch advance().kind {
        case .keyword(.between):
            let low = try parseExpression(operand)
            try expect(.and)
            let high = try parseExpression(operand)
            return Expression(.between(left, low: low, high: high, negated: negated), left.range.union(high.range))
        case .keyword(.in):
            try expect(.leftParen)
            if Parser.startsQuery(current) && !current.isSymbol(.leftParen) {
                let query = try parseQuery()
                let end = try expect(.rightParen).range
                return Expression(.inSubquery(left, query, negated: negated), left.range.union(end))
            }
            let list = try parseExpressionList()
            let end = try expect(.rightParen).range
            return Expression(.inList(left, list, negated: negated), left.range.union(end))
        case .keyword(let keyword):
            let pattern = try parseExpression(operand)
            var escape: Expression?
            if accept(.escape) { escape = try parseExpression(operand) }
            return Expression(
                .like(left, pattern: pattern, caseInsensitive: keyword == .ilike, negated: negated, escape: escape),
                left.range.union((escape ?? pattern).range))
        default:
            preconditionFailure("parsePredicate called off a predicate keyword")
        }
    }
}
