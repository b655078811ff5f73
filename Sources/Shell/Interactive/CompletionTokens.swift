/// A rough tokenization of a statement being typed, enough for completion to see where the cursor is.
///
/// Unlike the parser's lexer it never fails: an unterminated string or comment is simply where the
/// cursor is. Offsets are UTF-8 bytes.
struct CompletionTokens {
    enum Kind: Equatable {
        /// A name or keyword, possibly qualified (`s.measure`).
        case word
        /// `'…'` (closed).
        case string
        /// `"…"` (closed), its text without the quotes.
        case quotedName
        case symbol
    }

    struct Token: Equatable {
        var kind: Kind
        var text: String
        var start: Int
    }

    /// Where the end of the text is.
    enum Position: Equatable {
        /// Outside strings and comments; the word being typed starts at the offset (equal to the end when none).
        case code(wordStart: Int)
        /// Inside an unclosed `'`, which is at the offset.
        case string(quote: Int)
        /// Inside an unclosed `"`, which is at the offset.
        case quotedName(quote: Int)
        case comment
    }

    /// Tokens before the word being typed (that word is `trailingWord`).
    private(set) var tokens: [Token] = []
    /// The word touching the end of the text, if any.
    private(set) var trailingWord: Token?
    /// Every token, the trailing word included.
    var allTokens: [Token] { tokens + (trailingWord.map { [$0] } ?? []) }
    private(set) var position: Position = .code(wordStart: 0)

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
        }
        func decode(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            if byte == UInt8(ascii: "-"), next == UInt8(ascii: "-") {
                guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                    position = .comment
                    return
                }
                index = newline + 1
            } else if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) {
                    end += 1
                }
                guard end + 1 < bytes.count else {
                    position = .comment
                    return
                }
                index = end + 2
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                var end = index + 1
                while true {
                    guard end < bytes.count else {
                        position = byte == UInt8(ascii: "'") ? .string(quote: index) : .quotedName(quote: index)
                        return
                    }
                    if bytes[end] == byte {
                        if end + 1 < bytes.count, bytes[end + 1] == byte {
                            end += 2
                            continue
                        }
                        break
                    }
                    end += 1
                }
                tokens.append(
                    Token(
                        kind: byte == UInt8(ascii: "'") ? .string : .quotedName, text: decode(index + 1..<end),
                        start: index))
                index = end + 1
            } else if isWordByte(byte) {
                var end = index
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                if end == bytes.count {
                    trailingWord = Token(kind: .word, text: decode(index..<end), start: index)
                    position = .code(wordStart: index)
                    return
                }
                tokens.append(Token(kind: .word, text: decode(index..<end), start: index))
                index = end
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
            {
                index += 1
            } else {
                tokens.append(Token(kind: .symbol, text: decode(index..<index + 1), start: index))
                index += 1
            }
        }
        position = .code(wordStart: bytes.count)
    }
}
