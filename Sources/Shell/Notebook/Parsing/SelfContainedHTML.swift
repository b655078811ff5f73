import Foundation
import QueryLanguage

/// Keeps a notebook's HTML self-contained and inert. Its prose may hold raw HTML (Markdown allows it);
/// the HTML Ink makes of it is read by a real tokenizer (`HTMLTokens`: quoted `>`, attributes without
/// blanks between them, `/` separators, character references, as a browser reads them) and allowed
/// only when every element and attribute is on an allow-list — the elements Markdown makes, a safe subset
/// of HTML and SVG — with no event handler, no address that loads or sends anything (an image must be a
/// `data:image/` URL, an SVG `<use>` a `#fragment`), links only to `http`, `https` or `mailto` (or a
/// relative address), and styles without URLs, escapes or imports. A whole page (`wholePage`) is checked
/// for the same dangers without the allow-list (the page's own charts and stylesheet use more).
enum SelfContainedHTML {
    /// Elements that run or embed something, or leave the page: never allowed, whole page or prose.
    static let forbiddenTags: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "base", "audio", "video",
        "source", "track", "style", "meta", "noscript", "template", "portal", "foreignobject", "animate", "set",
        "animatemotion", "animatetransform", "handler", "listener",
    ]

    /// Attributes whose value is an address the browser loads (or a form sends to) by itself.
    static let loadingAttributes: Set<String> = [
        "src", "srcset", "poster", "data", "background", "action", "formaction", "href", "xlink:href", "ping",
        "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "manifest", "icon",
    ]

    /// Tags whose `href` is a link the reader follows, not a load.
    static let linkTags: Set<String> = ["a", "area"]

    /// The elements prose may use: what Markdown makes, a safe subset of HTML, and SVG shapes and text.
    static let proseElements: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
        "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
        "section", "article", "aside", "header", "footer",
        // SVG.
        "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "title",
        "desc", "defs", "use", "symbol", "marker", "lineargradient", "radialgradient", "stop", "clippath",
    ]

    /// Attributes any prose element may carry (besides `aria-*` and `data-*`).
    static let globalAttributes: Set<String> = ["id", "class", "title", "lang", "dir", "role", "style"]

    /// Attributes particular elements may carry; SVG presentation attributes are shared by every SVG element.
    static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "name", "rel", "hreflang", "xlink:href"], "img": ["src", "alt", "width", "height"],
        "td": ["colspan", "rowspan", "align", "headers"], "th": ["colspan", "rowspan", "align", "scope", "headers"],
        "col": ["span"], "colgroup": ["span"], "ol": ["start", "reversed", "type"], "li": ["value"],
        "details": ["open"], "time": ["datetime"], "use": ["href", "xlink:href", "x", "y", "width", "height"],
    ]

    static let svgAttributes: Set<String> = [
        "xmlns", "xmlns:xlink", "viewbox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
        "rx", "ry", "d", "points", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
        "stroke-linejoin", "opacity", "fill-opacity", "stroke-opacity", "transform", "font-family", "font-size",
        "font-weight", "text-anchor", "dominant-baseline", "preserveaspectratio", "offset", "stop-color",
        "stop-opacity", "gradientunits", "gradienttransform", "markerwidth", "markerheight", "refx", "refy",
        "orient", "clip-path", "clippathunits", "dx", "dy", "visibility", "display", "fill-rule", "clip-rule",
    ]

    static let svgElements: Set<String> = [
        "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "defs",
        "use", "symbol", "marker", "lineargradient", "radialgradient", "stop", "clippath",
    ]

    /// A tag that would keep the page from standing alone, or run something.
    struct Problem: Equatable {
        /// In words: `a <script> element`, `an external asset (src="http://x/y.png")`.
        var description: String
        /// The tag as written, from `<` up to its `>`: found again in the prose to name its line.
        var tag: Substring
        /// The address it loads (as written in the HTML, perhaps made by Markdown: `![x](http://…)`).
        var address: Substring?
    }

    /// The first problem in `html`'s tags; nil when it is self-contained and inert.
    ///
    /// - Parameter wholePage: a whole page has its own `<style>` (checked to load nothing) and `<meta>`
    ///   (without `http-equiv`), and is not held to the prose allow-list.
    static func problem(in html: String, wholePage: Bool = false) -> Problem? {
        var tokens = HTMLTokens(html)
        while let token = tokens.next() {
            switch token {
            case .text, .comment, .endTag:
                continue
            case .unclosed(let source):
                return Problem(description: "an unclosed tag", tag: source.prefix(40), address: nil)
            case .startTag(let name, let attributes, let source):
                if wholePage && name == "style" {
                    guard case .text(let css)? = tokens.next() else { continue }
                    if let reason = styleProblem(String(css)) {
                        return Problem(description: reason, tag: source, address: nil)
                    }
                    continue
                }
                if wholePage && name == "meta" && !attributes.contains(where: { $0.name == "http-equiv" }) { continue }
                if let problem = problem(name: name, attributes: attributes, source: source, prose: !wholePage) {
                    return problem
                }
            }
        }
        return nil
    }

    /// What is wrong with one start tag, if anything.
    private static func problem(name: String, attributes: [HTMLTokens.Attribute], source: Substring, prose: Bool)
        -> Problem?
    {
        func found(_ description: String, address: Substring? = nil) -> Problem {
            Problem(description: description, tag: source, address: address)
        }
        if forbiddenTags.contains(name) { return found("a <\(name)> element") }
        for attribute in attributes {
            let value = HTMLTokens.decoded(attribute.value)
            let address = Substring(attribute.value)
            if attribute.name.hasPrefix("on") { return found("an event handler (\(attribute.name)=)") }
            if attribute.name == "style", let reason = styleProblem(value) {
                return found(reason, address: reason.hasPrefix("an external") ? address : nil)
            }
            guard loadingAttributes.contains(attribute.name) else { continue }
            let scheme = Self.scheme(of: value)
            if scheme == "javascript" || scheme == "vbscript" { return found("a javascript: URL") }
            let written = "\(attribute.name)=\"\(attribute.value)\""
            if linkTags.contains(name) && attribute.name.hasSuffix("href") {
                if let scheme, !["http", "https", "mailto"].contains(scheme) {
                    return found("a link to a \(scheme): address (\(collapsingWhitespace(written)))", address: address)
                }
                continue
            }
            let compact = Self.compact(value)
            if compact.hasPrefix("#") && attribute.name.hasSuffix("href") { continue }
            if compact.hasPrefix("data:image/") && attribute.name == "src" { continue }
            if !prose && compact.hasPrefix("data:") { continue }
            return found("an external asset (\(collapsingWhitespace(written)))", address: address)
        }
        guard prose else { return nil }
        guard proseElements.contains(name) else {
            return found(
                "a <\(name)> element (prose may use the elements Markdown makes and a safe subset of HTML and SVG)")
        }
        let allowed = elementAttributes[name, default: []]
        for attribute in attributes {
            let known =
                globalAttributes.contains(attribute.name) || allowed.contains(attribute.name)
                || attribute.name.hasPrefix("aria-") || attribute.name.hasPrefix("data-")
                || (svgElements.contains(name) && svgAttributes.contains(attribute.name))
            if !known { return found("an attribute <\(name) \(attribute.name)=…> that prose may not use") }
        }
        return nil
    }

    /// Why an inline style could load something, if it could: a `url(`, `image-set(`, `image(`, an
    /// `@import`, `expression(`, or a CSS escape (`u\72 l(` spells `url(`), which this check cannot read past.
    static func styleProblem(_ css: String) -> String? {
        let lowered = HTMLTokens.decoded(css).lowercased()
        if let range = lowered.range(of: "url(") {
            let address = lowered[range.upperBound...].prefix { $0 != ")" }
                .trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            if !address.hasPrefix("data:") && !address.hasPrefix("#") { return "an external asset (url(\(address)))" }
        }
        for word in ["image-set(", "image(", "@import", "expression(", "-moz-binding", "behavior:", "\\"]
        where lowered.contains(word) {
            return "a style that may load something (\(word))"
        }
        return nil
    }

    /// A URL's scheme, lower case, as a browser reads it (blanks and control characters removed); nil
    /// for a relative address.
    static func scheme(of url: String) -> String? {
        let compact = Self.compact(url)
        guard let colon = compact.firstIndex(of: ":") else { return nil }
        let scheme = compact[..<colon]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// The value without the blanks and control characters a browser strips from a URL, lower case.
    static func compact(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
            .lowercased()
    }

    /// Checks every prose block of `notebook` as it will be written, its parameters filled in (a value
    /// can complete a tag: `<{{tag}}>`, `href="{{url}}"`); an error names the line and column of the
    /// offending tag as written.
    static func check(_ notebook: Notebook) throws(Diagnostic) {
        for case .prose(let text, let line) in notebook.blocks {
            guard let problem = problem(in: notebook.proseValues.html(NotebookMarkdown.html(text))) else { continue }
            throw Diagnostic(
                message:
                    "the prose has \(problem.description): the HTML must stand alone (inline assets as data: URLs)",
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
