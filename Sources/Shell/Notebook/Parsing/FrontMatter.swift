import Spelling
import Foundation
import Kernels
import QueryLanguage

/// A notebook's optional header between `---` lines: title, author, date, dataset folder, parameters.
///
/// A small strict subset of YAML, so mistakes are errors with a line rather than surprises:
///
/// ```
/// ---
/// title: Harrow YOT, 2011 and after
/// author: Performance team
/// date: November 2026
/// data: ../Datasets          # a dataset folder, relative to the notebook (`none`: start empty)
/// params:
///   area: Harrow             # a default, overridden by --param area=Brent
/// ---
/// ```
///
/// Values are plain text to the end of the line (a ` #` starts a comment), or quoted with `"…"` (escapes
/// `\"`, `\\`, `\n`; any other backslash stays as written) or `'…'` (`''` is one quote).
struct FrontMatter: Sendable, Equatable {
    /// A value and the line it is on, so errors about it (a missing parameter, a bad folder) point there.
    struct Field: Sendable, Equatable {
        var value: String
        var line: Int
    }

    var title: Field?
    var author: Field?
    var date: Field?
    /// A dataset folder relative to the notebook's folder; `none` loads no data.
    var data: Field?
    /// A parameter's default (`params:` then indented `name: value` lines).
    struct Parameter: Sendable, Equatable {
        var name: String
        var `default`: Field
    }

    /// In the order written.
    var parameters: [Parameter] = []

    /// `echo: false`: no cell shows its source unless it says `echo=true` (a paper for a board).
    var echo: Field?

    static let keys = ["title", "author", "date", "data", "echo", "params"]

    /// Whether cells show their source by default (`echo:` true / false, yes / no).
    var echoesCells: Bool { echo.map { !["false", "no"].contains($0.value.lowercased()) } ?? true }
}

extension FrontMatter {
    /// Parses `lines` (the file's lines; `lines[0]` is the opening `---`). Returns the front matter and
    /// the index of the first line after the closing `---`.
    static func parse(_ lines: [Substring], name: String) throws(Diagnostic) -> (FrontMatter, next: Int) {
        var matter = FrontMatter()
        var inParameters = false
        var seen: Set<String> = []
        /// Errors point at the key (`column`: where it starts) or, for a value's own errors, the value.
        var column = 1
        func failure(_ message: String, _ index: Int, suggestions: [String] = []) -> Diagnostic {
            Diagnostic(
                message: message, file: name, location: SourceLocation(line: index + 1, column: column),
                suggestions: suggestions)
        }
        var index = 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingBlanks()
            if line.first != " ", trimmed == "---" || trimmed == "..." { return (matter, index + 1) }
            defer { index += 1 }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indented = line.first == " " || line.first == "\t"
            if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                throw failure("front matter is indented with spaces, not tabs", index)
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw failure("expected `key: value` in the front matter", index)
            }
            let key = String(trimmed[..<colon]).trimmingBlanks()
            let keyColumn = line.prefix { $0 == " " || $0 == "\t" }.count + 1
            let rawValue = trimmed[trimmed.index(after: colon)...]
            column =
                keyColumn + trimmed.distance(from: trimmed.startIndex, to: rawValue.startIndex)
                + rawValue.prefix { $0 == " " || $0 == "\t" }.count
            let field = Field(value: try scalar(rawValue, index, failure), line: index + 1)
            column = keyColumn
            if indented {
                guard inParameters else {
                    throw failure("unexpected indented line: only `params:` has indented `name: value` lines", index)
                }
                guard NotebookParameters.isName(key) else {
                    throw failure(
                        "'\(key)' is not a parameter name (letters, digits and _, not starting with a digit)", index)
                }
                guard !matter.parameters.contains(where: { $0.name == key }) else {
                    throw failure("parameter \(key) is given twice", index)
                }
                matter.parameters.append(Parameter(name: key, default: field))
                continue
            }
            inParameters = false
            guard FrontMatter.keys.contains(key) else {
                throw failure(
                    "unknown front matter key '\(key)' (keys: \(FrontMatter.keys.joined(separator: ", ")))", index,
                    suggestions: Suggestions.closest(to: key, among: FrontMatter.keys))
            }
            guard seen.insert(key).inserted else { throw failure("\(key) is given twice", index) }
            if key == "params" {
                guard field.value.isEmpty else {
                    throw failure("params: takes indented `name: value` lines below it, not a value", index)
                }
                inParameters = true
                continue
            }
            guard !field.value.isEmpty else {
                column = 1
                throw failure("\(key) needs a value", index)
            }
            switch key {
            case "title": matter.title = field
            case "author": matter.author = field
            case "date": matter.date = field
            case "echo":
                guard ["true", "false", "yes", "no"].contains(field.value.lowercased()) else {
                    column = 1
                    throw failure("echo is true or false, not '\(field.value)'", index)
                }
                matter.echo = field
            default: matter.data = field
            }
        }
        throw failure("the front matter opened here has no closing `---` line", 0)
    }

    /// A value: quoted, or plain text up to a ` #` comment.
    private static func scalar(
        _ raw: Substring, _ index: Int, _ failure: (String, Int, [String]) -> Diagnostic
    ) throws(Diagnostic) -> String {
        let text = raw.trimmingBlanks()
        guard let first = text.first else { return "" }
        if first == "\"" || first == "'" {
            var value = ""
            var rest = text.dropFirst()
            while let character = rest.popFirst() {
                if character == first {
                    if first == "'", rest.first == "'" {
                        value.append("'")
                        rest.removeFirst()
                        continue
                    }
                    let after = rest.trimmingBlanks()
                    guard after.isEmpty || after.hasPrefix("#") else {
                        throw failure("unexpected text after the closing quote", index, [])
                    }
                    return value
                }
                if first == "\"", character == "\\", let escaped = rest.popFirst() {
                    switch escaped {
                    case "n": value.append("\n")
                    case "\"", "\\": value.append(escaped)
                    // Any other backslash stays, so `"\{{area}}"` reaches the parameters as written.
                    default: value += "\\" + String(escaped)
                    }
                } else {
                    value.append(character)
                }
            }
            throw failure("unterminated quoted value", index, [])
        }
        if "[{|>&*!".contains(first) {
            throw failure("front matter values are plain text: quote a value starting with \(first)", index, [])
        }
        var plain = text[...]
        if let comment = plain.range(of: " #") { plain = plain[..<comment.lowerBound] }
        return String(plain).trimmingBlanks()
    }
}
