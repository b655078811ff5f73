import Spelling
import Columnar
import Ingest
import Kernels
import QueryLanguage

/// A bound query: its plan and the names of its output columns.
struct BoundQuery {
    var plan: LogicalPlan
    var names: [String]
}

/// Turns query ASTs into logical plans: resolves names against the catalog and scopes, types every
/// expression, and reports errors with the range of the offending text.
final class Binder {
    let catalog: Catalog
    let scalarFunctions: [String: ScalarFunction]
    let aggregateFunctions: [String: AggregateFunction]
    let tableFunctions: [String: TableFunction]
    let interruption: InterruptionFlag
    /// Where `read_csv` reports the bytes it has read.
    let progress: ProgressMeter
    /// Where table functions leave warnings for the statement's result.
    let warnings: WarningLog
    /// The script the ranges point into.
    var script: String
    /// Common table expressions visible at the current position, innermost last.
    var commonTables: [[String: BoundQuery]] = []
    private var subqueryCounter = 0
    /// Views being expanded (to refuse a view that reads itself).
    var expandingViews: Set<String> = []
    /// Queries being bound inside one another (views, CTE bodies, derived tables, subqueries).
    var queryDepth = 0

    /// Queries nested deeper than this (a chain of views each reading the last) are refused: binding,
    /// optimising and running them recurse, and the stack would overflow first.
    static let maximumQueryNesting = 128
    /// Operators on one path from a plan's root to a leaf (a chain of CTEs each reading the last).
    static let maximumPlanHeight = 1_000

    static let rankingFunctionNames = [
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
        "last_value", "nth_value",
    ]

    init(
        catalog: Catalog, scalarFunctions: [String: ScalarFunction], aggregateFunctions: [String: AggregateFunction],
        tableFunctions: [String: TableFunction], interruption: InterruptionFlag, progress: ProgressMeter,
        warnings: WarningLog = WarningLog(), script: String
    ) {
        self.warnings = warnings
        self.catalog = catalog
        self.scalarFunctions = scalarFunctions
        self.aggregateFunctions = aggregateFunctions
        self.tableFunctions = tableFunctions
        self.interruption = interruption
        self.progress = progress
        self.script = script
    }

    func nextSubqueryID() -> Int {
        subqueryCounter += 1
        return subqueryCounter
    }

    /// The script text of `range` (for output column names and messages).
    func text(_ range: SourceRange) -> String {
        let utf8 = script.utf8
        guard range.lowerBound >= 0, range.upperBound <= utf8.count, range.lowerBound <= range.upperBound else {
            return ""
        }
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        return String(script[start..<end])
    }

    var tableFunctionNames: Set<String> {
        Set(tableFunctions.keys).union(["read_csv", "read_csv_auto", "read_json", "read_xlsx", "read_ods"])
    }

    var functionNames: [String] {
        // Names starting with `#` are internal (INTERVAL's month arithmetic): never suggested.
        scalarFunctions.keys.filter { !$0.hasPrefix("#") } + Array(aggregateFunctions.keys)
            + Binder.rankingFunctionNames
    }

    func isAggregate(_ call: FunctionCall) -> Bool {
        let name = call.name.lowercased()
        return aggregateFunctions[name] != nil || name == "count"
    }

    // MARK: - Calls and casts

    func noMatch(_ name: String, _ arguments: [BoundExpression], range: SourceRange) -> QueryError {
        let types = arguments.map { $0.resolutionType?.rawValue ?? "NULL" }.joined(separator: ", ")
        return QueryError(
            .typeMismatch,
            "No function matches the given name and argument types '\(name)(\(types))'. You might need to add explicit type casts.",
            range: range)
    }

    /// Functions whose result type is their arguments' type: given only untyped NULLs they stay an untyped
    /// NULL, so the context can type them (`upper(coalesce(NULL, NULL))`), as in DuckDB.
    static let typeFromArguments: Set<String> = ["coalesce", "ifnull", "nullif", "least", "greatest"]

    func makeCall(_ name: String, _ arguments: [BoundExpression], range: SourceRange) throws(QueryError)
        -> BoundExpression
    {
        guard let function = scalarFunctions[name] else {
            throw QueryError(
                .unknownFunction, "Scalar Function with name \(name) does not exist!", range: range,
                suggestions: Suggestions.closest(to: name, among: functionNames))
        }
        if Binder.typeFromArguments.contains(name), !arguments.isEmpty,
            arguments.allSatisfy({ $0.resolutionType == nil })
        {
            return .untypedNull
        }
        guard let overload = function.resolve(arguments.map(\.resolutionType)),
            overload.parameterTypes.count == arguments.count || overload.parameterTypes.isEmpty == arguments.isEmpty
        else { throw noMatch(name, arguments, range: range) }
        var cast: [BoundExpression] = []
        for (i, argument) in arguments.enumerated() {
            let target = i < overload.parameterTypes.count ? overload.parameterTypes[i] : argument.type
            cast.append(try implicitCast(argument, to: target, range: range, explicitAllowed: true))
        }
        let call = BoundExpression.call(name: name, overload, cast, range: range)
        if overload.isDeterministic, cast.allSatisfy(\.isConstant) {
            let columns = cast.map { Column(repeating: $0.constantValue!, count: 1, type: $0.type) }
            if let result = try? overload.evaluate(columns, 1) {
                return .constant(result[0], overload.returnType)
            }
        }
        return call
    }

