/// Function calls with their SQL trimmings: `DISTINCT`, `*`, named arguments, `ORDER BY`, `FILTER`, `OVER`.
extension Parser {
    /// `name([DISTINCT] args [ORDER BY ...]) [FILTER (WHERE ...)] [OVER (...)]`.
    ///
    /// In a table function (`read_csv('f', header = true)`) a `name = value` argument is a named
    /// argument, as DuckDB reads it; elsewhere only `name := value` is.
    mutating func parseFunctionCall(isTableFunction: Bool = false) throws(SyntaxError) -> FunctionCall {
        // A call's recursion costs about twice a parenthesis's stack, so it counts twice.
        try enterNesting()
        defer { leaveNesting() }
        let nameToken = advance()
        var call = FunctionCall(name: nameToken.text, nameRange: nameToken.range, arguments: [])
        try parseArguments(into: &call, isTableFunction: isTableFunction)
        if current.isKeyword(.filter) && peek().isSymbol(.leftParen) {
            call.filter = try parseFilter()
        }
        if current.isKeyword(.over) && peek().isSymbol(.leftParen) {
            advance()
            call.over = try parseWindowSpecification()
        } else if current.isKeyword(.over) && Parser.isName(peek()) {
            advance()
            call.over = WindowSpecification(base: try parseName("a window name"))
        }
        return call
    }

    /// `([DISTINCT] * | args [ORDER BY ...])`.
    private mutating func parseArguments(into call: inout FunctionCall, isTableFunction: Bool) throws(SyntaxError) {
        try expect(.leftParen)
        if accept(.distinct) {
            call.distinct = true
        } else {
            _ = accept(.all)
        }
        if current.isSymbol(.star) && peek().isSymbol(.rightParen) && !call.distinct {
            call.arguments = [Expression(.star(qualifier: nil), advance().range)]
        } else if !current.isSymbol(.rightParen) {
            repeat {
                if peek().isSymbol(.colonEqual) && isWord(current) {
                    try parseNamedArgument(into: &call)
                } else {
                    try append(try parseExpression(), to: &call, isTableFunction: isTableFunction)
                }
            } while accept(.comma)
            if accept(.order) {
                try expect(.by)
                call.orderBy = try parseOrderItems()
            }
        }
        try expect(.rightParen)
    }

    private func isWord(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .quotedIdentifier, .keyword: true
        default: false
        }
    }

    /// `name := value`.
    private mutating func parseNamedArgument(into call: inout FunctionCall) throws(SyntaxError) {
        let name = advance().text
        advance()
        let value = try parseExpression()
        call.namedArguments.append((name, value))
    }

    private func append(_ argument: Expression, to call: inout FunctionCall, isTableFunction: Bool) throws(SyntaxError)
    {
        if isTableFunction, case .binary(.equal, let left, let right) = argument.kind,
            case .column(let parts, _) = left.kind, parts.count == 1
        {
            call.namedArguments.append((parts[0], right))
        } else if !call.namedArguments.isEmpty {
            throw SyntaxError("a positional argument cannot follow named arguments", at: argument.range)
        } else {
            call.arguments.append(argument)
        }
    }

    /// `FILTER (WHERE condition)`.
    private mutating func parseFilter() throws(SyntaxError) -> Expression {
        advance()
        try expect(.leftParen)
        try expect(.where)
        let condition = try parseExpression()
        try expect(.rightParen)
        return condition
    }

    /// `(PARTITION BY ... ORDER BY ... [ROWS|RANGE frame])`, the `OVER` already consumed.
    mutating func parseWindowSpecification() throws(SyntaxError) -> WindowSpecification {
        try expect(.leftParen)
        var specification = WindowSpecification()
        if atName && !current.isKeyword(.partition) && !current.isKeyword(.rows) && !current.isKeyword(.range) {
            specification.base = try parseName("a window name")
        }
        if accept(.partition) {
            try expect(.by)
            specification.partitionBy = try parseExpressionList()
        }
        if accept(.order) {
            try expect(.by)
            specification.orderBy = try parseOrderItems()
        }
        if current.isKeyword(.rows) || current.isKeyword(.range) {
            let unit: WindowFrame.Unit = advance().isKeyword(.rows) ? .rows : .range
            if accept(.between) {
                let start = try parseFrameBound()
                try expect(.and)
                let end = try parseFrameBound()
                specification.frame = WindowFrame(unit: unit, start: start, end: end)
            } else {
                specification.frame = WindowFrame(unit: unit, start: try parseFrameBound(), end: .currentRow)
            }
        }
        try expect(.rightParen)
        return specification
    }

    /// `UNBOUNDED PRECEDING|FOLLOWING`, `CURRENT ROW`, `n PRECEDING|FOLLOWING`.
    private mutating func parseFrameBound() throws(SyntaxError) -> WindowFrame.Bound {
        if accept(.unbounded) {
            if accept(.preceding) { return .unboundedPreceding }
            if accept(.following) { return .unboundedFollowing }
            throw unexpected(expected: "PRECEDING or FOLLOWING")
        }
        if accept(.current) {
            try expect(.row)
            return .currentRow
        }
        let offset = try parseExpression(Precedence.not.tighter)
        if accept(.preceding) { return .preceding(offset) }
        if accept(.following) { return .following(offset) }
        throw unexpected(expected: "PRECEDING or FOLLOWING")
    }
}
