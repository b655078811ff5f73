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
}

/// One score row of the united `scores` table.
public struct ScoreRecord: Sendable, Equatable {
    public let inspectionID: String
    public let measure: String
    /// Percent or points; nil where only a band was printed.
    public var score: Double?
    public var band: String?
    /// `published` (printed beside the score) or `framework rule` (cut-points of the framework file).
    public var bandSource: String?
    /// Applicable judgements, and those found sufficient, when known (computed scores).
    public var n: Int?
    public var sufficient: Int?
    /// `published` or `computed`.
    public var source: String
    public var sourceURL: String?

    public init(
        inspectionID: String, measure: String, score: Double?, band: String?, bandSource: String?, n: Int? = nil,
        sufficient: Int? = nil, source: String, sourceURL: String? = nil
    ) {
        self.inspectionID = inspectionID
        self.measure = measure
        self.score = score
        self.band = band
        self.bandSource = bandSource
        self.n = n
        self.sufficient = sufficient
        self.source = source
        self.sourceURL = sourceURL
    }
}

enum ScoreSource {
    static let published = "published"
    static let computed = "computed"
    static let frameworkRule = "framework rule"
}