    /// An explicit `CAST` / `TRY_CAST`; constants are converted now when they convert cleanly.
    func cast(_ e: BoundExpression, to type: DataType, isTry: Bool, range: SourceRange) throws(QueryError)
        -> BoundExpression
    {
        if case .untypedNull = e { return .constant(.null, type) }
        if e.type == type { return e }
        if let value = e.constantValue {
            let column = Column(repeating: value, count: 1, type: e.type)
            if let converted = try? Conversion.cast(column, to: type, isTry: isTry) {
                return .constant(converted[0], type)
            }
        }
        return .cast(e, to: type, isTry: isTry, range: range)
    }

    /// A conversion the dialect does by itself: untyped NULL to anything, BIGINT to DOUBLE (and, when
    /// `explicitAllowed`, whatever a function's chosen overload asks for).
    func implicitCast(
        _ e: BoundExpression, to type: DataType, range: SourceRange, explicitAllowed: Bool = false
    ) throws(QueryError) -> BoundExpression {
        if case .untypedNull = e { return .constant(.null, type) }
        if e.type == type { return e }
        guard explicitAllowed || (e.type == .bigint && type == .double) else {
            throw QueryError(.typeMismatch, "Cannot implicitly cast \(e.type) to \(type)", range: range)
        }
        return try cast(e, to: type, isTry: false, range: range)
    }

    /// A string literal read as `type` (`DATE '2011-12-01'`, `d > '2020-01-01'`); errors name the value.
    func convertLiteral(_ text: String, to type: DataType, range: SourceRange) throws(QueryError) -> BoundExpression {
        if type == .varchar { return .constant(.varchar(text), .varchar) }
        let column = Column(repeating: .varchar(text), count: 1)
        do {
            let converted = try Conversion.cast(column, to: type, isTry: false)
            return .constant(converted[0], type)
        } catch {
            throw QueryError(.conversion, "Could not convert string '\(text)' to \(type)", range: range)
        }
    }

    func resolveAggregate(
        _ name: String, arguments: [BoundExpression], distinct: Bool, filter: BoundExpression?, range: SourceRange
    ) throws(QueryError) -> BoundAggregate {
        guard let function = aggregateFunctions[name] else {
            throw QueryError(
                .unknownFunction, "Aggregate Function with name \(name) does not exist!", range: range,
                suggestions: Suggestions.closest(to: name, among: Array(aggregateFunctions.keys)))
        }
        guard let overload = function.resolve(arguments.map(\.resolutionType)) else {
            throw noMatch(name, arguments, range: range)
        }
        var cast: [BoundExpression] = []
        for (i, argument) in arguments.enumerated() {
            let target = i < overload.parameterTypes.count ? overload.parameterTypes[i] : argument.type
            cast.append(try implicitCast(argument, to: target, range: range, explicitAllowed: true))
        }
        return BoundAggregate(name: name, overload: overload, arguments: cast, distinct: distinct, filter: filter)
    }

    func frame(_ frame: WindowFrame) throws(QueryError) -> FrameSpecification {
        func bound(_ b: WindowFrame.Bound) throws(QueryError) -> FrameSpecification.Bound {
            switch b {
            case .unboundedPreceding: return .unboundedPreceding
            case .unboundedFollowing: return .unboundedFollowing
            case .currentRow: return .currentRow
            case .preceding(let e): return .preceding(try constantInteger(e, what: "frame offset"))
            case .following(let e): return .following(try constantInteger(e, what: "frame offset"))
            }
        }
        return FrameSpecification(
            unit: frame.unit == .rows ? .rows : .range, start: try bound(frame.start), end: try bound(frame.end))
    }

    /// A non-negative integer constant (LIMIT, OFFSET, frame offsets).
    func constantInteger(_ e: Expression, what: String) throws(QueryError) -> Int {
        let empty = ExpressionBinder(binder: self, scope: Scope(entries: []), clause: what)
        let bound = try empty.bind(e)
        guard case .constant(.bigint(let v), _) = bound, v >= 0 else {
            throw QueryError(.invalidArgument, "\(what) must be a non-negative integer constant", range: e.range)
        }
        return Int(v)
    }
}
