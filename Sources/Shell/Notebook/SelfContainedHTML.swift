import QueryLanguage

/// Keeps a notebook's HTML self-contained: its prose may hold raw HTML (Markdown allows it), but no
/// scripts, frames or embedded objects, no event-handler attributes, and no asset loaded from elsewhere
/// (`src=` other than a `data:` URL, `url(…)` in a style). Links (`<a href>`) are fine: they load nothing.
enum SelfContainedHTML {
    static let forbiddenTags: Set<String> = [
        "script", "iframe", "frame", "object", "embed", "link", "base", "audio", "video", "source", "style",
    ]

    /// The first problem in `html`'s tags, in words; nil when it is self-contained. Text between tags is
    /// not looked at (in HTML from Markdown, a `<` in text is always escaped).
    ///
    /// - Parameter wholePage: a whole page has its own `<style>` (checked to load nothing); prose may not.
    static func problem(in html: String, wholePage: Bool = false) -> String? {
        var rest = html.lowercased()[...]
        while let open = rest.firstIndex(of: "<") {
            let tag = rest[rest.index(after: open)...].prefix { $0 != ">" }
            rest = rest[tag.endIndex...]
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            if wholePage && name == "style" {
                let css = rest.prefix { $0 != "<" }
                if css.contains("@import") || css.contains("url(") { return "a stylesheet that loads something" }
                continue
            }
            if forbiddenTags.contains(String(name)) { return "a <\(name)> element" }
            let attributes = tag.dropFirst(name.count)
            if attributes.contains("javascript:") { return "a javascript: URL" }
            if let handler = attributes.firstMatch(of: /\son[a-z]+\s*=/) {
                return "an event handler (\(handler.output.trimmingBlanks()))"
            }
            for match in attributes.matches(
                of: /(?:\s(?:src|srcset|poster|data)\s*=\s*["']?|url\(\s*["']?)([^"'\s)>]*)/)
            where !match.output.1.hasPrefix("data:") && !match.output.1.hasPrefix("#") {
                return "an external asset (\(match.output.0.trimmingBlanks()))"
            }
        }
        return nil
    }

    /// Checks every prose block of `notebook` (after its parameters are filled).
    static func check(_ notebook: Notebook) throws(Diagnostic) {
        for case .prose(let text, let line) in notebook.blocks {
            if let problem = problem(in: NotebookMarkdown.html(text)) {
                throw Diagnostic(
                    message: "the prose has \(problem): the HTML must stand alone (inline assets as data: URLs)",
                    file: notebook.name, location: SourceLocation(line: line, column: 1))
            }
        }
    }
}
