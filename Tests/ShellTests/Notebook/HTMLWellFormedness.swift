import Foundation

/// A small checker that an HTML page is well-formed XML-ish: every element closed in order (void
/// elements aside), attribute values quoted, every `&` starting an entity. For tests of generated pages.
enum HTMLWellFormedness {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The first problem, or nil.
    static func problem(in html: String) -> String? {
        var open: [String] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            if rest[start] == "&" {
                let entity = rest[start...].prefix(12)
                guard let semicolon = entity.firstIndex(of: ";"),
                    entity[entity.index(after: start)..<semicolon].allSatisfy({
                        $0.isLetter || $0.isNumber || $0 == "#"
                    })
                else { return "a bare & near: \(rest[start...].prefix(30))" }
                rest = rest[rest.index(after: semicolon)...]
                continue
            }
            rest = rest[start...]
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return "an unclosed comment" }
                rest = rest[end.upperBound...]
                continue
            }
            guard let end = tagEnd(rest) else { return "an unclosed tag: \(rest.prefix(30))" }
            let tag = rest[rest.index(after: rest.startIndex)..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("!") { continue }
            let closing = tag.hasPrefix("/")
            let name = tag.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
            if closing {
                guard open.last == name else { return "</\(name)> closes <\(open.last ?? "nothing")>" }
                open.removeLast()
            } else if !tag.hasSuffix("/") && !voidElements.contains(name) {
                open.append(name)
                if name == "style", let close = rest.range(of: "</style>") {
                    rest = rest[close.lowerBound...]
                }
            }
        }
        return open.isEmpty ? nil : "unclosed: \(open.joined(separator: " > "))"
    }

    /// The `>` ending the tag that starts `text`, skipping quoted attribute values.
    private static func tagEnd(_ text: Substring) -> Substring.Index? {
        var quote: Character?
        for index in text.indices.dropFirst() {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return index
            } else if character == "<" {
                return nil
            }
        }
        return nil
    }

    /// The text of each `<tr>`'s cells, tags removed and entities of `&<>` decoded.
    static func tableRows(in html: String) -> [[String]] {
        html.components(separatedBy: "<tr").dropFirst().map { row in
            let body = row.components(separatedBy: "</tr>").first ?? ""
            return body.components(separatedBy: "<t").dropFirst().map { cell in
                var text = ""
                var inTag = true
                for character in cell {
                    if character == "<" {
                        inTag = true
                    } else if character == ">" {
                        inTag = false
                    } else if !inTag {
                        text.append(character)
                    }
                }
                return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespaces)
            }
        }
    }
}
