import Rendering
/// A point marker's shape: bands and series differ by shape as well as colour, so charts survive
/// greyscale printing and colour-vision deficiencies.
enum MarkerShape {
    case circle, square, diamond, triangle
    /// Points below a limit (funnel plots).
    case triangleDown

    /// The marker centred on (x, y), `size` across (px), with the given fill and a dark outline.
    func draw(into svg: inout SVGWriter, x: Double, y: Double, size: Double, fill: String, stroke: String = "#1b1b1b") {
        let r = size / 2
        let paint: [(String, String)] = [("fill", fill), ("stroke", stroke), ("stroke-width", "1")]
        switch self {
        case .circle:
            svg.element(
                "circle",
                [("cx", SVGWriter.number(x)), ("cy", SVGWriter.number(y)), ("r", SVGWriter.number(r))] + paint)
        case .square:
            let side = size * 0.88
            svg.element(
                "rect",
                [
                    ("x", SVGWriter.number(x - side / 2)), ("y", SVGWriter.number(y - side / 2)),
                    ("width", SVGWriter.number(side)), ("height", SVGWriter.number(side)),
                ] + paint)
        case .diamond:
            let d = r * 1.2
            svg.element(
                "path", [("d", SVGWriter.path([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], closed: true))] + paint)
        case .triangle:
            let h = r * 1.15
            svg.element(
                "path",
                [("d", SVGWriter.path([(x, y - h), (x + h, y + h * 0.8), (x - h, y + h * 0.8)], closed: true))] + paint)
        case .triangleDown:
            let h = r * 1.15
            svg.element(
                "path",
                [("d", SVGWriter.path([(x, y + h), (x + h, y - h * 0.8), (x - h, y - h * 0.8)], closed: true))] + paint)
        }
    }

    /// CSS declarations giving a square swatch this shape (used by `.band::before`).
    var css: String {
        switch self {
        case .circle: "border-radius: 50%;"
        case .square: ""
        case .diamond: "transform: rotate(45deg) scale(0.8);"
        case .triangle: "clip-path: polygon(50% 0, 100% 100%, 0 100%);"
        case .triangleDown: "clip-path: polygon(0 0, 100% 0, 50% 100%);"
        }
    }
}
