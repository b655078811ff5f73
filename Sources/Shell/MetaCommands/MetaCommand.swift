import Spelling
import Kernels
import Foundation

/// One dot-command: its name, how to call it, what it does, and what to run.
///
/// The table of these (`MetaCommand.all`) is the only place a command is defined: help text, prefix
/// matching (`.ti` → `.timer`) and "did you mean" are all generated from it.
struct MetaCommand: Sendable {
    let name: String
    let aliases: [String]
    let usage: String
    let summary: String
    /// Completion candidates for the first argument (modes, on/off); empty when free text or a path.
    let argumentChoices: [String]
    /// True when the first argument is a file path (for completion).
    let takesPath: Bool
    let run: @Sendable (_ arguments: [String], _ session: Session) throws(Diagnostic) -> MetaCommandOutcome

    init(
        _ name: String, aliases: [String] = [], usage: String, summary: String, argumentChoices: [String] = [],
        takesPath: Bool = false,
        run: @escaping @Sendable (_ arguments: [String], _ session: Session) throws(Diagnostic) -> MetaCommandOutcome
    ) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.argumentChoices = argumentChoices
        self.takesPath = takesPath
        self.run = run
    }
}

/// What the runner does after a meta-command.
enum MetaCommandOutcome: Sendable, Equatable {
    case proceed
    /// `.quit` / `.exit`: stop reading input.
    case quit
}

extension MetaCommand {
    /// The command a typed word names: an exact name or alias, else the unique command it is a prefix of.
    static func lookup(_ word: String) throws(Diagnostic) -> MetaCommand {
        let wanted = word.lowercased()
        if let exact = all.first(where: { $0.name == wanted || $0.aliases.contains(wanted) }) { return exact }
        // Aliases count: `.e` could be `.echo` or `.exit`, so it is ambiguous.
        let byPrefix = all.filter { ([$0.name] + $0.aliases).contains { $0.hasPrefix(wanted) } }
        if byPrefix.count == 1 { return byPrefix[0] }
        if byPrefix.count > 1 {
            throw Diagnostic(
                message: "ambiguous command .\(word): "
                    + byPrefix.map { command in
                        "." + (([command.name] + command.aliases).first { $0.hasPrefix(wanted) } ?? command.name)
                    }.joined(separator: ", "))
        }
        let names = all.flatMap { [$0.name] + $0.aliases }
        throw Diagnostic(
            message: "unknown command .\(word) (.help lists them)",
            suggestions: Suggestions.closest(to: wanted, among: names).map { "." + $0 }
        )
    }

    /// Most arguments the usage line allows (`load PATH [AS NAME]` → 3): more is a usage error, never
    /// silently ignored.
    var maximumArguments: Int { usage.split(separator: " ").count - 1 }

    /// The help text, generated from the table.
    static var helpText: String {
        let width = all.map(\.usage.count).max() ?? 0
        return all.map { command in
            "." + command.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + command.summary
        }.joined(separator: "\n")
    }
}
