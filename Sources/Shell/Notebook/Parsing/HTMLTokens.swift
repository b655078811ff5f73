/// The tags of an HTML fragment as a browser would read them, enough to judge what the markup does:
/// start tags with their attributes (quoted values may hold `>`; attributes may follow one another
/// without a space or be separated by `/`), end tags, comments and the text between. Not a validator:
/// where a browser recovers from a malformed tag, this reads it the same way or reports it unclosed.
struct HTMLTokens: Sequence, IteratorProtocol {
    struct Attribute: Equatable {
        /// Lower case, as the browser matches it.
        var name: String
        /// As written, character references not decoded (see `HTMLTokens.decoded`).
        var value: String
    }

    enum Token: Equatable {
        case text(Substring)
        /// `name` lower case; `source` the tag as written, `<` to `>`.
        case startTag(name: String, attributes: [Attribute], source: Substring)
        case endTag(name: String, source: Substring)
        case comment(Substring)
        /// A `<` that opens a tag never closed by `>` before the end.
        case unclosed(Substring)
    }

    private let html: Substring
    private var position: Substring.Index

    init(_ html: some StringProtocol) {
        self.html = Substring(html)
        position = self.html.startIndex
    }

    mutating func next() -> Token? {
        guard position < html.endIndex else { return nil }
        let start = position
        guard html[start] == "<" else {
            let end = html[start...].firstIndex(of: "<") ?? html.endIndex
            position = end
            return .text(html[start..<end])
        }
        let after = html.index(after: start)
        let rest = html[after...]
        if rest.hasPrefix("!--") {
            let bodyStart = html.index(after, offsetBy: 3)
            let close = html[bodyStart...].firstRange(of: "-->")
            position = close?.upperBound ?? html.endIndex
            return .comment(html[start..<position])
        }
        if rest.first == "!" || rest.first == "?" {
            // A bogus comment (`<!DOCTYPE …>`, `<?xml …>`): up to the next `>`.
            let close = rest.firstIndex(of: ">").map(html.index(after:)) ?? html.endIndex
            position = close
            return .comment(html[start..<close])
        }
        if rest.first == "/", let letter = rest.dropFirst().first, letter.isASCII, letter.isLetter {
            guard let close = rest.firstIndex(of: ">") else { return unclosed(from: start) }
            let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }.lowercased()
            position = html.index(after: close)
            return .endTag(name: name, source: html[start..<position])
        }
        guard let letter = rest.first, letter.isASCII, letter.isLetter else {
            position = after
            return .text(html[start..<after])
        }
        return startTag(from: start)
    }

    private mutating func unclosed(from start: Substring.Index) -> Token {
        position = html.endIndex
        return .unclosed(html[start...])
    }

    /// A start tag from its `<`: the name, then attributes as the HTML tokenizer reads them.
    private mutating func startTag(from start: Substring.Index) -> Token {
        var index = html.index(after: start)
        let nameEnd = html[index...].firstIndex { $0.isWhitespace || $0 == "/" || $0 == ">" } ?? html.endIndex
        let name = html[index..<nameEnd].lowercased()
        index = nameEnd
        var attributes: [Attribute] = []
        while index < html.endIndex {
            let character = html[index]
            if character == ">" {
                position = html.index(after: index)
                return .startTag(name: name, attributes: attributes, source: html[start..<position])
            }
            if character.isWhitespace || character == "/" {
                index = html.index(after: index)
                continue
            }
            // An attribute name runs to a blank, `/`, `>` or `=` (its first character may be `=`).
            let nameStart = index
            index = html.index(after: index)
            while index < html.endIndex, !html[index].isWhitespace, !"/>=".contains(html[index]) {
                index = html.index(after: index)
            }
            var attribute = Attribute(name: html[nameStart..<index].lowercased(), value: "")
            var look = index
            while look < html.endIndex, html[look].isWhitespace { look = html.index(after: look) }
            if look < html.endIndex, html[look] == "=" {
                index = html.index(after: look)
                while index < html.endIndex, html[index].isWhitespace { index = html.index(after: index) }
                guard index < html.endIndex else { break }
                if html[index] == "\"" || html[index] == "'" {
                    let quote = html[index]
                    let valueStart = html.index(after: index)
                    guard let close = html[valueStart...].firstIndex(of: quote) else { break }
                    attribute.value = String(html[valueStart..<close])
                    index = html.index(after: close)
                } else {
                    let valueStart = index
                    while index < html.endIndex, !html[index].isWhitespace, html[index] != ">" {
                        index = html.index(after: index)
                    }
                    attribute.value = String(html[valueStart..<index])
                }
            }
            attributes.append(attribute)
        }
        return unclosed(from: start)
    }

    /// `text` with character references decoded as a browser decodes an attribute value: numeric
    /// (`&#106;`, `&#x6A;`, with or without `;`) and the named ones that can spell a URL's scheme or
    /// hide blanks (`&colon;`, `&Tab;`, `&NewLine;`, …). An unknown named reference stays as written.
    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")", "quot": "\"",
            "apos": "'", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\u{A0}", "period": ".", "comma": ",",
            "num": "#", "excl": "!", "bsol": "\\",
        ]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[rest.index(after: ampersand)...]
            if rest.first == "#" {
                var digits = rest.dropFirst()
                let hex = digits.first == "x" || digits.first == "X"
                if hex { digits = digits.dropFirst() }
                let number = digits.prefix { hex ? $0.isHexDigit : ($0.isASCII && $0.isNumber) }
                if !number.isEmpty, let code = UInt32(number, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                    rest = digits[number.endIndex...]
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            } else {
                let word = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
                if let value = named[word.lowercased()] {
                    result += value
                    rest = rest[word.endIndex...]
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            }
            result += "&"
        }
        return result + rest
    }
}
