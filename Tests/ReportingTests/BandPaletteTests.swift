import Foundation
import Testing

@testable import Rendering
@testable import Reporting

/// One band palette for charts and tables: every band of both frameworks, colour-blind-safe colours
/// shared by level, shapes that survive greyscale, tints dark text can be read on.
@Suite struct BandPaletteTests {
    static let frameworkBands = [
        "MINIMUM", "MODERATE", "SUBSTANTIAL", "DRASTIC", "Outstanding", "Good", "Requires improvement", "Inadequate",
    ]

    @Test(arguments: frameworkBands)
    func everyBandOfBothFrameworksHasAStyle(name: String) throws {
        let band = try #require(ReportFixtures.palette.band(named: name))
        #expect(band.name == name)
        #expect(ReportFixtures.palette.band(matching: name.uppercased()) == band)
        #expect(band.cssClass == "band band-" + band.slug)
    }

    @Test(arguments: [
        ("SUBSTANTIAL improvement required", "substantial"), ("minimum improvement required", "minimum"),
        ("requires_improvement", "requires-improvement"), ("Requires-Improvement", "requires-improvement"),
        ("  good ", "good"), ("OUTSTANDING", "outstanding"),
    ])
    func looseSpellingsMatch(text: String, slug: String) {
        #expect(ReportFixtures.palette.band(matching: text)?.slug == slug)
    }

    @Test func exactLookupIsExact() {
        #expect(ReportFixtures.palette.band(named: "good") == nil)
        #expect(ReportFixtures.palette.band(matching: "very good") == nil)
        #expect(ReportFixtures.palette.band(matching: "(no rating)") == nil)
    }

    @Test func slugsAreUniqueAndLevelsShareTheirLook() {
        #expect(Set(ReportFixtures.palette.bands.map(\.slug)).count == ReportFixtures.palette.bands.count)
        for level in 1...4 {
            let bands = ReportFixtures.palette.bands.filter { $0.level == level }
            #expect(bands.count == 2)
            #expect(Set(bands.map(\.colour)).count == 1 && Set(bands.map(\.tint)).count == 1)
        }
        #expect(Set(BandPalette.levels.map(\.colour)).count == 4)
        #expect(Set(BandPalette.levels.map { "\($0.marker)" }).count == 4)
    }

    /// Okabe–Ito: the palette designed to stay distinct under the common colour-vision deficiencies.
    @Test func coloursAreOkabeIto() {
        let okabeIto: Set = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
        #expect(BandPalette.levels.allSatisfy { okabeIto.contains($0.colour) })
    }

    @Test(arguments: BandPalette.levels.map(\.tint))
    func textOnEveryTintIsHighContrast(tint: String) {
        #expect(Self.contrast("#1b1b1b", tint) >= 12)
    }

    /// WCAG 2 contrast ratio of two `#RRGGBB` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [value >> 16, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.040_45 ? $0 / 12.92 : Foundation.pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let (light, dark) = (max(luminance(a), luminance(b)), min(luminance(a), luminance(b)))
        return (light + 0.05) / (dark + 0.05)
    }
}
