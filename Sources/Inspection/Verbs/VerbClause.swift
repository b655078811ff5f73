public import Columnar

/// A clause a verb statement may carry (`AS OF 2012-06-30`, `WITHIN region`), which is the named option
/// of the verb's table function (`as_of := DATE '2012-06-30'`). The shell's statement reader, `.help`
/// and completion read the words and value kinds from here; each verb lists the clauses it accepts.
public enum VerbClause: String, CaseIterable, Sendable {
    case asOf = "as_of"
    case within
    case by
    case framework
    case bins
    case width
    case adjust

    /// What follows the clause's words.
    public enum ValueKind: Sendable, Equatable {
        /// `2012-06-30` (a coarse `2012-06` or `2012` counts as its period's end).
        case date
        /// One of these words.
        case choice([String])
        /// A name such as a framework id.
        case name
        /// A whole number.
        case wholeNumber
        /// Any number.
        case number
    }

    /// The option's name in the table function (`as_of`).
    public var optionName: String { rawValue }

    /// The words that open the clause in a statement, upper case (`AS`, `OF`).
    public var keywords: [String] {
        switch self {
        case .asOf: ["AS", "OF"]
        case .within: ["WITHIN"]
        case .by: ["BY"]
        case .framework: ["IN", "FRAMEWORK"]
        case .bins: ["BINS"]
        case .width: ["WIDTH"]
        case .adjust: ["ADJUST"]
        }
    }

    public var valueKind: ValueKind {
        switch self {
        case .asOf: .date
        case .within: .choice(["region", "country", "all"])
        case .by: .choice(["region", "country", "all"])
        case .framework: .name
        case .bins: .wholeNumber
        case .width: .number
        case .adjust: .choice(["none", "multiplicative", "additive"])
        }
    }

    /// The clause as `.help` shows it: `AS OF date`, `WITHIN region|country|all`.
    public var usage: String {
        let value: String
        switch (self, valueKind) {
        case (_, .date): value = "date"
        case (_, .choice(let words)): value = words.joined(separator: "|")
        case (.framework, _): value = "id"
        case (_, .wholeNumber): value = "n"
        default: value = "w"
        }
        return keywords.joined(separator: " ") + " " + value
    }

    /// What the clause does, for `.help VERB`.
    public var summary: String {
        switch self {
        case .asOf: "only inspections published on or before the date"
        case .within: "the areas each named area is set against: its region, its country, or all"
        case .by: "one group per region or country (all: one group)"
        case .framework: "only this framework (an id such as cci-2009, or a programme)"
        case .bins: "this many equal-width buckets between the lowest and highest score"
        case .width: "buckets this wide (default 10 points for percents, 1 for points)"
        case .adjust:
            "over-dispersion adjustment of the limits (default: additive when over-dispersed, else none)"
        }
    }

    /// The statement error when the clause's value is missing or not of its kind.
    public var needsValue: String {
        let words = keywords.joined(separator: " ")
        switch valueKind {
        case .date: return words + " needs a date such as 2012-06-30"
        case .choice(let choices): return words + " needs " + Self.list(choices, last: "or")
        case .name: return words + " needs a framework id"
        case .wholeNumber, .number: return words + " needs a number"
        }
    }

    /// Sets this clause's field of `options` from the table function's argument.
    func apply(_ value: Value, to options: inout VerbOptions) throws(InspectionError) {
        switch self {
        case .asOf:
            switch value {
            case .date(let d): options.asOf = d
            case .varchar(let s):
                guard let d = PeriodEnd.of(s) else { throw .badArgument("as_of must be a date such as 2012-06-30") }
                options.asOf = d
            default: throw .badArgument("as_of must be a date such as 2012-06-30")
            }
        case .within: options.within = value.description
        case .adjust:
            let word = value.description.lowercased()
            guard ["none", "multiplicative", "additive"].contains(word) else {
                throw .badArgument("adjust must be none, multiplicative or additive, not \(value.description)")
            }
            options.adjust = word
        case .by: options.by = value.description
        case .framework: options.framework = value.description
        case .bins:
            guard case .bigint(let n) = value else { throw .badArgument("bins must be a whole number") }
            options.bins = Int(n)
        case .width:
            switch value {
            case .bigint(let n): options.width = Double(n)
            case .double(let d): options.width = d
            default: throw .badArgument("width must be a number")
            }
        }
    }

    public static func list(_ words: [String], last: String) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " " + last + " " + words.last!
    }
}

extension VerbOptions {
    /// The options of a table-function call (`within := 'region'`) for `verb`: each must be one of the
    /// verb's clauses.
    public init(named: [String: Value], for verb: Verb) throws(InspectionError) {
        self.init()
        for (name, value) in named.sorted(by: { $0.key < $1.key }) {
            guard let clause = verb.clauses.first(where: { $0.optionName == name.lowercased() }) else {
                throw .unknownOption(name, verb: verb.name, candidates: verb.clauses.map(\.optionName))
            }
            try clause.apply(value, to: &self)
        }
    }
}
