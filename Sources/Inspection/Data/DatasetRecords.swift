public import Columnar

public struct AreaRecord: Sendable, Equatable {
    public let code: String
    public let name: String
    public let region: String?
    public let country: String?
}

public struct InspectionRecord: Sendable, Equatable {
    public let id: String
    public let areaCode: String
    public let programme: String
    /// As printed (`2011`, `2011-12`, `2011-12-14`).
    public let published: String?
    /// The last day of the printed period; nil when undated.
    public let date: Date32?
    /// The last day of the fieldwork period when the data give one (`2019-02`, `2020 (late)` → 2020-12-31);
    /// fieldwork precedes publication, so it places an inspection without a publication date in time.
    public let fieldwork: Date32?
    /// Cases assessed in the inspection when the data give the number (the report's "38 cases").
    public let cases: Int?

    public init(
        id: String, areaCode: String, programme: String, published: String?, date: Date32?, fieldwork: Date32? = nil,
        cases: Int? = nil
    ) {
        self.id = id
        self.areaCode = areaCode
        self.programme = programme
        self.published = published
        self.date = date
        self.fieldwork = fieldwork
        self.cases = cases
    }

    /// The date that orders inspections: publication, else fieldwork; nil when the data give neither.
    public var orderDate: Date32? { date ?? fieldwork }

    /// The date as shown: what was printed, else the fieldwork period's end marked as such.
    public var shownDate: String? {
        published ?? date?.description ?? fieldwork.map { "fieldwork " + $0.description }
    }
}

/// One score row of the united `scores` table.
public struct ScoreRecord: Sendable, Equatable {
    public let inspectionID: String
    public let measure: String
    /// Percent or points; nil where only a band was printed.
    public var score: Double?
    public var band: String?
    /// Where the band comes from (`BandProvenance`): `published` (printed beside the score), or computed
    /// by a `framework rule`, an `inferred rule` or a `placeholder rule` (never a finding).
    public var bandSource: String?
    /// Applicable judgements, and those found sufficient, when known (computed scores).
    public var n: Int?
    public var sufficient: Int?
    /// Cases the judgements come from, the design effect used (≥ 1) and n / design effect, when the
    /// judgements carry case ids (`ClusteredProportion`); nil otherwise.
    public var cases: Int?
    public var designEffect: Double?
    public var effectiveN: Double?
    /// `published` or `computed`.
    public var source: String
    public var sourceURL: String?

    public init(
        inspectionID: String, measure: String, score: Double?, band: String?, bandSource: String?, n: Int? = nil,
        sufficient: Int? = nil, cases: Int? = nil, designEffect: Double? = nil, effectiveN: Double? = nil,
        source: String, sourceURL: String? = nil
    ) {
        self.inspectionID = inspectionID
        self.measure = measure
        self.score = score
        self.band = band
        self.bandSource = bandSource
        self.n = n
        self.sufficient = sufficient
        self.cases = cases
        self.designEffect = designEffect
        self.effectiveN = effectiveN
        self.source = source
        self.sourceURL = sourceURL
    }
}

enum ScoreSource {
    static let published = "published"
    static let computed = "computed"
    static let frameworkRule = "framework rule"
}

extension ScoreRecord {
    /// The band's provenance; nil without a band.
    var provenance: BandProvenance? { bandSource.flatMap(BandProvenance.init(rawValue:)) }

    /// A band that may be reported as a finding: any but one from a placeholder cut-point.
    var bandIsFinding: Bool { band != nil && provenance != .placeholderRule }

    /// The band as a verb shows it: a band from a placeholder cut-point says so in its own words
    /// (`MINIMUM (placeholder cut-point, not a finding)`), so no table, chart or paper that shows only
    /// the band column presents it as a finding (and it is not coloured as a band).
    var shownBand: String? {
        guard let band else { return nil }
        return provenance == .placeholderRule ? band + " (placeholder cut-point, not a finding)" : band
    }

    /// The sample size behind an interval or test: effective n where the judgements' cases are known,
    /// else n; nil without n, and nil for a single case (no between-case variation to estimate).
    var sampleSize: Double? {
        if cases == 1 { return nil }
        return effectiveN ?? n.map(Double.init)
    }
}
