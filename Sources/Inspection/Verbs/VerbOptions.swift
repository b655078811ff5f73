public import Columnar

/// The clauses a verb accepts (`AS OF date`, `WITHIN region`, `BY region`, `IN FRAMEWORK id`, `BINS n`,
/// `WIDTH w`); each verb uses those that make sense for it.
public struct VerbOptions: Sendable, Equatable {
    /// Only inspections published on or before this day (a coarse date counts as its period's end).
    public var asOf: Date32?
    /// `region`, `country` or `all`: which areas `compare` sets the named area against.
    public var within: String?
    /// `region` or `country`: the grouping of `ranges` and `distribution`.
    public var by: String?
    /// A framework id (or programme) that narrows the answer.
    public var framework: String?
    public var bins: Int?
    public var width: Double?
    /// `none`, `multiplicative` or `additive`: the funnel's over-dispersion adjustment (nil: the default).
    public var adjust: String?

    public init(
        asOf: Date32? = nil, within: String? = nil, by: String? = nil, framework: String? = nil, bins: Int? = nil,
        width: Double? = nil, adjust: String? = nil
    ) {
        self.asOf = asOf
        self.within = within
        self.by = by
        self.framework = framework
        self.bins = bins
        self.width = width
        self.adjust = adjust
    }
}
