/// How one inspection band looks wherever yotq draws it: chart markers, HTML table cells, legends.
///
/// Colour is never the only signal: every band also has a marker shape (circle, square, diamond,
/// triangle, from best to worst) and its name is always written beside it.
public struct BandStyle: Sendable, Equatable {
    /// The band's name as the frameworks spell it (`SUBSTANTIAL`, `Requires improvement`).
    public let name: String
    /// 1 = best (MINIMUM improvement required, Outstanding) … 4 = worst (DRASTIC, Inadequate).
    public let level: Int
    /// Lower-case, hyphenated: the CSS class is `band-<slug>` (`band-requires-improvement`).
    public let slug: String

    /// `band band-<slug>`: the classes an HTML cell holding this band gets.
    public var cssClass: String { "band band-" + slug }
    /// The strong colour (`#RRGGBB`) for marks: chart markers, swatches.
    public var colour: String { BandPalette.levels[level - 1].colour }
    /// A light tint of `colour` for backgrounds behind dark text (table cells); contrast ≥ 12:1.
    public var tint: String { BandPalette.levels[level - 1].tint }
    /// The marker shape of this band's level, so greyscale prints still tell bands apart.
    var marker: MarkerShape { BandPalette.levels[level - 1].marker }
}

/// The one band palette: both frameworks' bands → slug, colour, tint and marker.
///
/// Colours are Okabe–Ito (safe for the common colour-vision deficiencies), one per level and shared by
/// the two frameworks, so "best" looks the same in a 2011 and a 2024 paper: blue, bluish green, orange,
/// vermillion from best to worst. Charts, the HTML table classes and the stylesheet all read this table.
public enum BandPalette {
    /// Every band of both frameworks, best first within each framework.
    public static let bands: [BandStyle] = [
        // cci-2009: the "improvement required" comment beside each score.
        BandStyle(name: "MINIMUM", level: 1, slug: "minimum"),
        BandStyle(name: "MODERATE", level: 2, slug: "moderate"),
        BandStyle(name: "SUBSTANTIAL", level: 3, slug: "substantial"),
        BandStyle(name: "DRASTIC", level: 4, slug: "drastic"),
        // youth-2018: ratings.
        BandStyle(name: "Outstanding", level: 1, slug: "outstanding"),
        BandStyle(name: "Good", level: 2, slug: "good"),
        BandStyle(name: "Requires improvement", level: 3, slug: "requires-improvement"),
        BandStyle(name: "Inadequate", level: 4, slug: "inadequate"),
    ]

    /// The look of each level, best first.
    static let levels: [(colour: String, tint: String, marker: MarkerShape)] = [
        ("#0072B2", "#C7E0EE", .circle),  // blue
        ("#009E73", "#C7EAE0", .square),  // bluish green
        ("#E69F00", "#F9EAC7", .diamond),  // orange
        ("#D55E00", "#F6DCC7", .triangle),  // vermillion
    ]

    /// The band spelled exactly as a framework spells it (`Good`, `DRASTIC`), else nil.
    public static func band(named name: String) -> BandStyle? {
        bands.first { $0.name == name }
    }

    /// The band a looser spelling means: any case, `_`/`-` for spaces, and the cci comment in full
    /// (`SUBSTANTIAL improvement required`, `requires_improvement`). For columns known to hold bands.
    public static func band(matching text: String) -> BandStyle? {
        let spaced = String(text.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 })
        var key = spaced.split(separator: " ").joined(separator: " ")
        if key.hasSuffix(" improvement required") { key.removeLast(" improvement required".count) }
        return bands.first { $0.name.lowercased() == key }
    }

    /// CSS for `.band` cells: a light tint behind the text and a swatch of the band's colour and shape
    /// before it, kept when printing.
    public static var css: String {
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
