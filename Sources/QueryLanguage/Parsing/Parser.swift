/// A recursive-descent parser over a token array, with precedence climbing for expressions.
///
/// The concerns live in extensions: statements, queries, select lists, table references, expressions,
/// primary expressions, function calls and types. Every recursive path goes through `enterNesting()`,
/// so absurd nesting ends in a clean error rather than a stack overflow.
struct Parser {
    /// How deep expressions, subqueries and operator chains may nest. Past this the stack, not the
    /// user, would give out; real queries stay far below it. At the limit a debug build uses about
    /// 2 MB of stack (4 KB a level; constructs with bigger frames, such as calls, count twice), a
    /// release build much less, so any thread with the usual 8 MB stack is safe.
    static let maximumNesting = 500

    let tokens: [Token]
    /// The script's bytes, to quote offending tokens as written.
    let source: [UInt8]
    var index = 0
    var nesting = 0

    init(tokens: [Token], source: [UInt8]) {
        precondition(tokens.last?.kind == .endOfInput, "the token list ends with .endOfInput")
        self.tokens = tokens
        self.source = source
    }

    // MARK: - Looking at tokens

    var current: Token { tokens[index] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    var atEnd: Bool { current.kind == .endOfInput }

    /// The end offset of the last consumed token (for ranges).
    var previousEnd: Int { index > 0 ? tokens[index - 1].range.upperBound : current.range.lowerBound }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func accept(_ keyword: Keyword) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    mutating func accept(_ symbol: Symbol) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ keyword: Keyword) throws(SyntaxError) -> Token {
        guard current.isKeyword(keyword) else { throw unexpected(expected: keyword.rawValue) }
        return advance()
    }

    @discardableResult
    mutating func expect(_ symbol: Symbol) throws(SyntaxError) -> Token {
        guard current.isSymbol(symbol) else { throw unexpected(expected: "\"\(symbol.rawValue)\"") }
        return advance()
    }

    // MARK: - Errors

    /// `syntax error at or near "x"` (or `at end of input`) for the current token, with an optional hint.
    func unexpected(expected: String? = nil, hint: String? = nil) -> SyntaxError {
        let token = current
        var message: String
        if token.kind == .endOfInput {
            message = "syntax error at end of input"
        } else {
            message = "syntax error at or near \"\(spelling(of: token))\""
        }
        if let expected { message += ", expected \(expected)" }
        if let hint { message += " (\(hint))" }
        return SyntaxError(message, at: token.range)
    }

    /// The token as written, shortened if long.
    func spelling(of token: Token) -> String {
        let limit = 40
        let range = token.range
        var end = min(range.upperBound, range.lowerBound + limit)
        // Never cut a multi-byte character in half.
        while end < range.upperBound && end > range.lowerBound && source[end] & 0xC0 == 0x80 { end -= 1 }
        var text = String(decoding: source[range.lowerBound..<end], as: UTF8.self)
        if end < range.upperBound { text += "..." }
        return text
    }

    // MARK: - Nesting

    /// Call on entry to anything that can recurse; pair with `leaveNesting()` in a `defer`.
    mutating func enterNesting() throws(SyntaxError) {
        nesting += 1
        try checkChain(0)
    }

    mutating func leaveNesting() { nesting -= 1 }

    /// Checks a left-deep chain (`a + b + c ...`, `q UNION q UNION ...`), whose length is tree depth too.
    func checkChain(_ length: Int) throws(SyntaxError) {
        if nesting + length > Parser.maximumNesting {
            throw SyntaxError(
                "expression nested too deeply (more than \(Parser.maximumNesting) levels)", at: current.range)
        }
    }

    // MARK: - Names

    /// Whether the current token can be used as a name: an identifier, a quoted identifier or an
    /// unreserved keyword.
    var atName: Bool { Parser.isName(current) }

    static func isName(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .quotedIdentifier: true
        case .keyword(let keyword): !keyword.isReserved
        default: false
        }
    }

    /// A name (identifier, quoted identifier or unreserved keyword) as written.
    mutating func parseName(_ what: String = "a name") throws(SyntaxError) -> String {
        guard atName else { throw unexpected(expected: what) }
        return advance().text
    }

    /// `(a, b, c)`.
    mutating func parseNameList() throws(SyntaxError) -> [String] {
        try expect(.leftParen)
        var names = [try parseName("a column name")]
        while accept(.comma) { names.append(try parseName("a column name")) }
        try expect(.rightParen)
        return names
    }

    /// `[AS] alias`; a bare alias must be a name, after `AS` any word is allowed.
    mutating func parseAlias() throws(SyntaxError) -> String? {
        if accept(.as) {
            switch current.kind {
            case .identifier, .quotedIdentifier, .keyword: return advance().text
            default: throw unexpected(expected: "an alias")
            }
        }
        // `l ANTI JOIN r`: `ANTI` starts the join, it is not `l`'s alias.
        if Parser.isJoinModifier(current, followedBy: peek()) { return nil }
        return atName ? advance().text : nil
    }
}
