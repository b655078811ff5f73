import Rendering
/// Builds SVG markup one element a line: attributes in the order given, text and attribute values
/// escaped, coordinates written with at most two decimals, so the same table always gives the same bytes.
struct SVGWriter {
    private(set) var markup = ""

    /// `<name a="v" …>`; pair it with `close(name)`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<" + name + SVGWriter.attributes(attributes) + ">\n"
    }

    mutating func close(_ name: String) {
        markup += "</" + name + ">\n"
    }

    /// A whole element: self-closing without text, else `<name …>text</name>` with `text` escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        markup += "<" + name + SVGWriter.attributes(attributes)
        if let text {
            markup += ">" + SVGWriter.escape(text) + "</" + name + ">\n"
        } else {
            markup += "/>\n"
        }
    }

    /// A `<g>` around what `body` writes.
    mutating func group(_ attributes: [(String, String)], _ body: (inout SVGWriter) -> Void) {
        open("g", attributes)
        body(&self)
        close("g")
    }

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil
    ) {
        var attributes = [
            ("x1", SVGWriter.number(x1)), ("y1", SVGWriter.number(y1)), ("x2", SVGWriter.number(x2)),
            ("y2", SVGWriter.number(y2)), ("stroke", stroke), ("stroke-width", SVGWriter.number(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes)
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, extra: [(String, String)] = []
    ) {
        element(
            "rect",
            [
                ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)), ("width", SVGWriter.number(max(0, width))),
                ("height", SVGWriter.number(max(0, height))), ("fill", fill),
            ] + extra)
    }

    /// Text with its baseline at `y`.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: TextAnchor = .start, size: Double = ChartStyle.fontSize,
        bold: Bool = false, fill: String = ChartStyle.ink, extra: [(String, String)] = []
    ) {
        var attributes = [("x", SVGWriter.number(x)), ("y", SVGWriter.number(y))]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if size != ChartStyle.fontSize { attributes.append(("font-size", SVGWriter.number(size))) }
        if bold { attributes.append(("font-weight", "bold")) }
        if fill != ChartStyle.ink { attributes.append(("fill", fill)) }
        element("text", attributes + extra, text: content)
    }

    /// An open or closed polyline as path data: `M x y L x y … Z`.
    static func path(_ points: [(Double, Double)], closed: Bool = false) -> String {
        var data = ""
        for (index, point) in points.enumerated() {
            data += (index == 0 ? "M" : " L") + number(point.0) + " " + number(point.1)
        }
        return closed ? data + " Z" : data
    }

    /// A coordinate: at most two decimals, no trailing zeros, `0` for a non-finite value.
    static func number(_ value: Double) -> String {
        DecimalText.format(value, maxDecimals: 2) ?? "0"
    }

    /// Escapes `& < > " '` (valid in XML text and attribute values alike).
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        var text = ""
        for (name, value) in pairs { text += " " + name + "=\"" + escape(value) + "\"" }
        return text
    }
}

/// Where a text's `x` sits: its start, middle or end.
enum TextAnchor: String {
    case start, middle, end
}
