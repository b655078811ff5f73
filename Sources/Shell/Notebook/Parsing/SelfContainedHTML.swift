import Foundation
import QueryLanguage

/// Keeps a notebook's HTML self-contained: its prose may hold raw HTML (Markdown allows it), but no
/// scripts, frames, embedded objects or `<meta>` (a refresh would leave the page), no event-handler
/// attributes, and no address that loads or sends something (`src=`, `href=` outside a link, `action=`,
/// `url(…)` in a style; a `data:` URL or a `#fragment` is fine). Links (`<a href>`) are fine: they load
/// nothing.
enum SelfContainedHTML {
    static let forbiddenTags: Set<String> = [
        "script", "iframe", "frame", "object", "embed", "link", "base", "audio", "video", "source", "style", "meta",
    ]

    /// Attributes whose value is an address the browser loads (or a form sends to) by itself.
    static let loadingAttributes: Set<String> = [
        "src", "srcset", "poster", "data", "background", "action", "formaction", "href", "xlink:href",
    ]

    /// Tags whose `href` is a link the reader follows, not a load.
    static let linkTags: Set<String> = ["a", "area"]

    /// A tag that would keep the page from standing alone.
    struct Problem: Equatable {
        /// In words: `a <script> element`, `an external asset (src="http://x/y.png)`.
        var description: String
        /// The tag as written, from `<` up to its `>`: found again in the prose to name its line.
        var tag: Substring
        /// The address it loads (as written in the HTML, perhaps made by Markdown: `![x](http://…)`).
        var address: Substring?
    }

    /// The first problem in `html`'s tags; nil when it is self-contained. Text between tags is not
    /// looked at (in HTML from Markdown, a `<` in text is always escaped).
    ///
    /// - Parameter wholePage: a whole page has its own `<style>` (checked to load nothing) and `<meta>`
    ///   (without `http-equiv`); prose may have neither.
    static func problem(in html: String, wholePage: Bool = false) -> Problem? {
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let tag = rest[rest.index(after: open)...].prefix { $0 != ">" }
            let whole = rest[open..<tag.endIndex]
            rest = rest[tag.endIndex...]
            let lowered = tag.lowercased()
            let name = String(lowered.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
            let attributes = lowered.dropFirst(name.count)
            func found(_ description: String, address: Substring? = nil) -> Problem {
                Problem(description: description, tag: whole, address: address)
            }
            if wholePage && name == "style" {
                let css = rest.prefix { $0 != "<" }.lowercased()
                if css.contains("@import") || css.contains("url(") { return found("a stylesheet that loads something") }
                continue
            }
            if wholePage && name == "meta" && !attributes.contains("http-equiv") { continue }
            if forbiddenTags.contains(name) { return found("a <\(name)> element") }
            if attributes.contains("javascript:") { return found("a javascript: URL") }
            if let handler = attributes.firstMatch(of: /\son[a-z]+\s*=/) {
                return found("an event handler (\(collapsingWhitespace(handler.output)))")
            }
            for match in attributes.matches(of: /(?:\s([a-z:-]+)\s*=\s*["']?|url\(\s*["']?)([^"'\s)>]*)/) {
                if let attribute = match.output.1.map(String.init) {
                    guard loadingAttributes.contains(attribute) else { continue }
                    if linkTags.contains(name) && attribute.hasSuffix("href") { continue }
                }
                let address = match.output.2
                if address.hasPrefix("data:") || address.hasPrefix("#") { continue }
                let written = match.output.1.map { "\($0)=\"\(address)\"" } ?? "url(\(address))"
                return found("an external asset (\(collapsingWhitespace(written)))", address: address)
            }
        }
        return nil
    }

    /// Checks every prose block of `notebook` as it will be written, its parameters filled in (a value
    /// can complete a tag: `<{{tag}}>`, `href="{{url}}"`); an error names the line and column of the
    /// offending tag as written.
    static func check(_ notebook: Notebook) throws(Diagnostic) {
        for case .prose(let text, let line) in notebook.blocks {
            guard let problem = problem(in: notebook.proseValues.html(NotebookMarkdown.html(text))) else { continue }
            throw Diagnostic(
                message: "the prose has \(problem.description): the HTML must stand alone (inline assets as data: URLs)",
                file: notebook.name, location: location(of: problem, in: text, firstLine: line))
        }
    }

    /// Where the problem's tag (else its address, for a tag Markdown wrote) first appears in the prose;
    /// the prose's first line when neither does. Columns count characters from 1.
    static func location(of problem: Problem, in prose: String, firstLine: Int) -> SourceLocation {
        let found =
            prose.range(of: problem.tag, options: .caseInsensitive)
            ?? problem.address.flatMap { $0.isEmpty ? nil : prose.range(of: $0, options: .caseInsensitive) }
        guard let found else { return SourceLocation(line: firstLine, column: 1) }
        let before = prose[..<found.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex
        return SourceLocation(
            line: firstLine + before.count(where: { $0 == "\n" }),
            column: before.distance(from: lineStart, to: before.endIndex) + 1)
    }

    /// `text` with every run of whitespace (newlines too) as one space, trimmed: a snippet for one line.
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
