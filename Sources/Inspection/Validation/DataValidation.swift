public import Columnar

/// One contradiction between printed figures (or between a printed figure and the framework's rule).
public struct ValidationWarning: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// A printed total differs from the sum of its printed parts (youth: twelve standards' points).
        case totalMismatch = "total differs from the sum of its parts"
        /// A printed rating of a `band_of` measure (youth `overall`) differs from the band of the printed
        /// score it is a band of (the `total`).
        case ratingMismatch = "rating differs from the band of its score"
        /// A printed band beside a printed score differs from the band of that score (as displayed).
        case bandMismatch = "band differs from the band of the printed score"
    }

    public let kind: Kind
    public let inspectionID: String
    public let measure: String
    /// What the data print, e.g. "30" or "Good".
    public let printed: String
    /// What the parts or the rule give, e.g. "24 (12 standards)" or "Requires improvement".
    public let computed: String
    /// How sure the rule used is (`frameworkRule` for a published cut-point); nil for a plain sum.
    public let rule: BandProvenance?
    /// `source_url` of the printed row, when the data name one.
    public let source: String?

    public var description: String {
        var text = "\(inspectionID) \(measure): \(kind.rawValue): printed \(printed), computed \(computed)"
        if let rule { text += " (\(rule.rawValue))" }
        if let source { text += " [\(source)]" }
        return text
    }
}

/// Checks that printed figures agree with each other under the frameworks' rules. Pure: reads the
/// data, changes nothing. Works on the raw published scores or on the united `scores` table (rows
/// computed by yotq are never taken as printed).
public enum DataValidation {
    /// - `sum` measures (youth `total`): a printed total against the sum of its parts' points, where
    ///   every part is printed (as points or as a rating word whose points the scale gives).
    /// - `band_of` measures (youth `overall`): a printed rating against the band of the printed score it
    ///   bands (by the displayed-score rule, `BandScale.band(ofDisplayed:)`), whatever the cut-points'
    ///   status; the warning carries the rule's provenance.
    /// - A printed band beside a printed score on one row, against the band of that score, only where the
    ///   cut-point deciding either band is published — unless `includeInferred`, which also checks
    ///   inferred and placeholder cut-points (their warnings say so).
    public static func warnings(in data: InspectionData, includeInferred: Bool = false) -> [ValidationWarning] {
        check(data, includeInferred: includeInferred).warnings
    }

    /// The warnings, and how many comparisons of each kind were made (so "no warning" can be told from
    /// "nothing to compare").
    public static func check(_ data: InspectionData, includeInferred: Bool = false) -> (
        warnings: [ValidationWarning], compared: [ValidationWarning.Kind: Int]
    ) {
        var found: [ValidationWarning] = []
        var compared: [ValidationWarning.Kind: Int] = [:]
        for inspection in data.inspections {
            guard let framework = data.framework(of: inspection) else { continue }
            var rows: [String: ScoreRecord] = [:]
            for row in data.scoreIndex[inspection.id] ?? [] where rows[row.measure] == nil { rows[row.measure] = row }
            func printedScore(_ id: String) -> Double? {
                guard let row = rows[id], row.source == ScoreSource.published else { return nil }
                return row.score
            }
            func printedBand(_ id: String) -> String? {
                guard let row = rows[id], row.bandSource == ScoreSource.published else { return nil }
                return row.band
            }
            /// Points of a part: its printed score, else the `from` of its printed rating's band.
            func printedPoints(_ id: String) -> Double? {
                if let score = printedScore(id) { return score }
                guard let band = printedBand(id), let measure = framework.measure(id),
                    let scale = framework.scale(for: measure), let rank = scale.rank(of: band)
                else { return nil }
                return scale.bands[rank].from
            }
            for measure in framework.measures {
                switch measure.rule {
                case .sum(let parts):
                    guard let total = printedScore(measure.id) else { break }
                    let points = parts.compactMap(printedPoints)
                    guard points.count == parts.count else { break }
                    let sum = points.reduce(0, +)
                    compared[.totalMismatch, default: 0] += 1
                    if sum != total {
                        found.append(
                            ValidationWarning(
                                kind: .totalMismatch, inspectionID: inspection.id, measure: measure.id,
                                printed: format(total), computed: "\(format(sum)) (sum of \(parts.count) parts)",
                                rule: nil, source: rows[measure.id]?.sourceURL))
                    }
                case .bandOf(let sourceID):
                    guard let rating = printedBand(measure.id), let score = printedScore(sourceID),
                        let scale = framework.scale(for: measure),
                        let (band, provenance) = scale.bandWithProvenance(ofDisplayed: score)
                    else { break }
                    compared[.ratingMismatch, default: 0] += 1
                    if band.label.lowercased() != rating.lowercased() {
                        found.append(
                            ValidationWarning(
                                kind: .ratingMismatch, inspectionID: inspection.id, measure: measure.id,
                                printed: rating, computed: "\(band.label) (band of \(sourceID) \(format(score)))",
                                rule: provenance, source: rows[measure.id]?.sourceURL ?? rows[sourceID]?.sourceURL))
                    }
                default:
                    break
                }
                // A printed band beside a printed score on the same row.
                guard let score = printedScore(measure.id), let printed = printedBand(measure.id),
                    let scale = framework.scale(for: measure),
                    let (band, provenance) = scale.bandWithProvenance(ofDisplayed: score)
                else { continue }
                // The cut-points that decide: the computed band's own, and the printed band's.
                let printedProvenance = scale.rank(of: printed).map { BandProvenance.computed(by: scale.bands[$0]) }
                let decisive = [provenance, printedProvenance ?? provenance]
                let published = decisive.allSatisfy { $0 == .frameworkRule }
                guard published || includeInferred else { continue }
                compared[.bandMismatch, default: 0] += 1
                guard band.label.lowercased() != printed.lowercased() else { continue }
                let weakest =
                    decisive.first { $0 == .placeholderRule } ?? decisive.first { $0 == .inferredRule } ?? provenance
                found.append(
                    ValidationWarning(
                        kind: .bandMismatch, inspectionID: inspection.id, measure: measure.id, printed: printed,
                        computed: "\(band.label) (band of \(format(BandScale.displayed(score))))", rule: weakest,
                        source: rows[measure.id]?.sourceURL))
            }
        }
        return (found, compared)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// The `validation_warnings` table: one row per `ValidationWarning`.
public enum ValidationTable {
    public static let schema = Schema([
        Field(name: "inspection_id", type: .varchar), Field(name: "measure", type: .varchar),
        Field(name: "kind", type: .varchar), Field(name: "printed", type: .varchar),
        Field(name: "computed", type: .varchar), Field(name: "rule", type: .varchar),
        Field(name: "source", type: .varchar),
    ])

    public static func table(_ warnings: [ValidationWarning]) -> Table {
        Table(
            schema: schema,
            rows: warnings.map { w in
                [
                    .varchar(w.inspectionID), .varchar(w.measure), .varchar(w.kind.rawValue), .varchar(w.printed),
                    .varchar(w.computed), w.rule.map { .varchar($0.rawValue) } ?? .null,
                    w.source.map(Value.varchar) ?? .null,
                ]
            })
    }
}
