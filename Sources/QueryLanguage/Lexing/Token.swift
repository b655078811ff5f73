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
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case doubleSlash = "//"
    case percent = "%"
    case concat = "||"
    case equal = "="
    case doubleEqual = "=="
    case notEqual = "<>"
    case bangEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case doubleColon = "::"
    case colonEqual = ":="
    case leftParen = "("
    case rightParen = ")"
    case comma = ","
    case dot = "."
    case semicolon = ";"
    case leftBracket = "["
    case rightBracket = "]"
    case leftBrace = "{"
    case rightBrace = "}"
    case colon = ":"
}
