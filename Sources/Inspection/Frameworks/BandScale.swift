/// How sure we are of a rule or cut-point.
public enum Evidence: String, Sendable, Decodable, CaseIterable {
    /// The inspectorate printed it.
    case published
    /// Every observation fits it, but no source states it.
    case inferred
    /// Reported but not seen in any stored source; kept for reference only.
    case unconfirmed
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

    /// The band's position (0 = lowest scores), for band movements; nil for an unknown label.
    public func rank(of label: String) -> Int? {
        bands.firstIndex { $0.label.lowercased() == label.lowercased() }
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
