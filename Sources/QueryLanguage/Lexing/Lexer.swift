/// Turns script text into tokens, one pass over the UTF-8 bytes.
///
/// Ranges are byte offsets into the whole text handed in. Comments and white space are skipped.
/// Unterminated strings, quoted identifiers and block comments throw with the range of their opening
/// delimiter; any other unknown character becomes an `.invalid` token so the parser can report it in
/// context.
struct Lexer {
    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Every token up to and including `.endOfInput`.
    static func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    /// The next token after any white space and comments.
    mutating func next() throws(SyntaxError) -> Token {
        try skipTrivia()
        let start = position
        guard position < bytes.count else {
            return Token(kind: .endOfInput, text: "", range: SourceRange(start, start))
        }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "'"):
            let value = try scanQuoted(UInt8(ascii: "'"), unterminated: "unterminated quoted string")
            return Token(kind: .string, text: value, range: SourceRange(start, position))
        case UInt8(ascii: "\""):
            let value = try scanQuoted(UInt8(ascii: "\""), unterminated: "unterminated quoted identifier")
            if value.isEmpty {
                throw SyntaxError("zero-length delimited identifier", at: SourceRange(start, position))
            }
            return Token(kind: .quotedIdentifier, text: value, range: SourceRange(start, position))
        case _ where Lexer.isDigit(byte):
            return try scanNumber()
        case UInt8(ascii: ".") where position + 1 < bytes.count && Lexer.isDigit(bytes[position + 1]):
            return try scanNumber()
        case _ where Lexer.isWordStart(byte):
            while position < bytes.count && Lexer.isWordContinuation(bytes[position])
                && (bytes[position] < 0x80 || nonASCIISpaceLength(at: position) == nil)
            {
                position += 1
            }
            let spelling = bytes[start..<position]
            let text = String(decoding: spelling, as: UTF8.self)
            let kind: Token.Kind = Keyword.lookUp(spelling).map { .keyword($0) } ?? .identifier
            return Token(kind: kind, text: text, range: SourceRange(start, position))
        default:
            if let symbol = scanSymbol() {
                return Token(kind: .symbol(symbol), text: symbol.rawValue, range: SourceRange(start, position))
            }
            // One whole (possibly multi-byte) character, so the message shows it intact.
            position += 1
            while position < bytes.count && bytes[position] & 0xC0 == 0x80 { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            return Token(kind: .invalid, text: text, range: SourceRange(start, position))
        }
    }

    // MARK: - Pieces

    private mutating func skipTrivia() throws(SyntaxError) {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                position += 1
            } else if let length = nonASCIISpaceLength(at: position) {
                position += length
            } else if byte == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "-") {
                while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else if byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                try skipBlockComment()
            } else {
                return
            }
        }
    }

    /// Block comments nest, as in PostgreSQL and DuckDB.
    private mutating func skipBlockComment() throws(SyntaxError) {
        let start = position
        var depth = 0
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                depth += 1
                position += 2
            } else if bytes[position] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") {
                depth -= 1
                position += 2
                if depth == 0 { return }
            } else {
                position += 1
            }
        }
        throw SyntaxError("unterminated /* comment", at: SourceRange(start, start + 2))
    }

    /// The contents between `quote`s, a doubled quote standing for one.
    private mutating func scanQuoted(_ quote: UInt8, unterminated: String) throws(SyntaxError) -> String {
        let start = position
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == quote {
                if position < bytes.count && bytes[position] == quote {
                    value.append(quote)
                    position += 1
                } else {
                    return String(decoding: value, as: UTF8.self)
                }
            } else {
                value.append(byte)
            }
        }
        throw SyntaxError(unterminated, at: SourceRange(start, start + 1))
    }

    /// `12`, `1.5`, `1.`, `.5`, `1e10`, `2.5E-3`. A letter straight after a number is an error
    /// (`1abc`), so a typo never silently becomes an alias.
    private mutating func scanNumber() throws(SyntaxError) -> Token {
        let start = position
        var isDecimal = false
        while position < bytes.count && Lexer.isDigit(bytes[position]) { position += 1 }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") && peek(1) != UInt8(ascii: ".") {
            isDecimal = true
            position += 1
            while position < bytes.count && Lexer.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            var exponentEnd = position + 1
            if exponentEnd < bytes.count
                && (bytes[exponentEnd] == UInt8(ascii: "+") || bytes[exponentEnd] == UInt8(ascii: "-"))
            {
                exponentEnd += 1
            }
            if exponentEnd < bytes.count && Lexer.isDigit(bytes[exponentEnd]) {
                isDecimal = true
                position = exponentEnd
                while position < bytes.count && Lexer.isDigit(bytes[position]) { position += 1 }
            }
        }
        if position < bytes.count && Lexer.isWordContinuation(bytes[position])
            && nonASCIISpaceLength(at: position) == nil
        {
            while position < bytes.count && Lexer.isWordContinuation(bytes[position]) { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            throw SyntaxError(
                "trailing junk after numeric literal at or near \"\(text)\"", at: SourceRange(start, position))
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return Token(kind: isDecimal ? .decimal : .integer, text: text, range: SourceRange(start, position))
    }

    /// The operator or punctuation at the current position, longest match first.
    private mutating func scanSymbol() -> Symbol? {
        let next = peek(1)
        let pair: Symbol? =
            switch (bytes[position], next) {
            case (UInt8(ascii: "/"), UInt8(ascii: "/")): .doubleSlash
            case (UInt8(ascii: "|"), UInt8(ascii: "|")): .concat
            case (UInt8(ascii: "="), UInt8(ascii: "=")): .doubleEqual
            case (UInt8(ascii: "<"), UInt8(ascii: ">")): .notEqual
            case (UInt8(ascii: "!"), UInt8(ascii: "=")): .bangEqual
            case (UInt8(ascii: "<"), UInt8(ascii: "=")): .lessOrEqual
            case (UInt8(ascii: ">"), UInt8(ascii: "=")): .greaterOrEqual
            case (UInt8(ascii: ":"), UInt8(ascii: ":")): .doubleColon
            case (UInt8(ascii: ":"), UInt8(ascii: "=")): .colonEqual
            default: nil
            }
        if let pair {
            position += 2
            return pair
        }
        let single: Symbol? =
            switch bytes[position] {
            case UInt8(ascii: "+"): .plus
            case UInt8(ascii: "-"): .minus
            case UInt8(ascii: "*"): .star
            case UInt8(ascii: "/"): .slash
            case UInt8(ascii: "%"): .percent
            case UInt8(ascii: "="): .equal
            case UInt8(ascii: "<"): .less
            case UInt8(ascii: ">"): .greater
            case UInt8(ascii: "("): .leftParen
            case UInt8(ascii: ")"): .rightParen
            case UInt8(ascii: ","): .comma
            case UInt8(ascii: "."): .dot
            case UInt8(ascii: ";"): .semicolon
            case UInt8(ascii: "["): .leftBracket
            case UInt8(ascii: "]"): .rightBracket
            case UInt8(ascii: "{"): .leftBrace
            case UInt8(ascii: "}"): .rightBrace
            case UInt8(ascii: ":"): .colon
            default: nil
            }
        if single != nil { position += 1 }
        return single
    }

    /// The byte length of a no-break space (pasted from documents and web pages) or a byte-order mark
    /// (some editors start a saved script with one) at `offset`; both count as white space.
    private func nonASCIISpaceLength(at offset: Int) -> Int? {
        let byte = bytes[offset]
        if byte == 0xC2 && offset + 1 < bytes.count && bytes[offset + 1] == 0xA0 { return 2 }
        if byte == 0xEF && offset + 2 < bytes.count && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF {
            return 3
        }
        return nil
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Letters, `_`, and any non-ASCII byte (names may be written in any script).
    static func isWordStart(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isWordContinuation(_ byte: UInt8) -> Bool {
        isWordStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$")
    }
}
