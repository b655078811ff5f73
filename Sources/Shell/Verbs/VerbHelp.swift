import Foundation
import Inspection
import Spelling

/// `.help`'s words about the verbs, generated from the verb table.
enum VerbHelp {
    /// The verbs section of `.help`: each verb with its one line.
    static var list: String {
        let width = Verb.all.map(\.name.count).max() ?? 0
        let rows = Verb.all.map {
            "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.summary
        }
        return
            (["Verbs (statements; each is also a table function, as in SELECT * FROM profile('Harrow')):"] + rows
            + [".help VERB shows a verb's form, clauses and an example."]).joined(separator: "\n")
    }

    /// `.help VERB`: the statement form, what it does, its clauses, its table-function call, an example
    /// and the chart a notebook draws.
    static func detail(_ verb: Verb) -> String {
        var lines = [verb.syntax, "  " + verb.summary]
        if !verb.clauses.isEmpty {
            let width = verb.clauses.map(\.usage.count).max() ?? 0
            lines.append("Clauses:")
            lines += verb.clauses.map {
                "  " + $0.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.summary
            }
        }
        let arguments = (verb.positional.isEmpty ? [] : ["..."]) + verb.clauses.map { $0.optionName + " := ..." }
        lines.append("As a table function: SELECT * FROM \(verb.name)(" + arguments.joined(separator: ", ") + ")")
        lines.append("Example: " + verb.example)
        if let chart = verb.chart { lines.append("In a notebook its result is drawn as a \(chart.rawValue) chart.") }
        return lines.joined(separator: "\n")
    }

    /// The verb `name` means, or an error with the closest verb names.
    static func verb(named name: String) throws(Diagnostic) -> Verb {
        if let verb = Verb.named(name) { return verb }
        throw Diagnostic(
            message: "no verb or command named \(name) (.help lists them)",
            suggestions: Suggestions.closest(to: name, among: Verb.all.map(\.name)))
    }
}
