import Rendering
import Reporting

/// Parameter values placed in prose, kept out of the Markdown until it has been read.
///
/// A value is text, never markup, wherever it lands, and what that takes depends on where: in HTML,
/// entity escapes (right in text, code and attributes alike); in Markdown, backslash escapes, except in
/// a code span or block, which shows text as written. So `NotebookParameters` puts a token per use
/// into the prose (two private-use characters around a number) and each writer puts the values back
/// once it knows the context: the HTML writer after Ink has made the HTML.
struct ProseValues: Sendable, Equatable {
    /// By token number: one entry per use, so a token names one place.
    private(set) var values: [String] = []

    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"

    /// The token standing for this use of `value` in the prose.
    mutating func token(for value: String) -> String {
        values.append(value)
        return "\(Self.open)\(values.count - 1)\(Self.close)"
    }

    /// `text` with each token replaced by `replacement(token number, value)`.
    private func fill(_ text: String, _ replacement: (Int, String) -> String) -> String {
        guard !values.isEmpty, text.contains(Self.open) else { return text }
        var result = ""
        var rest = text[...]
        while let (number, range) = Self.firstToken(in: rest), values.indices.contains(number) {
            result += rest[..<range.lowerBound]
            result += replacement(number, values[number])
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    private static func firstToken(in text: Substring) -> (Int, Range<String.Index>)? {
        guard let open = text.firstIndex(of: Self.open), let close = text[open...].firstIndex(of: Self.close),
            let number = Int(text[text.index(after: open)..<close])
        else { return nil }
        return (number, open..<text.index(after: close))
    }

    /// The values as they are: for text that is neither HTML nor Markdown (a page title).
    func plain(_ text: String) -> String { fill(text) { $1 } }

    /// HTML made from tokenized prose, with the values entity-escaped.
    func html(_ html: String) -> String { fill(html) { HTMLDocument.escape($1) } }

    /// Tokenized prose as Markdown: values as written inside code (a token Ink puts inside `<code>`),
    /// backslash-escaped elsewhere.
    func markdown(_ prose: String) -> String {
        guard !values.isEmpty, prose.contains(Self.open) else { return prose }
        let html = NotebookMarkdown.html(prose)
        var inCode: Set<Int> = []
        var depth = 0
        var position = html.startIndex
        while position < html.endIndex {
            let rest = html[position...]
            if rest.hasPrefix("<code") {
                depth += 1
            } else if rest.hasPrefix("</code") {
                depth = max(0, depth - 1)
            } else if depth > 0, let (number, range) = Self.firstToken(in: rest), range.lowerBound == position {
                inCode.insert(number)
                position = range.upperBound
                continue
            }
            position = html.index(after: position)
        }
        return fill(prose) { number, value in inCode.contains(number) ? value : MarkdownText.escape(value) }
    }
}
