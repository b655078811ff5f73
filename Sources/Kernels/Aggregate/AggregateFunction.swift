public import Columnar

/// An aggregate function found by name (case-insensitive) in `AggregateFunctions.standard`:
/// `count, sum, avg, min, max, median, quantile_cont, quantile_disc, stddev_samp, stddev_pop, stddev,
/// var_samp, var_pop, variance, string_agg, bool_and, bool_or, first, last, count_star`, the statistics
/// `corr, covar_pop, covar_samp, regr_*, skewness, kurtosis, kurtosis_pop, product, mode, entropy`
/// (see `AggregateCatalog` for all).
/// `count(*)` is `count_star` with no arguments.
public struct AggregateFunction: Sendable {
    public let name: String
    public let summary: String
    /// The overload for these argument types (nil element: untyped NULL literal), or nil when none fits.
    /// Constant parameters (e.g. the `p` of `quantile_cont(x, p)`, the separator of `string_agg`) arrive
    /// as ordinary argument columns; an accumulator may read them from the first row it sees.
    public let resolve: @Sendable (_ argumentTypes: [DataType?]) -> AggregateOverload?

    public init(name: String, summary: String, resolve: @escaping @Sendable ([DataType?]) -> AggregateOverload?) {
        self.name = name
        self.summary = summary
        self.resolve = resolve
    }
}

public struct AggregateOverload: Sendable {
    public let parameterTypes: [DataType]
    public let returnType: DataType
    /// A fresh accumulator with no groups. `distinct: true` makes it see each distinct argument value
    /// once per group (`count(DISTINCT x)`).
    public let makeAccumulator: @Sendable (_ distinct: Bool) -> any GroupedAccumulator
    /// Set for the aggregates window evaluation can run incrementally over growing frames.
    let runningKind: RunningAggregateKind?
    /// Set for numeric `median`, `quantile_cont` and `quantile_disc`, which window evaluation answers
    /// with an order-statistics tree over sliding frames (`WindowQuantile`).
    var quantile: QuantileKind? = nil
    /// Set for the aggregates `FrameStatistics` answers over any frames (variance family, bool_and/or).
    var frameStatistic: FrameStatisticKind? = nil

    public init(
        parameterTypes: [DataType], returnType: DataType,
        makeAccumulator: @escaping @Sendable (_ distinct: Bool) -> any GroupedAccumulator
    ) {
        self.init(
            parameterTypes: parameterTypes, returnType: returnType, runningKind: nil, makeAccumulator: makeAccumulator)
    }

    init(
        parameterTypes: [DataType], returnType: DataType, runningKind: RunningAggregateKind?,
        makeAccumulator: @escaping @Sendable (_ distinct: Bool) -> any GroupedAccumulator
    ) {
        self.parameterTypes = parameterTypes
        self.returnType = returnType
        self.runningKind = runningKind
        self.makeAccumulator = makeAccumulator
    }
}

/// Per-group aggregate state for groups numbered `0..<groupCount`: initialise, update, combine, finalize.
///
/// The engine calls `update` once per chunk with the group id of every row (from `GroupIndex`), merges
/// partial accumulators built on other threads with `merge`, and calls `finalize` once.
public protocol GroupedAccumulator: AnyObject {
    /// Adds rows: row `i` of `arguments` belongs to group `groups[i]`. Groups may be new (ids grow from 0
    /// without gaps); the accumulator grows its state as needed. NULL arguments are skipped per SQL rules.
    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError)
    /// Folds `other` (same function and overload) into self: `other`'s group `g` is self's group `mapping[g]`.
    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError)
    /// One result per group `0..<groupCount` (groups never updated give the empty-group result:
    /// NULL for sum/avg/min/max..., 0 for count).
    func finalize(groupCount: Int) throws(KernelError) -> Column
}

/// The built-in aggregates, keyed by lower-case name (see `AggregateCatalog`).
public enum AggregateFunctions {
    public static let standard: [String: AggregateFunction] = Dictionary(
        uniqueKeysWithValues: AggregateCatalog.all.map { ($0.name, $0) }
    )
}

/// What a numeric quantile aggregate computes (see `QuantileAccumulator`).
struct QuantileKind: Sendable {
    /// Interpolated (`quantile_cont`, `median`) or an actual value (`quantile_disc`).
    var continuous: Bool
    /// Fixed (`median`: 0.5), or nil to read it from the second argument.
    var fraction: Double?
}

/// Aggregates window evaluation computes per frame from prefix counts or a segment tree (any frames), or
/// with a queue of candidates (`arg_max`, `arg_min`: frames whose bounds never move back).
enum FrameStatisticKind: Sendable, Equatable {
    case variance(VarianceAccumulator.Statistic)
    case booleanAnd, booleanOr
    case argExtremum(isMax: Bool)

    var needsSlidingFrames: Bool {
        if case .argExtremum = self { true } else { false }
    }
}
