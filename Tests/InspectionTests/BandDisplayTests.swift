import Testing
@testable import Inspection

@Suite struct BandDisplayTests {
    static let cci = InspectionFixture.frameworks.first { $0.id == "cci-2009" }!
    static let youth = InspectionFixture.frameworks.first { $0.id == "youth-2018" }!
    static func scale(_ framework: Framework, _ id: String) -> BandScale { framework.scales.first { $0.id == id }! }

    /// Halves away from zero, to whole units.
    @Test(arguments: [(59.98, 60.0), (59.5, 60), (59.49, 59), (44.5, 45), (0.4, 0), (-0.5, -1), (61, 61)])
    func displayedScore(score: Double, shown: Double) {
        #expect(BandScale.displayed(score) == shown)
    }

    /// The band of the shown score: 59.98 prints as 60, so MODERATE, not SUBSTANTIAL.
    @Test(arguments: [
        (59.98, "MODERATE", BandProvenance.inferredRule), (59.49, "SUBSTANTIAL", .inferredRule),
        (44.5, "SUBSTANTIAL", .inferredRule), (44.49, "DRASTIC", .inferredRule), (74.5, "MINIMUM", .placeholderRule),
        (74.49, "MODERATE", .inferredRule),
    ])
    func cciBandOfTheDisplayedScore(score: Double, label: String, provenance: BandProvenance) throws {
        let improvement = Self.scale(Self.cci, "improvement")
        let (band, source) = try #require(improvement.bandWithProvenance(ofDisplayed: score))
        #expect(band.label == label)
        #expect(source == provenance)
        #expect(improvement.band(of: 59.98)?.label == "SUBSTANTIAL")  // the unrounded score would disagree
    }

    /// Youth: points per standard are published (framework rule); the overall from the total is
    /// inferred; the case-share rule is unconfirmed (placeholder).
    @Test func youthProvenance() throws {
        #expect(
            try #require(Self.scale(Self.youth, "rating").bandWithProvenance(ofDisplayed: 2)).provenance
                == .frameworkRule)
        #expect(
            try #require(Self.scale(Self.youth, "total_rating").bandWithProvenance(ofDisplayed: 18.6)).band.label
                == "Good")
        #expect(
            try #require(Self.scale(Self.youth, "total_rating").bandWithProvenance(ofDisplayed: 18.4)).provenance
                == .inferredRule)
        #expect(
            try #require(Self.scale(Self.youth, "case_share").bandWithProvenance(ofDisplayed: 70)).provenance
                == .placeholderRule)
    }
}
