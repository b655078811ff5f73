/// One measure of a framework: a headline theme, a section, a criterion or a standard.
public struct Measure: Sendable, Equatable {
    public enum Kind: String, Sendable, Decodable, CaseIterable {
        case headline, section, criterion, standard
    }

    /// What a score of this measure is.
    public enum ValueKind: String, Sendable, Decodable, CaseIterable {
        /// A percent 0–100: the share of applicable judgements found sufficient.
        case percent
        /// Points (the youth framework's standards 0–3 and total 0–36).
        case points
        /// A rating word only (the band is the value); numeric verbs skip it, `distribution` counts it.
        case rating
    }

    public let id: String
    public let title: String
    public let kind: Kind
    /// The measure this one rolls up into, if any (a criterion's section).
    public let parent: String?
    public let value: ValueKind
    /// The band scale that labels its scores (id into `Framework.scales`).
    public let scale: String?
    /// How the measure is computed when the data lack it; nil when only published figures exist.
    public let rule: MeasureRule?
}

/// How a measure's score is computed.
public enum MeasureRule: Sendable, Equatable {
    /// Pooled share of `Y` over applicable judgements (seed Appendix 5) of the questions whose
    /// `questions.criterion` (`.criterion`), `questions.section` (`.section`) or `question_themes.theme`
    /// (`.theme`) equals `key`.
    case pool(PoolLevel, key: String)
    /// The sum of these measures' points, computed only where every one of them is present.
    case sum([String])
    /// The band of another measure's score under this measure's scale (an overall rating from a total).
    case bandOf(String)

    public enum PoolLevel: String, Sendable, Decodable, CaseIterable {
        case criterion, section, theme
    }
}
