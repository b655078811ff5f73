import Inspection
import Rendering
/// The outside of every chart: the `<svg>` root with its text alternative (`<title>`, `<desc>`,
/// `role="img"`, `aria-labelledby`), a white background and the visible title, wrapped to the width.
///
/// Element ids derive from the chart's words (a stable hash), so several charts inlined in one HTML page
/// do not collide and the same table always gives the same bytes.
struct ChartFrame {
    let kind: ChartKind
    let title: String
    let textAlternative: String

    private var titleLines: [String] {
        // Bold type runs about a tenth wider than the estimate, and fonts vary: leave that room.
        ChartStyle.wrap(title, width: (ChartStyle.width - 2 * ChartFrame.margin) * 0.88, size: ChartStyle.titleSize)
    }

    /// Left and right margin, px.
    static let margin = 16.0

    /// Where the chart's content starts below the title, px.
    var contentTop: Double { 14 + Double(titleLines.count) * 19 + 10 }

    /// The complete chart: `body` (SVG elements) inside the frame, `height` px tall.
    func chart(height: Double, body: String) -> Chart {
        let id = "yotq-\(kind.rawValue)-" + ChartFrame.stableHash(title + "\u{1F}" + textAlternative)
        let size = [("width", SVGWriter.number(ChartStyle.width)), ("height", SVGWriter.number(height))]
        var svg = SVGWriter()
        svg.open(
            "svg",
            [("xmlns", "http://www.w3.org/2000/svg")] + size
                + [
                    ("viewBox", "0 0 " + SVGWriter.number(ChartStyle.width) + " " + SVGWriter.number(height)),
                    ("role", "img"), ("aria-labelledby", id + "-title " + id + "-desc"),
                    ("class", "chart chart-\(kind.rawValue)"),
                    ("font-family", ChartStyle.fontFamily), ("font-size", SVGWriter.number(ChartStyle.fontSize)),
                    ("fill", ChartStyle.ink),
                ])
        svg.element("title", [("id", id + "-title")], text: title)
        svg.element("desc", [("id", id + "-desc")], text: textAlternative)
        svg.rect(x: 0, y: 0, width: ChartStyle.width, height: height, fill: "#ffffff")
        for (index, line) in titleLines.enumerated() {
            svg.text(
                line, x: ChartFrame.margin, y: 14 + 15 + Double(index) * 19, size: ChartStyle.titleSize, bold: true)
        }
        var markup = svg.markup + body
        markup += "</svg>\n"
        return Chart(title: title, textAlternative: textAlternative, svg: markup)
    }

    /// FNV-1a (64 bit) of the UTF-8, as 8 hex digits: stable across runs and platforms.
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
