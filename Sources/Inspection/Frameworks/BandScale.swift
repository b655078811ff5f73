/// How sure we are of a rule or cut-point.
public enum Evidence: String, Sendable, Decodable, CaseIterable {
    /// The inspectorate printed it.
    case published
    /// Every observation fits it, but no source states it.
    case inferred
    /// Reported but not seen in any stored source; kept for reference only.
    case unconfirmed
    /// A value standing in where no source gives one (a cut-point never observed): never a finding.
    case placeholder
}

/// One band: scores from `from` (inclusive) up to the next band's `from` carry `label`.
public struct Band: Sendable, Equatable {
    public let label: String
    public let from: Double
    public let status: Evidence
    public let evidence: String
}

/// Ordered cut-points from a score to a band label, lowest scores first.
public struct BandScale: Sendable, Equatable {
    public let id: String
    public let title: String
    /// Ascending `from`, strictly increasing (checked when the file is loaded).
    public let bands: [Band]

    /// The band of `score`; nil below the first cut-point or for a non-finite score.
    public func band(of score: Double) -> Band? {
        guard score.isFinite else { return nil }
        return bands.last { $0.from <= score }
    }

    /// The score as a report prints it: rounded to whole units (whole percents, whole points), halves
    /// away from zero (59.5 → 60, 59.49 → 59; Excel's ROUND and Swift's `rounded()`). The inspectorate
    /// printed whole percents; the rounding of halves is yotq's documented choice (no source states it).
    public static func displayed(_ score: Double) -> Double {
        score.rounded(.toNearestOrAwayFromZero)
    }

    /// The band of the score as shown: cut-points applied to `displayed(score)`, so the band beside a
    /// printed 60 is the band of 60 even when the unrounded score is 59.98.
    public func band(ofDisplayed score: Double) -> Band? {
        band(of: Self.displayed(score))
    }

    /// The band's position (0 = lowest scores), for band movements; nil for an unknown label.
    public func rank(of label: String) -> Int? {
        bands.firstIndex { $0.label.lowercased() == label.lowercased() }
    }
}

/// Where a band shown beside a score comes from.
public enum BandProvenance: String, Sendable, CaseIterable {
    /// Printed in the report beside the score.
    case published
    /// Computed by a cut-point the inspectorate published.
    case frameworkRule = "framework rule"
    /// Computed by a cut-point inferred from observed score–band pairs.
    case inferredRule = "inferred rule"
    /// Computed by a placeholder cut-point (never observed, or unconfirmed): not a finding.
    case placeholderRule = "placeholder rule"

    /// The provenance of a band computed by rule from the framework file, from the cut-point's
    /// `status`: `published` → `.frameworkRule`; `inferred` → `.inferredRule`; `placeholder` (the CCI
    /// file's MINIMUM at 75) and `unconfirmed` → `.placeholderRule`.
    public static func computed(by band: Band) -> BandProvenance {
        switch band.status {
        case .published: return .frameworkRule
        case .inferred: return .inferredRule
        case .unconfirmed, .placeholder: return .placeholderRule
        }
    }
}

extension BandScale {
    /// The band of the displayed score and its provenance; nil below the first cut-point.
    public func bandWithProvenance(ofDisplayed score: Double) -> (band: Band, provenance: BandProvenance)? {
        band(ofDisplayed: score).map { ($0, BandProvenance.computed(by: $0)) }
    }
}

/// A rule that flags an area's latest inspection (e.g. early re-inspection for a DRASTIC score).
public struct TriggerRule: Sendable, Equatable {
    public struct Condition: Sendable, Equatable {
        public let measure: String
        /// Fires when the measure's band is one of these (case-insensitive).
        public let bands: [String]
    }

    public let id: String
    public let title: String
    public let status: Evidence
    public let evidence: String
    /// The rule fires when any condition holds.
    public let whenAny: [Condition]
}
