import Rendering
/// The shared look of every chart: size, fonts, greys. Colours that mean something (bands) come from
/// `BandPalette`; series colours from `seriesColours`.
enum ChartStyle {
    /// Width of every chart in px (the SVG has a viewBox, so it scales down on narrow screens and paper).
    static let width = 640.0
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
    static let fontSize = 12.0
    static let titleSize = 15.0
    static let smallSize = 10.5

    static let ink = "#1b1b1b"
    static let muted = "#555555"
    static let axis = "#767676"
    static let grid = "#e4e4e4"
    /// The lowest-to-highest range bar (bullet chart) and neutral bars (histogram).
    static let rangeFill = "#d4d4d4"
    static let neutralBar = "#5f6b77"

    /// Series colours (line chart), Okabe–Ito without the yellow (too pale on white), in a fixed order;
    /// series also differ by marker shape and dash pattern, and are labelled at their ends.
    static let seriesColours = ["#1b1b1b", "#CC79A7", "#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9"]
    static let seriesDashes: [String?] = [nil, "6 3", "2 3", "8 3 2 3"]

    /// Approximate advance width of `text` in px at `size`, for layout (label columns, overlap checks).
    /// A per-character estimate for a proportional sans font; errs wide so labels are not clipped.
    static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "I", "!", "|", ".", ",", ":", ";", "'": ems += 0.3
            case "f", "t", "r", " ", "(", ")", "[", "]", "-": ems += 0.36
            case "m", "w", "M", "W", "%", "@": ems += 0.9
            case "A"..."Z": ems += 0.7
            case "0"..."9": ems += 0.58
            default: ems += character.isASCII ? 0.56 : 1.0
            }
        }
        return ems * size
    }

    /// `text` broken at spaces into lines no wider than `width` px (a longer single word stays whole).
    static func wrap(_ text: String, width: Double, size: Double = fontSize) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if textWidth(candidate, size: size) > width && !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` cut to fit `width` px, ending in `…` when cut (the full text goes in the text alternative).
    static func truncate(_ text: String, width: Double, size: Double = fontSize) -> String {
        guard textWidth(text, size: size) > width else { return text }
        var cut = text
        while !cut.isEmpty && textWidth(cut + "…", size: size) > width { cut.removeLast() }
        return cut + "…"
    }
}
