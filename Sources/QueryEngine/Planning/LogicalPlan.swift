import Columnar
import Kernels
import QueryLanguage

/// A relational operator tree. Columns are positional: each node's output is a list of typed columns,
/// and expressions above it refer to them by index.
indirect enum LogicalPlan {
    /// A catalog table (or a materialised table-function result), reading `columns` of it in that order.
    case scan(TableSource, columns: [Int])
    /// Literal rows (`VALUES`, and the one empty row behind `SELECT 1`).
    case values(rows: [[BoundExpression]], types: [DataType])
    case filter(LogicalPlan, predicate: BoundExpression)
    case project(LogicalPlan, [BoundExpression])
    /// Output: left columns then right columns (SEMI, ANTI: left columns only). `leftKeys[i] = rightKeys[i]`
    /// are the hash keys.
    case join(JoinSpec)
    /// Output: group keys then aggregate results.
    case aggregate(LogicalPlan, groups: [BoundExpression], aggregates: [BoundAggregate])
    /// Output: input columns then one column a window call.
    case window(LogicalPlan, [BoundWindow])
    case sort(LogicalPlan, [BoundOrder], limit: Int?)
    case limit(LogicalPlan, limit: Int?, offset: Int)
    case distinct(LogicalPlan)
    case setOperation(SetOperator, all: Bool, LogicalPlan, LogicalPlan)

    var outputTypes: [DataType] {
        switch self {
        case .scan(let source, let columns): columns.map { source.table.schema.fields[$0].type }
        case .values(_, let types): types
        case .filter(let input, _), .sort(let input, _, _), .limit(let input, _, _), .distinct(let input):
            input.outputTypes
        case .project(_, let exprs): exprs.map(\.type)
        case .join(let spec):
            spec.output.map { indices in
                let all = spec.left.outputTypes + spec.right.outputTypes
                return indices.map { all[$0] }
            } ?? spec.left.outputTypes + (spec.kind.isFilteringLeft ? [] : spec.right.outputTypes)
        case .aggregate(_, let groups, let aggregates): groups.map(\.type) + aggregates.map(\.type)
        case .window(let input, let windows): input.outputTypes + windows.map(\.type)
        case .setOperation(_, _, let left, _): left.outputTypes
        }
    }
}

/// A table read by a scan, with the name EXPLAIN shows.
struct TableSource {
    var name: String
    var table: Table
}

struct JoinSpec {
    enum Kind: String {
        case inner = "INNER", left = "LEFT", full = "FULL", cross = "CROSS"
        /// Output: the left rows with a match (each once), left columns only.
        case semi = "SEMI"
        /// Output: the left rows without a match, left columns only.
        case anti = "ANTI"

        /// Whether only the left input's columns come out.
        var isFilteringLeft: Bool { self == .semi || self == .anti }
    }
    var kind: Kind
    var left: LogicalPlan
    var right: LogicalPlan
    /// Over the left input's columns.
    var leftKeys: [BoundExpression]
    /// Over the right input's columns.
    var rightKeys: [BoundExpression]
    /// Over the joined row (left columns then right columns); rows failing it do not match.
    var residual: BoundExpression?
    /// The joined row's columns to produce, in order (set by column pruning); nil: all of them.
    var output: [Int]? = nil
}

struct BoundAggregate {
    var name: String
    var overload: AggregateOverload
    var arguments: [BoundExpression]
    var distinct: Bool
    var filter: BoundExpression?
    /// `string_agg(x, ',' ORDER BY x)`: rows reach the accumulator in this order.
    var orderBy: [BoundOrder] = []
    var type: DataType { overload.returnType }
    var fingerprint: String {
        "\(name)\(distinct ? "!d" : "")(\(arguments.map(\.fingerprint).joined(separator: ",")))"
            + (filter.map { " f \($0.fingerprint)" } ?? "")
            + orderBy.map { " o \($0.expression.fingerprint)\($0.ascending)\($0.nullsFirst)" }.joined()
    }
}

struct BoundWindow {
    enum Function {
        case ranking(String)
        case aggregate(AggregateOverload, distinct: Bool)
    }

    var name: String
    var function: Function
    var arguments: [BoundExpression]
    var partitionBy: [BoundExpression]
    var orderBy: [BoundOrder]
    var frame: FrameSpecification
    var type: DataType
    var fingerprint: String {
        "\(name)(\(arguments.map(\.fingerprint).joined(separator: ","))) over(\(partitionBy.map(\.fingerprint)) \(orderBy.map { $0.expression.fingerprint + ($0.ascending ? "a" : "d") }) \(frame))"
    }
}

struct BoundOrder {
    var expression: BoundExpression
    var ascending: Bool
    var nullsFirst: Bool
}
