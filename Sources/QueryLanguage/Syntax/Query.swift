/// A full query expression: `[WITH ...] body [ORDER BY ...] [LIMIT n] [OFFSET m]`.
public struct Query: Sendable {
    public var with: [CommonTableExpression]
    public var body: QueryBody
    public var orderBy: [OrderItem]
    public var limit: Expression?
    public var offset: Expression?
    public var range: SourceRange

    public init(
        with: [CommonTableExpression] = [], body: QueryBody, orderBy: [OrderItem] = [],
        limit: Expression? = nil, offset: Expression? = nil, range: SourceRange
    ) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
        self.range = range
    }
}

public struct CommonTableExpression: Sendable {
    public var name: String
    /// Optional column aliases: `WITH t(a, b) AS (...)`.
    public var columnNames: [String]
    public var query: Query
    public var range: SourceRange

    public init(name: String, columnNames: [String] = [], query: Query, range: SourceRange) {
        self.name = name
        self.columnNames = columnNames
        self.query = query
        self.range = range
    }
}

public indirect enum QueryBody: Sendable {
    case select(Select)
    /// `left UNION [ALL] right`, `EXCEPT`, `INTERSECT`; `all` false means distinct rows.
    case setOperation(SetOperator, all: Bool, QueryBody, QueryBody)
    /// A parenthesised query used as a set-operation operand (may carry its own ORDER BY / LIMIT).
    case nested(Query)
    /// `VALUES (..), (..)` as a query body.
    case values([[Expression]], range: SourceRange)
}

public enum SetOperator: String, Sendable, Hashable {
    case union = "UNION"
    case except = "EXCEPT"
    case intersect = "INTERSECT"
}

public struct Select: Sendable {
    public var distinct: Bool
    /// `DISTINCT ON (a, b)`: the first row (in ORDER BY order) of each key; empty otherwise.
    public var distinctOn: [Expression] = []
    public var items: [SelectItem]
    /// Comma-separated FROM entries (an implicit cross join); empty for `SELECT 1`.
    public var from: [TableReference]
    public var whereClause: Expression?
    public var groupBy: [Expression]
    /// `GROUP BY ALL`: group by every select expression that holds no aggregate (as DuckDB).
    public var groupByAll: Bool
    public var having: Expression?
    /// `QUALIFY` (filter on window results), as in DuckDB; optional.
    public var qualify: Expression?
    /// `WINDOW w AS (...)`: windows that calls in this SELECT name (`OVER w`).
    public var windows: [NamedWindow]
    public var range: SourceRange

    public init(
        distinct: Bool = false, items: [SelectItem], from: [TableReference] = [],
        whereClause: Expression? = nil, groupBy: [Expression] = [], having: Expression? = nil,
        qualify: Expression? = nil, windows: [NamedWindow] = [], groupByAll: Bool = false, range: SourceRange
    ) {
        self.groupByAll = groupByAll
        self.windows = windows
        self.distinct = distinct
        self.items = items
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.qualify = qualify
        self.range = range
    }
}

public enum SelectItem: Sendable {
    case expression(Expression, alias: String?)
    /// `*` or `t.*`, with optional `EXCLUDE (a, b)` and `REPLACE (expr AS a, ...)`.
    case wildcard(qualifier: String?, exclude: [String], replace: [WildcardReplacement] = [], range: SourceRange)
}

/// `REPLACE (expr AS name)` in `SELECT * REPLACE (...)`: the column `name` is computed by `expression`.
public struct WildcardReplacement: Sendable {
    public var expression: Expression
    public var name: String

    public init(expression: Expression, name: String) {
        self.expression = expression
        self.name = name
    }
}

public indirect enum TableReference: Sendable {
    /// A table, view or CTE by name, with an optional alias.
    case named(name: String, alias: String?, range: SourceRange)
    /// `read_csv('f.csv', header := true) [AS] alias`.
    case function(FunctionCall, alias: String?, columnAliases: [String], range: SourceRange)
    /// `(SELECT ...) [AS] alias [(a, b)]`.
    case subquery(Query, alias: String?, columnAliases: [String], range: SourceRange)
    case join(Join)
}

public struct Join: Sendable {
    public enum Kind: String, Sendable {
        case inner = "INNER", left = "LEFT", right = "RIGHT", full = "FULL", cross = "CROSS"
        /// Left rows with at least one match, each once; only the left side's columns are visible.
        case semi = "SEMI"
        /// Left rows without any match; only the left side's columns are visible.
        case anti = "ANTI"
    }
    public enum Condition: Sendable {
        case on(Expression)
        case using([String])
        /// `NATURAL JOIN`: USING every column name the two sides share.
        case natural
        case none
    }

    public var kind: Kind
    public var left: TableReference
    public var right: TableReference
    public var condition: Condition
    public var range: SourceRange

    public init(kind: Kind, left: TableReference, right: TableReference, condition: Condition, range: SourceRange) {
        self.kind = kind
        self.left = left
        self.right = right
        self.condition = condition
        self.range = range
    }
}
