/// Statements and the table that dispatches on their leading keyword.
extension Parser {
    typealias StatementParser = @Sendable (inout Parser) throws(SyntaxError) -> Statement.Kind

    /// Leading keyword → the parser of the rest. New verbs are a row here.
    static let statementParsers: [Keyword: StatementParser] = [
        .select: { (parser: inout Parser) throws(SyntaxError) in .query(try parser.parseQuery()) },
        .with: { (parser: inout Parser) throws(SyntaxError) in .query(try parser.parseQuery()) },
        .values: { (parser: inout Parser) throws(SyntaxError) in .query(try parser.parseQuery()) },
        .from: { (parser: inout Parser) throws(SyntaxError) in .query(try parser.parseQuery()) },
        .create: { (parser: inout Parser) throws(SyntaxError) in try parser.parseCreate() },
        .drop: { (parser: inout Parser) throws(SyntaxError) in try parser.parseDrop() },
        .insert: { (parser: inout Parser) throws(SyntaxError) in try parser.parseInsert() },
        .copy: { (parser: inout Parser) throws(SyntaxError) in try parser.parseCopy() },
        .describe: { (parser: inout Parser) throws(SyntaxError) in try parser.parseDescribe() },
        .show: { (parser: inout Parser) throws(SyntaxError) in try parser.parseShow() },
        .explain: { (parser: inout Parser) throws(SyntaxError) in try parser.parseExplain() },
    ]

