public import Columnar

/// One domain verb, whole. The shell's statement form (`compare Harrow WITHIN region;`), the table
/// function (`compare('Harrow', within := 'region')`), `.help`, completion and a notebook's chart choice
/// are all derived from this value, so adding a verb is one file (its `XxxVerb` with a `verb` definition)
/// plus one row of `Verb.all`. Every field is required: a verb without help text or a chart decision
/// does not compile.
public struct Verb: Sendable {
    /// The word that starts the statement and names the table function (lower case).
    public let name: String
    /// One line for `.help`.
    public let summary: String
    /// The positional part of the statement form, e.g. `AREA [, AREA ...]` (empty: none).
    public let positional: String
    /// The clauses the verb accepts, in the order `.help` lists them.
    public let clauses: [VerbClause]
    /// A statement a newcomer can run on the bundled data.
    public let example: String
    /// The chart a notebook draws of the result when the cell does not choose one; nil: a table only.
    public let chart: ChartKind?
    /// The columns a narrow terminal shows by default, most important first (each a column of the
    /// result): as many as fit whole are shown, in this order.
    public let terminalColumns: [String]
    /// Runs the verb: arguments and options in, result table out.
    public let run: @Sendable (VerbCall) throws(InspectionError) -> Table

    public init(
        name: String, summary: String, positional: String, clauses: [VerbClause], example: String, chart: ChartKind?,
        terminalColumns: [String], run: @escaping @Sendable (VerbCall) throws(InspectionError) -> Table
    ) {
        self.name = name
        self.summary = summary
        self.positional = positional
        self.clauses = clauses
        self.example = example
        self.chart = chart
        self.terminalColumns = terminalColumns
        self.run = run
    }

    /// The whole statement form: `compare AREA [, AREA ...] [WITHIN region|country|all] [AS OF date] ...`.
    public var syntax: String {
        ([name] + (positional.isEmpty ? [] : [positional]) + clauses.map { "[" + $0.usage + "]" })
            .joined(separator: " ")
    }

    /// Every verb, in the order `.help` lists them.
    public static let all: [Verb] = [
        ProfileVerb.verb,
        CompareVerb.verb,
        TriggersVerb.verb,
        RangesVerb.verb,
        DistributionVerb.verb,
        DeltasVerb.verb,
        FunnelVerb.verb,
    ]

    /// The verb called `name` (any case); nil when there is none.
    public static func named(_ name: String) -> Verb? {
        let key = name.lowercased()
        return all.first { $0.name == key }
    }
}
