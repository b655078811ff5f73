/// A score computed from judgements: `sufficient` of `applicable` judgements answered `Y`.
public struct PooledScore: Sendable, Equatable {
    public let inspectionID: String
    public let measure: String
    public let sufficient: Int
    /// n, applicable judgements (Y or N).
    public let applicable: Int
    /// The clustering of the judgements in cases (cases, design effect, effective n, Wilson interval with
    /// the effective n), when the judgements carry a `case_id`; nil without one.
    public var clustered: ClusteredProportion? = nil

    public init(
        inspectionID: String, measure: String, sufficient: Int, applicable: Int,
        clustered: ClusteredProportion? = nil
    ) {
        self.inspectionID = inspectionID
        self.measure = measure
        self.sufficient = sufficient
        self.applicable = applicable
        self.clustered = clustered
    }

    /// Cases with at least one applicable judgement in this pool; nil without case ids.
    public var cases: Int? { clustered?.cases }
    /// The design effect used (floored at 1); nil without case ids or with one case.
    public var designEffect: Double? { clustered?.designEffect }
    /// Judgements / design effect; nil without case ids or with one case.
    public var effectiveN: Double? { clustered?.effectiveN }
}