    /// Statements until the end of input; `;` separates, empty statements are skipped.
    mutating func parseStatements() throws(SyntaxError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while accept(.semicolon) {}
            if atEnd { return statements }
            statements.append(try parseStatement())
            if !atEnd && !current.isSymbol(.semicolon) {
                throw unexpected(hint: misspeltKeywordHint(at: index) ?? misspeltKeywordHint(at: index - 1))
            }
        }
    }

    mutating func parseStatement() throws(SyntaxError) -> Statement {
        let start = current.range.lowerBound
        let kind: Statement.Kind
        if current.isSymbol(.leftParen) {
            kind = .query(try parseQuery())
        } else if case .keyword(let keyword) = current.kind, let parse = Parser.statementParsers[keyword] {
            kind = try parse(&self)
        } else {
            throw unexpected(expected: "a statement", hint: misspeltKeywordHint(at: index))
        }
        return Statement(kind, SourceRange(start, previousEnd))
    }

    /// `CREATE [OR REPLACE] TABLE|VIEW ...`.
    mutating func parseCreate() throws(SyntaxError) -> Statement.Kind {
        try expect(.create)
        var orReplace = false
        if accept(.or) {
            try expect(.replace)
            orReplace = true
        }
        // Every table lives in memory for the session, so `TEMP` / `TEMPORARY` change nothing.
        if current.kind == .identifier, ["TEMP", "TEMPORARY"].contains(current.text.uppercased()) {
            advance()
        }
        if accept(.view) {
            let name = try parseName("a view name")
            try expect(.as)
            return .createView(name: name, orReplace: orReplace, query: try parseQuery())
        }
        guard accept(.table) else { throw unexpected(expected: "TABLE or VIEW") }
        var ifNotExists = false
        if accept(.if) {
            try expect(.not)
            try expect(.exists)
            ifNotExists = true
        }
        let name = try parseName("a table name")
        if accept(.as) {
            return .createTableAs(name: name, orReplace: orReplace, ifNotExists: ifNotExists, query: try parseQuery())
        }
        guard current.isSymbol(.leftParen) else { throw unexpected(expected: "AS or a column list") }
        if Parser.startsQuery(peek()) {
            // `CREATE TABLE t (SELECT ...)` is not a column list; say what was meant.
            throw unexpected(expected: "AS before the query")
        }
        advance()
        var columns: [ColumnDefinition] = []
        repeat {
            let column = try parseName("a column name")
            columns.append(ColumnDefinition(name: column, type: try parseTypeName()))
        } while accept(.comma)
        try expect(.rightParen)
        return .createTable(name: name, orReplace: orReplace, ifNotExists: ifNotExists, columns: columns)
    }

    /// `DROP TABLE|VIEW [IF EXISTS] name`.
    mutating func parseDrop() throws(SyntaxError) -> Statement.Kind {
        try expect(.drop)
        let kind: ObjectKind
        if accept(.table) {
            kind = .table
        } else if accept(.view) {
            kind = .view
        } else {
            throw unexpected(expected: "TABLE or VIEW")
        }
        var ifExists = false
        if accept(.if) {
            try expect(.exists)
            ifExists = true
        }
        return .drop(kind, name: try parseName("a name"), ifExists: ifExists)
    }

    /// `INSERT INTO name [(cols)] VALUES ... | query`.
    mutating func parseInsert() throws(SyntaxError) -> Statement.Kind {
        try expect(.insert)
        try expect(.into)
        let table = try parseName("a table name")
        var columns: [String]?
        if current.isSymbol(.leftParen) && !Parser.startsQuery(peek()) {
            columns = try parseNameList()
        }
        guard Parser.startsQuery(current) else { throw unexpected(expected: "VALUES or a query") }
        return .insert(table: table, columns: columns, source: try parseQuery())
    }

    /// `COPY (query)|table TO 'file' [[WITH] (name value, ...)]`.
    mutating func parseCopy() throws(SyntaxError) -> Statement.Kind {
        try expect(.copy)
        let source: CopySource
        if current.isSymbol(.leftParen) {
            advance()
            source = .query(try parseQuery())
            try expect(.rightParen)
        } else {
            let start = current.range.lowerBound
            let name = try parseName("a table name or (query)")
            source = .table(name, range: SourceRange(start, previousEnd))
        }
        try expect(.to)
        guard current.kind == .string else { throw unexpected(expected: "a file name in single quotes") }
        let path = advance().text
        var options: [(name: String, value: Expression)] = []
        let withKeyword = accept(.with)
        if withKeyword || current.isSymbol(.leftParen) {
            try expect(.leftParen)
            repeat {
                options.append(try parseCopyOption())
            } while accept(.comma)
            try expect(.rightParen)
        }
        return .copy(source: source, path: path, options: options)
    }

    /// `FORMAT csv`, `HEADER true`, `HEADER` (meaning true), `DELIMITER ','`. A bare word value such as
    /// `csv` arrives as a one-part column expression; the engine reads it as text.
    private mutating func parseCopyOption() throws(SyntaxError) -> (name: String, value: Expression) {
        let nameToken = current
        switch nameToken.kind {
        case .identifier, .quotedIdentifier, .keyword: advance()
        default: throw unexpected(expected: "a COPY option name")
        }
        _ = accept(.equal)
        if current.isSymbol(.comma) || current.isSymbol(.rightParen) {
            return (nameToken.text, Expression(.literal(.boolean(true)), nameToken.range))
        }
        return (nameToken.text, try parseExpression())
    }

    /// `DESCRIBE name` or `DESCRIBE query`.
    mutating func parseDescribe() throws(SyntaxError) -> Statement.Kind {
        try expect(.describe)
        if Parser.startsQuery(current) { return .describe(.query(try parseQuery())) }
        let start = current.range.lowerBound
        let name = try parseName("a table name or a query")
        return .describe(.table(name, range: SourceRange(start, previousEnd)))
    }

    /// `SHOW TABLES`.
    mutating func parseShow() throws(SyntaxError) -> Statement.Kind {
        try expect(.show)
        try expect(.tables)
        return .showTables
    }

    /// `EXPLAIN statement`.
    mutating func parseExplain() throws(SyntaxError) -> Statement.Kind {
        try expect(.explain)
        try enterNesting()
        defer { leaveNesting() }
        return .explain(try parseStatement())
    }

    /// Whether `token` can start a query: `SELECT`, `WITH`, `VALUES`, `FROM` (FROM-first) or `(`.
    static func startsQuery(_ token: Token) -> Bool {
        token.isKeyword(.select) || token.isKeyword(.with) || token.isKeyword(.values) || token.isKeyword(.from)
            || token.isSymbol(.leftParen)
    }
}
