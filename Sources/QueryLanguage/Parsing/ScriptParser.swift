/// Parses a whole script of `;`-separated statements. The last `;` is optional and empty statements are
/// skipped. Every range, including an error's, is a UTF-8 byte range into `text`.
///
/// When the script holds an unterminated string or comment and also a syntax error before it, the
/// earlier error is reported, as a reader would find them.
public func parseScript(_ text: String) throws(SyntaxError) -> [Statement] {
    var lexer = Lexer(text)
    var tokens: [Token] = []
    var lexicalError: SyntaxError?
    while true {
        do {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { break }
        } catch {
            lexicalError = error
            tokens.append(
                Token(kind: .endOfInput, text: "", range: SourceRange(error.range.lowerBound, error.range.lowerBound)))
            break
        }
    }
    var parser = Parser(tokens: tokens, source: Array(text.utf8))
    do throws(SyntaxError) {
        let statements = try parser.parseStatements()
        if let lexicalError { throw lexicalError }
        return statements
    } catch {
        if let lexicalError, error.range.lowerBound >= lexicalError.range.lowerBound { throw lexicalError }
        throw error
    }
}

/// Parses exactly one expression (for tests, defaults and the shell's `.set`-style commands).
public func parseExpression(_ text: String) throws(SyntaxError) -> Expression {
    var parser = Parser(tokens: try Lexer.tokenize(text), source: Array(text.utf8))
    let expression = try parser.parseExpression()
    guard parser.atEnd else { throw parser.unexpected(expected: "end of expression") }
    return expression
}
