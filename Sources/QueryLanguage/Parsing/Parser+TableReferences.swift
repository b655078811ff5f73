/// `FROM` entries: tables, derived tables, table functions and joins.
extension Parser {
    /// Comma-separated entries (an implicit cross join).
    mutating func parseFromList() throws(SyntaxError) -> [TableReference] {
        var references: [TableReference] = []
        repeat {
            references.append(try parseJoinedTable())
        } while accept(.comma)
        return references
    }

    /// A table followed by any number of joins, left-deep.
    private mutating func parseJoinedTable() throws(SyntaxError) -> TableReference {
        try enterNesting()
        defer { leaveNesting() }
        let start = current.range.lowerBound
        var left = try parseTablePrimary()
        var chain = 0
        while true {
            let natural = current.isKeyword(.natural)
            if natural {
                advance()
                guard !current.isKeyword(.cross), !Parser.isJoinModifier(current, followedBy: peek()) else {
                    throw unexpected(expected: "JOIN, INNER, LEFT, RIGHT or FULL")
                }
            }
            guard let kind = try parseJoinKind() else {
                if natural { throw unexpected(expected: "JOIN") }
                break
            }
            chain += 1
            try checkChain(chain)
            let right = try parseTablePrimary()
            let condition: Join.Condition
            if natural {
                condition = .natural
            } else if kind == .cross {
                condition = .none
            } else if accept(.on) {
                condition = .on(try parseExpression())
            } else if accept(.using) {
                condition = .using(try parseNameList())
            } else {
                throw unexpected(expected: "ON or USING")
            }
            left = .join(
                Join(kind: kind, left: left, right: right, condition: condition, range: SourceRange(start, previousEnd))
            )
        }
        return left
    }

    /// Consumes `[INNER] JOIN`, `LEFT|RIGHT|FULL [OUTER] JOIN`, `CROSS JOIN`, `SEMI JOIN` or `ANTI JOIN`;
    /// nil if no join follows. `ASOF` and `POSITIONAL` joins are refused by name.
    private mutating func parseJoinKind() throws(SyntaxError) -> Join.Kind? {
        let kind: Join.Kind
        switch current.kind {
        case .keyword(.join):
            advance()
            return .inner
        case .keyword(.inner): kind = .inner
        case .keyword(.cross): kind = .cross
        case .keyword(.left): kind = .left
        case .keyword(.right): kind = .right
        case .keyword(.full): kind = .full
        case .identifier where Parser.isJoinModifier(current, followedBy: peek()):
            switch current.text.lowercased() {
            case "semi": kind = .semi
            case "anti": kind = .anti
            default:
                throw SyntaxError(
                    "\(current.text.uppercased()) JOIN is not supported", at: current.range)
            }
        default: return nil
        }
        advance()
        if kind == .left || kind == .right || kind == .full { _ = accept(.outer) }
        try expect(.join)
        return kind
    }

    /// A named table, `(query) [AS] x [(cols)]`, `f(args) [AS] x [(cols)]` or a parenthesised join.
    private mutating func parseTablePrimary() throws(SyntaxError) -> TableReference {
        let start = current.range.lowerBound
        if current.isSymbol(.leftParen) {
            let next = peek()
            if next.isKeyword(.select) || next.isKeyword(.with) || next.isKeyword(.values) || next.isKeyword(.from)
                || next.isSymbol(.leftParen)
            {
                advance()
                let query = try parseQuery()
                try expect(.rightParen)
                let alias = try parseAlias()
                let columns = alias != nil && current.isSymbol(.leftParen) ? try parseNameList() : []
                return .subquery(query, alias: alias, columnAliases: columns, range: SourceRange(start, previousEnd))
            }
            advance()
            let inner = try parseJoinedTable()
            try expect(.rightParen)
            return inner
        }
        if current.kind == .string {
            // `FROM 'book.xlsx'`: a file read as by its reader (`read_path` picks read_csv, read_json,
            // read_xlsx or read_ods from the extension); the table is named after the file's stem.
            let token = advance()
            let call = FunctionCall(
                name: FunctionCall.readPath, nameRange: token.range,
                arguments: [Expression(.literal(.string(token.text)), token.range)])
            let alias = try parseAlias() ?? FunctionCall.stem(of: token.text)
            let columns = current.isSymbol(.leftParen) ? try parseNameList() : []
            return .function(call, alias: alias, columnAliases: columns, range: SourceRange(start, previousEnd))
        }
        guard atName else { throw unexpected(expected: "a table name") }
        if peek().isSymbol(.leftParen) {
            let call = try parseFunctionCall(isTableFunction: true)
            let alias = try parseAlias()
            let columns = alias != nil && current.isSymbol(.leftParen) ? try parseNameList() : []
            return .function(call, alias: alias, columnAliases: columns, range: SourceRange(start, previousEnd))
        }
        let name = advance().text
        let alias = try parseAlias()
        return .named(name: name, alias: alias, range: SourceRange(start, previousEnd))
    }

    /// Words that, before `JOIN`, name a kind of join (DuckDB's `SEMI`, `ANTI`, `ASOF`, `POSITIONAL`).
    /// They are not reserved, so without this check `l ANTI JOIN r` read `ANTI` as `l`'s alias and ran
    /// an inner join: the rows it should have excluded. `ASOF LEFT JOIN` is covered too.
    static let joinModifiers: Set<String> = ["semi", "anti", "asof", "positional"]

    static func isJoinModifier(_ token: Token, followedBy next: Token) -> Bool {
        guard token.kind == .identifier, joinModifiers.contains(token.text.lowercased()) else { return false }
        return next.isKeyword(.join) || next.isKeyword(.left) || next.isKeyword(.inner)
    }
}

extension FunctionCall {
    /// The table function a quoted path in FROM becomes.
    public static let readPath = "read_path"

    /// `scores` for `data/scores.xlsx`.
    static func stem(of path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }
}
