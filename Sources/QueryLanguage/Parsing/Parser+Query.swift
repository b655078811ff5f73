/// Query expressions: `WITH`, set operations, `ORDER BY`, `LIMIT` / `OFFSET`, `VALUES`.
extension Parser {
    /// `[WITH ...] body [ORDER BY ...] [LIMIT n] [OFFSET m]` (LIMIT and OFFSET in either order).
    mutating func parseQuery() throws(SyntaxError) -> Query {
        try enterNesting()
        defer { leaveNesting() }
        let start = current.range.lowerBound
        var commonTableExpressions: [CommonTableExpression] = []
        if accept(.with) {
            if current.kind == .identifier, current.text.lowercased() == "recursive", Parser.isName(peek()),
                !peek().isKeyword(.as)
            {
                throw SyntaxError("WITH RECURSIVE is not supported", at: current.range)
            }
            repeat {
                commonTableExpressions.append(try parseCommonTableExpression())
            } while accept(.comma)
        }
        let body = try parseSetExpression(minimumPrecedence: 1)
        var orderBy: [OrderItem] = []
        if accept(.order) {
            try expect(.by)
            orderBy = try parseOrderItems(allowAll: true)
        }
        var limit: Expression?
        var offset: Expression?
        while true {
            if limit == nil && accept(.limit) {
                limit = try parseExpression()
            } else if offset == nil && accept(.offset) {
                offset = try parseExpression()
            } else {
                break
            }
        }
        return Query(
            with: commonTableExpressions, body: body, orderBy: orderBy, limit: limit, offset: offset,
            range: SourceRange(start, previousEnd))
    }

    /// `name [(a, b)] AS (query)`.
    private mutating func parseCommonTableExpression() throws(SyntaxError) -> CommonTableExpression {
        let start = current.range.lowerBound
        let name = try parseName("a name for the WITH query")
        let columns = current.isSymbol(.leftParen) ? try parseNameList() : []
        try expect(.as)
        try expect(.leftParen)
        let query = try parseQuery()
        try expect(.rightParen)
        return CommonTableExpression(
            name: name, columnNames: columns, query: query, range: SourceRange(start, previousEnd))
    }

    /// The set operator at the current token and its precedence (INTERSECT binds tighter, as in SQL).
    private var currentSetOperator: (SetOperator, precedence: Int)? {
        switch current.kind {
        case .keyword(.union): (.union, 1)
        case .keyword(.except): (.except, 1)
        case .keyword(.intersect): (.intersect, 2)
        default: nil
        }
    }

    /// Operands joined by UNION / EXCEPT / INTERSECT, left-associative, by precedence climbing.
    private mutating func parseSetExpression(minimumPrecedence: Int) throws(SyntaxError) -> QueryBody {
        try enterNesting()
        defer { leaveNesting() }
        var left = try parseSetOperand()
        var chain = 0
        while let (setOperator, precedence) = currentSetOperator, precedence >= minimumPrecedence {
            advance()
            let all = accept(.all)
            if !all { _ = accept(.distinct) }
            chain += 1
            try checkChain(chain)
            let right = try parseSetExpression(minimumPrecedence: precedence + 1)
            left = .setOperation(setOperator, all: all, left, right)
        }
        return left
    }

    /// `SELECT ...`, `VALUES ...` or `(query)`.
    private mutating func parseSetOperand() throws(SyntaxError) -> QueryBody {
        switch current.kind {
        case .keyword(.select), .keyword(.from):
            return .select(try parseSelect())
        case .keyword(.values):
            return try parseValues()
        case .symbol(.leftParen):
            advance()
            let query = try parseQuery()
            try expect(.rightParen)
            return .nested(query)
        default:
            throw unexpected(expected: "SELECT, FROM, VALUES or (")
        }
    }

    /// `VALUES (a, b), (c, d)`.
    private mutating func parseValues() throws(SyntaxError) -> QueryBody {
        let start = try expect(.values).range.lowerBound
        var rows: [[Expression]] = []
        repeat {
            try expect(.leftParen)
            rows.append(try parseExpressionList())
            try expect(.rightParen)
        } while accept(.comma)
        return .values(rows, range: SourceRange(start, previousEnd))
    }

    /// `expr [ASC|DESC] [NULLS FIRST|LAST], ...`; with `allowAll`, also DuckDB's `ALL [ASC|DESC] [NULLS ...]`.
    mutating func parseOrderItems(allowAll: Bool = false) throws(SyntaxError) -> [OrderItem] {
        var items: [OrderItem] = []
        repeat {
            var isAll = false
            let expression: Expression
            if allowAll, items.isEmpty, current.isKeyword(.all) {
                isAll = true
                expression = Expression(.star(qualifier: nil), advance().range)
            } else {
                expression = try parseExpression()
            }
            var ascending = true
            if accept(.desc) {
                ascending = false
            } else {
                _ = accept(.asc)
            }
            var nullsFirst: Bool?
            if accept(.nulls) {
                if accept(.first) {
                    nullsFirst = true
                } else if accept(.last) {
                    nullsFirst = false
                } else {
                    throw unexpected(expected: "FIRST or LAST")
                }
            }
            items.append(
                OrderItem(expression: expression, ascending: ascending, nullsFirst: nullsFirst, isAll: isAll))
            if isAll { break }
        } while accept(.comma)
        return items
    }

    /// One or more comma-separated expressions.
    mutating func parseExpressionList() throws(SyntaxError) -> [Expression] {
        var expressions = [try parseExpression()]
        while accept(.comma) { expressions.append(try parseExpression()) }
        return expressions
    }
}
