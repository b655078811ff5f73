/// How one inspection band looks wherever yotq draws it: chart markers, HTML table cells, legends.
///
/// Colour is never the only signal: every band also has a marker shape (circle, square, diamond,
/// triangle, from best to worst) and its name is always written beside it.
public struct BandStyle: Sendable, Equatable {
    /// The band's name as its framework spells it (`SUBSTANTIAL`, `Requires improvement`).
    public let name: String
    /// 1 = best … 4 = worst: the band's place in its scale, mapped onto the palette's four looks.
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

    /// `Requires improvement` → `requires-improvement`.
    static func slug(of name: String) -> String {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.joined(separator: "-")
    }
}
