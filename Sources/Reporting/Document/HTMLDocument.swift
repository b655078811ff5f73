import Rendering
/// A self-contained HTML page (inline CSS, no external assets, no scripts) around rendered fragments:
/// the notebook's output and `COPY … (FORMAT html)` files. Readable on screen and printable on A4.
public struct HTMLDocument: Sendable {
    public var title: String
    /// Lines for `<meta name=…>` (author, date); written escaped.
    public var meta: [(name: String, content: String)]
    /// Rules a kind of page adds after `HTMLStylesheet.css` (a notebook's title block, say).
    public var extraCSS: String
    /// The bands whose cells and charts the page styles.
    public var bands: BandPalette

    public init(title: String, bands: BandPalette, meta: [(name: String, content: String)] = [], extraCSS: String = "")
    {
        self.title = title
        self.bands = bands
        self.meta = meta
        self.extraCSS = extraCSS
    }

    /// The whole page with `body` (already HTML) inside `<main>`.
    public func render(body: String) -> String {
        opening + body + HTMLDocument.closing
    }

    /// Everything before the body: doctype, head with title, meta and `HTMLStylesheet.css`, `<main>`.
    /// With `closing`, for writers that stream a big body (`COPY`) rather than build one string.
    public var opening: String {
        var page = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>" + HTMLText.escape(title) + "</title>\n"
        for entry in meta {
            page +=
                "<meta name=\"" + HTMLText.escape(entry.name) + "\" content=\""
                + HTMLText.escape(entry.content) + "\">\n"
        }
        page += "<style>\n" + HTMLStylesheet.css(bands: bands) + extraCSS + "</style>\n</head>\n<body>\n<main>\n"
        return page
    }

    /// Everything after the body.
    public static let closing = "</main>\n</body>\n</html>\n"

    /// `text` made safe for HTML text and attribute values (`& < > " '` escaped), for writers composing a
    /// body (a notebook cell's source, an error message).
    public static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
