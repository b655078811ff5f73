import Rendering
/// One drawn chart: a standalone SVG document plus the words a reader without the picture needs.
public struct Chart: Sendable, Equatable {
    /// Shown above the chart and as the SVG `<title>`.
    public let title: String
    /// The text alternative (SVG `<desc>`, HTML `alt`-like summary): what the chart shows, in words.
    public let textAlternative: String
    /// A complete `<svg xmlns=…>` element, no external references, no scripts. Valid as a `.svg` file
    /// and inline in HTML (its element ids are unique to the chart).
    public let svg: String

    public init(title: String, textAlternative: String, svg: String) {
        self.title = title
        self.textAlternative = textAlternative
        self.svg = svg
    }

    /// The base of the chart's element ids (`yotq-histogram-1d2abec6`, from its words).
    public var elementID: String? {
        guard let start = svg.firstRange(of: "aria-labelledby=\""),
            let end = svg[start.upperBound...].firstRange(of: "-title")
        else { return nil }
        return String(svg[start.upperBound..<end.lowerBound])
    }

    /// The same chart with `suffix` added to its element ids: two charts of the same words (the same
    /// verb run twice) inlined in one page must not share ids, or the second's label would name the first.
    public func withElementIDs(suffixed suffix: String) -> Chart {
        guard let base = elementID else { return self }
        return Chart(title: title, textAlternative: textAlternative, svg: svg.replacing(base, with: base + suffix))
    }

    /// The chart inline in HTML: `<figure class="chart">` holding the SVG and, if given, a `<figcaption>`
    /// (escaped). The title is already drawn in the SVG, so a caption is for a source note or comment.
    public func figure(caption: String? = nil) -> String {
        var html = "<figure class=\"chart\">\n" + svg
        if let caption { html += "<figcaption>" + HTMLText.escape(caption) + "</figcaption>\n" }
        return html + "</figure>\n"
    }
}
