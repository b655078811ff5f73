import Spelling
import Foundation
import Kernels
import QueryLanguage

/// Fills `{{name}}` placeholders in a notebook's prose, cells, cell titles and front matter, so one
/// notebook serves every area (`--param area=Brent`; defaults under `params:` in the front matter).
///
/// `{{name}}` is the value as given; `{{name|sql}}` is an SQL string literal (`'King''s Lynn'`), safe in
/// SQL and in verb statements whatever the value holds. In prose, a value is always text, never markup
/// (`ProseValues` escapes it for where it lands). A placeholder with no value is an error naming
/// the parameter and the line it is used on; text such as `{{ not a name }}` is left alone, and
/// `\{{name}}` writes `{{name}}` as it stands (the backslash dropped).
struct NotebookParameters {
    /// Final values: the front matter's defaults, overridden by the command line.
    let values: [String: String]

    /// Builds the values and checks them against the notebook: every placeholder has a value, and every
    /// `--param` names a parameter the notebook declares or uses.
    init(notebook: Notebook, commandLine: [(name: String, value: String)]) throws(Diagnostic) {
        var values: [String: String] = [:]
        for parameter in notebook.frontMatter.parameters { values[parameter.name] = parameter.default.value }
        let used = Self.uses(in: notebook)
        let known = Set(used.map(\.name)).union(values.keys)
        for (name, value) in commandLine {
            guard known.contains(name) else {
                let list = known.isEmpty ? "it has none" : "it has " + known.sorted().joined(separator: ", ")
                throw Diagnostic(
                    message: "--param \(name): \(notebook.name) has no parameter \(name) (\(list))",
                    suggestions: Suggestions.closest(to: name, among: Array(known)))
            }
            values[name] = value
        }
        if let use = used.first(where: { $0.filter != nil && $0.filter != "sql" }) {
            throw Diagnostic(
                message: "unknown filter |\(use.filter!) in {{\(use.name)|\(use.filter!)}} (the one filter is |sql)",
                file: notebook.name, location: use.location)
        }
        for use in used where values[use.name] == nil {
            throw Diagnostic(
                message: "parameter '\(use.name)' has no value (used as {{\(use.name)}} on line \(use.location.line)): "
                    + "pass --param \(use.name)=VALUE or give a default under params: in the front matter",
                file: notebook.name, location: use.location)
        }
        self.values = values
    }

    /// Parses `--param key=value` arguments. An empty value or a name given twice is an error rather
    /// than a silent choice (a typo in a script would otherwise fill the wrong area).
    static func parse(_ arguments: [String]) throws(Diagnostic) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), isName(String(argument[..<equals])) else {
                throw Diagnostic(
                    message: "--param takes name=value (a name of letters, digits and _), not '\(argument)'")
            }
            let name = String(argument[..<equals])
            let value = String(argument[argument.index(after: equals)...])
            guard !value.isEmpty else {
                throw Diagnostic(message: "--param \(name)= has no value: give one, --param \(name)=VALUE")
            }
            if let earlier = result.first(where: { $0.name == name }) {
                throw Diagnostic(
                    message: "--param \(name) is given twice (\(name)=\(earlier.value), then \(name)=\(value))")
            }
            result.append((name, value))
        }
        return result
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// The notebook with every placeholder filled.
    func fill(_ notebook: Notebook) -> Notebook {
        var filled = notebook
        func fillField(_ field: FrontMatter.Field?) -> FrontMatter.Field? {
            field.map { FrontMatter.Field(value: fill($0.value), line: $0.line) }
        }
        filled.frontMatter.title = fillField(notebook.frontMatter.title)
        filled.frontMatter.author = fillField(notebook.frontMatter.author)
        filled.frontMatter.date = fillField(notebook.frontMatter.date)
        filled.frontMatter.data = fillField(notebook.frontMatter.data)
        filled.blocks = notebook.blocks.map { block in
            switch block {
            case .prose(let text, let line):
                return .prose(fill(text) { filled.proseValues.token(for: $0) }, line: line)
            case .cell(var cell):
                cell.source = fill(cell.source)
                cell.options.title = cell.options.title.map { fill($0) }
                return .cell(cell)
            }
        }
        return filled
    }

    /// `text` with its placeholders filled: each value (quoted by `|sql`) as `place` writes it, by
    /// default as it is.
    func fill(_ text: String, place: (String) -> String = { $0 }) -> String {
        var result = ""
        Self.scan(text) { piece in
            switch piece {
            case .text(let literal): result += literal
            case .placeholder(let name, let filter, _):
                let given = values[name] ?? ""
                let value = filter == "sql" ? "'" + given.replacingOccurrences(of: "'", with: "''") + "'" : given
                result += place(value)
            }
        }
        return result
    }

    /// Every placeholder of the notebook with where it is, in document order. Columns are exact in prose
    /// and cells; in the front matter and cell titles, whose values are parsed out of their line, a
    /// placeholder is placed at column 1.
    static func uses(in notebook: Notebook) -> [(name: String, filter: String?, location: SourceLocation)] {
        var uses: [(name: String, filter: String?, location: SourceLocation)] = []
        func collect(_ text: String, line: Int, exactColumns: Bool = true) {
            scan(text) { piece in
                guard case .placeholder(let name, let filter, let position) = piece else { return }
                let before = text[..<position]
                let lineStart = before.lastIndex(of: "\n").map(text.index(after:)) ?? text.startIndex
                let column = exactColumns ? text.distance(from: lineStart, to: position) + 1 : 1
                let location = SourceLocation(line: line + before.count { $0 == "\n" }, column: column)
                uses.append((name, filter, location))
            }
        }
        let matter = notebook.frontMatter
        for field in [matter.title, matter.author, matter.date, matter.data].compactMap({ $0 }) {
            collect(field.value, line: field.line, exactColumns: false)
        }
        for block in notebook.blocks {
            switch block {
            case .prose(let text, let line): collect(text, line: line)
            case .cell(let cell):
                if let title = cell.options.title { collect(title, line: cell.fenceLine, exactColumns: false) }
                collect(cell.source, line: cell.firstLine)
            }
        }
        return uses
    }

    private enum Piece {
        case text(Substring)
        /// `position`: where the placeholder's `{{` is in the scanned text.
        case placeholder(name: String, filter: String?, position: String.Index)
    }

    /// Walks `text`, handing over literal stretches and placeholders in order.
    private static func scan(_ text: String, _ visit: (Piece) -> Void) {
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex, rest[rest.index(before: open.lowerBound)] == "\\" {
                // `\{{` writes `{{` itself: a literal placeholder in a notebook about notebooks.
                visit(.text(rest[..<rest.index(before: open.lowerBound)]))
                visit(.text(rest[open]))
                rest = rest[open.upperBound...]
                continue
            }
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let inner = rest[open.upperBound..<close.lowerBound]
            let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingBlanks() }
            let name = parts.first ?? ""
            let filter = parts.count == 2 ? parts[1].lowercased() : nil
            guard isName(name), filter.map(isName) ?? true else {
                visit(.text(rest[..<open.upperBound]))
                rest = rest[open.upperBound...]
                continue
            }
            visit(.text(rest[..<open.lowerBound]))
            visit(.placeholder(name: name, filter: filter, position: open.lowerBound))
            rest = rest[close.upperBound...]
        }
        visit(.text(rest))
    }
}
