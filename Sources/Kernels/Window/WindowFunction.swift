public import Columnar

/// A window frame in rows or in ORDER BY values, as written in `ROWS|RANGE BETWEEN start AND end`.
public struct FrameSpecification: Sendable {
    public enum Unit: Sendable { case rows, range }
    public enum Bound: Sendable, Equatable {
        case unboundedPreceding
        case preceding(Int)
        case currentRow
        case following(Int)
        case unboundedFollowing
    }

    public var unit: Unit
    public var start: Bound
    public var end: Bound

    public init(unit: Unit, start: Bound, end: Bound) {
        self.unit = unit
        self.start = start
        self.end = end
    }

    /// SQL's default: with ORDER BY, `RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW` (peers included);
    /// without, the whole partition.
    public static func `default`(hasOrderBy: Bool) -> FrameSpecification {
        hasOrderBy
            ? FrameSpecification(unit: .range, start: .unboundedPreceding, end: .currentRow)
            : FrameSpecification(unit: .rows, start: .unboundedPreceding, end: .unboundedFollowing)
    }
}

/// What a window call computes.
public enum WindowComputation: Sendable {
    /// `row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead, first_value,
    /// last_value, nth_value` by lower-case name, with their argument columns (lag/lead: value, offset,
    /// default; ntile: n).
    case ranking(name: String, arguments: [Column])
    /// Any aggregate over the frame.
    case aggregate(AggregateOverload, arguments: [Column], distinct: Bool)
}

public enum WindowEvaluation {
    /// Names accepted by `.ranking`, for the binder and help text.
    public static let rankingFunctionNames: [String] = []

    /// The result type of a ranking/navigation function given its argument types; nil when they do not fit.
    public static func resultType(ofRanking name: String, argumentTypes: [DataType?]) -> DataType? { nil }

    /// Evaluates one window call over a whole relation of `rowCount` rows; the result is in the
    /// relation's original row order.
    public static func evaluate(
        _ computation: WindowComputation, partitionBy: [Column], orderBy: [SortKey],
        frame: FrameSpecification, rowCount: Int
    ) throws(KernelError) -> Column {
        fatalError("WindowEvaluation is not implemented yet")
    }
}
