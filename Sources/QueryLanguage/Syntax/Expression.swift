/// An expression as written, with where it was written.
public struct Expression: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Sendable {
        case literal(Literal)
        /// A possibly qualified name: `["answer"]`, `["j", "answer"]`. Parts keep their written case;
        /// `quoted` says which parts were in double quotes (case-sensitive by the dialect's rules).
        case column(parts: [String], quoted: [Bool])
        /// `*` or `t.*` (in a select list or `count(*)`).
        case star(qualifier: String?)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case function(FunctionCall)
        /// `CAST(x AS t)`, `x::t`, `TRY_CAST(x AS t)`.
        case cast(Expression, TypeName, isTry: Bool)
        /// `CASE [operand] WHEN .. THEN .. [ELSE ..] END`.
        case caseWhen(operand: Expression?, branches: [WhenClause], otherwise: Expression?)
        case inList(Expression, [Expression], negated: Bool)
        case inSubquery(Expression, Query, negated: Bool)
        case exists(Query, negated: Bool)
        /// `INTERVAL 3 DAY`, `INTERVAL '1 month'`: a quantity of days or months, only added to or subtracted
        /// from a DATE (yotq has no INTERVAL type).
        case interval(Expression, IntervalUnit)
        /// `x op ANY (subquery)` (also spelt SOME) or `x op ALL (subquery)`, `op` a comparison.
        case quantified(Expression, BinaryOperator, Query, all: Bool)
        /// A scalar subquery `(SELECT ...)`.
        case subquery(Query)
        case between(Expression, low: Expression, high: Expression, negated: Bool)
        /// `LIKE` / `ILIKE` with `%` and `_`; optional `ESCAPE`.
        case like(Expression, pattern: Expression, caseInsensitive: Bool, negated: Bool, escape: Expression?)
        case isNull(Expression, negated: Bool)
        case isDistinctFrom(Expression, Expression, negated: Bool)
        /// `{'key': value, ...}`, used for named table-function options such as `types := {...}`.
        case structLiteral([(key: String, value: Expression)])
        /// `[a, b, ...]` list literal (for options like `columns := [...]`).
        case listLiteral([Expression])
    }
}

public enum Literal: Sendable, Hashable {
    case null
    /// Integer text as written; the binder decides BIGINT or (when it overflows) an error / DOUBLE.
    case integer(String)
    /// Decimal or exponent number text as written (`4.5`, `1e3`).
    case decimal(String)
    case string(String)
    case boolean(Bool)
    /// `DATE '2011-12-01'`: the text inside the quotes, validated by the binder.
    case typed(TypeName, String)
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case plus = "+"
    case not = "NOT"
}

public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    /// Floating-point division (`7 / 2` is 3.5).
    case divide = "/"
    /// Integer division.
    case integerDivide = "//"
    case modulo = "%"
    case concat = "||"
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case and = "AND"
    case or = "OR"
}

/// An INTERVAL's unit; weeks are read as 7 days and years as 12 months.
public enum IntervalUnit: String, Sendable, Hashable {
    case day = "DAY"
    case month = "MONTH"
}

public struct WhenClause: Sendable {
    public var condition: Expression
    public var result: Expression

    public init(condition: Expression, result: Expression) {
        self.condition = condition
        self.result = result
    }
}

/// A type as written: `BIGINT`, `integer`, `VARCHAR(20)`, `DECIMAL(10, 2)`. The binder maps names to types.
public struct TypeName: Sendable, Hashable {
    public var name: String
    public var parameters: [Int]
    public var range: SourceRange

    public init(name: String, parameters: [Int] = [], range: SourceRange) {
        self.name = name
        self.parameters = parameters
        self.range = range
    }
}

public struct FunctionCall: Sendable {
    /// As written; lookup is case-insensitive.
    public var name: String
    public var nameRange: SourceRange
    public var arguments: [Expression]
    /// `name := value` arguments, in order (table functions: `header := true`).
    public var namedArguments: [(name: String, value: Expression)]
    public var distinct: Bool
    /// `FILTER (WHERE ...)` on an aggregate.
    public var filter: Expression?
    /// `OVER (...)` makes it a window function call.
    public var over: WindowSpecification?
    /// `ORDER BY` inside the call, e.g. `string_agg(x, ',' ORDER BY x)`.
    public var orderBy: [OrderItem]

    public init(
        name: String, nameRange: SourceRange, arguments: [Expression],
        namedArguments: [(name: String, value: Expression)] = [], distinct: Bool = false,
        filter: Expression? = nil, over: WindowSpecification? = nil, orderBy: [OrderItem] = []
    ) {
        self.name = name
        self.nameRange = nameRange
        self.arguments = arguments
        self.namedArguments = namedArguments
        self.distinct = distinct
        self.filter = filter
        self.over = over
        self.orderBy = orderBy
    }
}

public struct WindowSpecification: Sendable {
    /// A window named in the `WINDOW` clause that this one builds on: `OVER w`, `OVER (w ORDER BY x)`.
    public var base: String?
    public var partitionBy: [Expression]
    public var orderBy: [OrderItem]
    public var frame: WindowFrame?

    public init(
        base: String? = nil, partitionBy: [Expression] = [], orderBy: [OrderItem] = [], frame: WindowFrame? = nil
    ) {
        self.base = base
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
    }
}

/// `WINDOW name AS (specification)` in a SELECT.
public struct NamedWindow: Sendable {
    public var name: String
    public var specification: WindowSpecification
    public var range: SourceRange

    public init(name: String, specification: WindowSpecification, range: SourceRange) {
        self.name = name
        self.specification = specification
        self.range = range
    }
}

public struct WindowFrame: Sendable {
    public enum Unit: Sendable { case rows, range }
    public enum Bound: Sendable {
        case unboundedPreceding
        case preceding(Expression)
        case currentRow
        case following(Expression)
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
}

public struct OrderItem: Sendable {
    public var expression: Expression
    public var ascending: Bool
    /// Nil: the dialect's default (NULLS LAST, as DuckDB).
    public var nullsFirst: Bool?
    /// `ORDER BY ALL`: every output column, left to right (`expression` is then only where ALL was written).
    public var isAll: Bool

    public init(expression: Expression, ascending: Bool = true, nullsFirst: Bool? = nil, isAll: Bool = false) {
        self.expression = expression
        self.isAll = isAll
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }
}
