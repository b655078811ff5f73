/// One drawn chart: a standalone SVG document plus the words a reader without the picture needs.
public struct Chart: Sendable, Equatable {
    /// Shown above the chart and as the SVG `<title>`.
    public let title: String
    /// The text alternative (SVG `<desc>`, HTML `alt`-like summary): what the chart shows, in words.
    public let textAlternative: String
    /// A complete `<svg xmlns=…>` element, no external references, no scripts.
    public let svg: String

    public init(title: String, textAlternative: String, svg: String) {
        self.title = title
        self.textAlternative = textAlternative
        self.svg = svg
    }
}
