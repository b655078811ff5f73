import Spelling
import Kernels
import Columnar
import Inspection
import QueryEngine
import Rendering
import Foundation
import FileOutput

extension MetaCommand {
    /// Every dot-command, in help order. Adding a command is adding a row here.
    static let all: [MetaCommand] = [
        MetaCommand("help", usage: "help [VERB]", summary: "List these commands and the verbs, or show one verb") {
            arguments, session throws(Diagnostic) in
            guard let name = arguments.first else {
                session.say(helpText + "\n\n" + VerbHelp.list)
                return .proceed
            }
            if let command = try? MetaCommand.lookup(name.hasPrefix(".") ? String(name.dropFirst()) : name),
                Verb.named(name) == nil
            {
                session.say("." + command.usage + "  " + command.summary)
            } else {
                session.say(VerbHelp.detail(try VerbHelp.verb(named: name)))
            }
            return .proceed
        },
        MetaCommand("tables", usage: "tables", summary: "List tables and views") { _, session throws(Diagnostic) in
            let names = (session.database.tableNames + session.database.viewNames).sorted()
            session.emit(Table([("name", Column(type: .varchar, values: names.map { .varchar($0) }))]))
            return .proceed
        },
        MetaCommand("schema", usage: "schema [TABLE]", summary: "Show the columns of a table, or of every table") {
            arguments, session throws(Diagnostic) in
            try showSchema(arguments, session)
            return .proceed
        },
        MetaCommand(
            "load", usage: "load PATH [AS NAME]",
            summary:
                "Load a CSV/TSV/JSONL file, a workbook (.xlsx/.ods: a table per sheet), a dataset folder, or `synthetic`",
            takesPath: true
        ) { arguments, session throws(Diagnostic) in
            try DatasetLoader(session: session).load(arguments: arguments)
            return .proceed
        },
        MetaCommand("read", usage: "read FILE", summary: "Run the statements in FILE", takesPath: true) {
            arguments, session throws(Diagnostic) in
            let path = try single(arguments, usage: "read FILE")
            return try ScriptFiles.read(path, in: session)
        },
        MetaCommand(
            "mode", usage: "mode MODE", summary: "Set the output mode",
            argumentChoices: OutputMode.allCases.map(\.rawValue)
        ) { arguments, session throws(Diagnostic) in
            let word = try single(arguments, usage: "mode MODE").lowercased()
            guard let mode = OutputMode(rawValue: word) else {
                throw Diagnostic(
                    message: "unknown mode \(word)",
                    suggestions: Suggestions.closest(to: word, among: OutputMode.allCases.map(\.rawValue)))
            }
            session.settings.mode = mode
            return .proceed
        },
        MetaCommand(
            "output", usage: "output [FILE]", summary: "Send results to FILE (atomically), or back to the screen",
            takesPath: true
        ) { arguments, session throws(Diagnostic) in
            session.finishRedirect()
            if let path = arguments.first { try redirect(to: path, once: false, session) }
            return .proceed
        },
        MetaCommand("once", usage: "once FILE", summary: "Send only the next result to FILE", takesPath: true) {
            arguments, session throws(Diagnostic) in
            session.finishRedirect()
            try redirect(to: try single(arguments, usage: "once FILE"), once: true, session)
            return .proceed
        },
        toggle("timer", summary: "Show how long each statement takes", setting: \.timer),
        toggle("headers", summary: "Show column names", setting: \.showHeaders),
        MetaCommand("nullvalue", usage: "nullvalue TEXT", summary: "Print NULL as TEXT") {
            arguments, session throws(Diagnostic) in
            session.settings.nullText = try single(arguments, usage: "nullvalue TEXT")
            return .proceed
        },
        MetaCommand("maxrows", usage: "maxrows N", summary: "Rows shown in table/box mode (0 = all)") {
            arguments, session throws(Diagnostic) in
            session.settings.maxRows = try count(arguments, usage: "maxrows N")
            return .proceed
        },
        MetaCommand("maxwidth", usage: "maxwidth N", summary: "Width results fit into (0 = unlimited)") {
            arguments, session throws(Diagnostic) in
            let width = try count(arguments, usage: "maxwidth N")
            session.settings.maxWidth = width == 0 ? nil : width
            return .proceed
        },
        toggle("bail", summary: "Stop at the first error", setting: \.bail),
        toggle("echo", summary: "Print each statement before running it", setting: \.echo),
        MetaCommand("history", usage: "history", summary: "List earlier statements (the interactive shell's history)") {
            _, session throws(Diagnostic) in
            let history = HistoryFile(path: session.settings.historyPath ?? HistoryFile.defaultPath())
            let width = String(history.entries.count).count
            for (number, entry) in history.entries.enumerated() {
                let label = String(number + 1)
                let lead = String(repeating: " ", count: width - label.count) + label + "  "
                session.say(
                    lead + entry.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: lead.count)))
            }
            return .proceed
        },
        MetaCommand("quit", aliases: ["exit"], usage: "quit", summary: "Leave yotq (also .exit, Ctrl-D)") {
            _, _ throws(Diagnostic) in
            .quit
        },
    ]

    private static func single(_ arguments: [String], usage: String) throws(Diagnostic) -> String {
        guard arguments.count == 1 else { throw Diagnostic(message: "usage: .\(usage)") }
        return arguments[0]
    }

    /// `.NAME on|off`, setting one Boolean of the session's settings.
    private static func toggle(_ name: String, summary: String, setting: any WritableKeyPath<Settings, Bool> & Sendable)
        -> MetaCommand
    {
        MetaCommand(name, usage: "\(name) on|off", summary: summary, argumentChoices: ["on", "off"]) {
            arguments, session throws(Diagnostic) in
            session.settings[keyPath: setting] = try onOff(arguments, usage: "\(name) on|off")
            return .proceed
        }
    }

    private static func onOff(_ arguments: [String], usage: String) throws(Diagnostic) -> Bool {
        switch try single(arguments, usage: usage).lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default: throw Diagnostic(message: "usage: .\(usage)")
        }
    }

    private static func count(_ arguments: [String], usage: String) throws(Diagnostic) -> Int {
        guard let value = Int(try single(arguments, usage: usage)), value >= 0 else {
            throw Diagnostic(message: "usage: .\(usage) (a whole number, 0 or more)")
        }
        return value
    }

    private static func redirect(to path: String, once: Bool, _ session: Session) throws(Diagnostic) {
        do {
            session.redirect = FileRedirect(sink: try AtomicFileWriter(path: path), once: once)
        } catch {
            throw Diagnostic(message: error.description)
        }
    }

    private static func showSchema(_ arguments: [String], _ session: Session) throws(Diagnostic) {
        let database = session.database
        let names = arguments.isEmpty ? (database.tableNames + database.viewNames).sorted() : arguments
        var rows: [[Value]] = []
        for name in names {
            guard let schema = database.schema(of: name) else {
                throw Diagnostic(
                    message: "no table or view named \(name)",
                    suggestions: Suggestions.closest(to: name, among: database.tableNames + database.viewNames))
            }
            for field in schema.fields {
                rows.append([.varchar(name), .varchar(field.name), .varchar(field.type.rawValue)])
            }
        }
        let fields = ["table", "column", "type"].map { Field(name: $0, type: .varchar) }
        session.emit(Table(schema: Schema(fields), rows: rows))
    }
}
