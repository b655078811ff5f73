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

extension FrameSpecification {
    /// True when, without ORDER BY (all rows peers), every row's frame is its whole partition.
    var coversWholePartitionWithoutOrder: Bool {
        let startOK = start == .unboundedPreceding || (unit == .range && start == .currentRow)
        let endOK = end == .unboundedFollowing || (unit == .range && end == .currentRow)
        return startOK && endOK
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
    public static let rankingFunctionNames: [String] = WindowRanking.names

    /// The result type of a ranking/navigation function given its argument types; nil when they do not fit.
    /// (lag/lead: value[, BIGINT offset[, default of the value's type]]; ntile: BIGINT; nth_value: value, BIGINT.)
    public static func resultType(ofRanking name: String, argumentTypes: [DataType?]) -> DataType? {
        WindowRanking.resultType(of: name.lowercased(), argumentTypes: argumentTypes)
    }

    /// Evaluates one window call over a whole relation of `rowCount` rows; the result is in the
    /// relation's original row order.
    ///
    /// Rows are sorted once by (partition, ORDER BY keys); ranking uses partition and peer bounds;
    /// aggregates use the frame (whole-partition and running frames in O(n), others O(n · frame)).
    /// RANGE frames with offsets need exactly one numeric or DATE ORDER BY key.
    public static func evaluate(
        _ computation: WindowComputation, partitionBy: [Column], orderBy: [SortKey],
        frame: FrameSpecification, rowCount: Int, cancellation: Cancellation = .never
    ) throws(KernelError) -> Column {
        if case .aggregate(let overload, let arguments, let distinct) = computation, orderBy.isEmpty,
            frame.coversWholePartitionWithoutOrder
        {
            // Every row sees its whole partition in input order: no sort needed.
            return try WindowAggregation.unordered(
                overload, arguments: arguments, distinct: distinct, partitionBy: partitionBy, rowCount: rowCount)
        }
        // A cancelled layout is unfinished (nil): stop before computing over it.
        guard
            let layout = WindowLayout(
                partitionBy: partitionBy, orderBy: orderBy, rowCount: rowCount, cancellation: cancellation)
        else { throw KernelError(.cancelled, "Interrupted") }
        switch computation {
        case .ranking(let name, let arguments):
            return try WindowRanking.evaluate(
                name.lowercased(), arguments: arguments, layout: layout, frame: frame, orderBy: orderBy)
        case .aggregate(let overload, let arguments, let distinct):
            return try WindowAggregation.evaluate(
                overload, arguments: arguments, distinct: distinct, layout: layout, frame: frame, orderBy: orderBy)
        }
    }
}
