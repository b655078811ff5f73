/// One lexical unit of a script with its UTF-8 byte range.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// An unquoted word that is not a keyword; `text` is as written.
        case identifier
        /// A word that is a keyword; `text` is as written (it may still serve as a name).
        case keyword(Keyword)
        /// `"name"`; `text` is the name with `""` unescaped.
        case quotedIdentifier
        /// `'text'`; `text` is the value with `''` unescaped.
        case string
        /// Digits only; `text` as written.
        case integer
        /// A number with a point or an exponent; `text` as written.
        case decimal
        case symbol(Symbol)
        /// A character the dialect does not use; reported by the parser as a syntax error.
        case invalid
        case endOfInput
    }

    var kind: Kind
    var text: String
    var range: SourceRange

    func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }
    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
}

/// Operators and punctuation.
enum Symbol: String, Sendable, CaseIterable {
    case plus = "+", minus = "-", star = "*", slash = "/", doubleSlash = "//", percent = "%"
    case concat = "||", equal = "=", doubleEqual = "==", notEqual = "<>", bangEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case doubleColon = "::", colonEqual = ":="
    case leftParen = "(", rightParen = ")", comma = ",", dot = ".", semicolon = ";"
    case leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}", colon = ":"
}
