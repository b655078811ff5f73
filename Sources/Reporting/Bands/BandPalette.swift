public import Inspection

/// The looks of the bands of a session's frameworks: each band scale's labels (from the framework files,
/// so a third framework needs no code) → slug, colour, tint and marker.
///
/// Colours are Okabe–Ito (safe for the common colour-vision deficiencies), one per level, so "best" looks
/// the same in a 2011 and a 2024 paper: blue, bluish green, orange, vermillion from best to worst. A scale
/// of up to four bands takes the levels in order from the best; a longer one is spread over the four
/// (neighbouring bands may then share a look; their names still differ). Charts, the HTML table classes
/// and the stylesheet all read this value.
public struct BandPalette: Sendable {
    /// Every band of every framework, best first within each scale, in the frameworks' order; a name
    /// used by two scales appears once (its first scale's look).
    public let bands: [BandStyle]

    /// The look of each level, best first.
    static let levels: [(colour: String, tint: String, marker: MarkerShape)] = [
        ("#0072B2", "#C7E0EE", .circle),  // blue
        ("#009E73", "#C7EAE0", .square),  // bluish green
        ("#E69F00", "#F9EAC7", .diamond),  // orange
        ("#D55E00", "#F6DCC7", .triangle),  // vermillion
    ]

    public init(frameworks: [Framework]) {
        var bands: [BandStyle] = []
        for scale in frameworks.flatMap(\.scales) {
            // A scale lists its bands from the lowest scores up: the best is last.
            let bestFirst = scale.bands.reversed().map(\.label)
            for (position, name) in bestFirst.enumerated() where !bands.contains(where: { $0.name == name }) {
                bands.append(
                    BandStyle(
                        name: name, level: Self.level(position: position, of: bestFirst.count),
                        slug: BandStyle.slug(of: name)))
            }
        }
        self.bands = bands
    }

    /// Level 1–4 of the band at `position` (0 = best) of a scale of `count` bands.
    static func level(position: Int, of count: Int) -> Int {
        let looks = levels.count
        guard count > looks else { return position + 1 }
        return 1 + (position * (looks - 1) + (count - 1) / 2) / (count - 1)
    }

    /// The band spelled exactly as a framework spells it (`Good`, `DRASTIC`), else nil.
    public func band(named name: String) -> BandStyle? {
        bands.first { $0.name == name }
    }

    /// The band a looser spelling means: any case, `_`/`-` for spaces, and a label followed by the
    /// words a report prints after it (`SUBSTANTIAL improvement required`). For columns known to hold bands.
    public func band(matching text: String) -> BandStyle? {
        let key = BandStyle.slug(of: text)
        return bands.first { key == $0.slug || key == $0.slug + "-improvement-required" }
    }

    /// CSS for `.band` cells: a light tint behind the text and a swatch of the band's colour and shape
    /// before it, kept when printing.
    public var css: String {
        var css = """
            .band { white-space: nowrap; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            .band::before { content: ""; display: inline-block; width: 0.7em; height: 0.7em; margin-right: 0.4em; \
            vertical-align: -0.05em; border: 1px solid #1b1b1b; box-sizing: border-box; }

            """
        for band in bands {
            css += ".band-\(band.slug) { background: \(band.tint); }\n"
            css += ".band-\(band.slug)::before { background: \(band.colour); \(band.marker.css) }\n"
        }
        return css
    }
}
