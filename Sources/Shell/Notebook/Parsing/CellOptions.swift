import Spelling
import Kernels
import QueryLanguage
import Rendering
import Inspection

/// What a cell's info string asks for: ```` ```sql chart=bullet title="Harrow, 2011" hide ````.
///
/// | option | values | default |
/// |---|---|---|
/// | `chart=` | `bullet`, `histogram`, `funnel`, `line`, `bar`, `none` | the verb's chart (`compare` → bullet, …) |
/// | `title=` | caption of the cell's tables (after `Table N.`) and title of its charts | none |
/// | `echo=` | `true` / `false`: show the cell's source | `true`, or the front matter's `echo:` |
/// | `hide` | the same as `echo=false` | |
/// | `results=` | `true` / `false`: show the tables, charts and messages (errors always show) | `true` |
/// | `columns=` | the columns shown, `"measure, score, band"` (charts still read the whole result) | all |
/// | `rows=` | most rows shown per table, `0` = all | all (or `.maxrows` set in an earlier cell) |
/// | `run=` | `true` / `false`: run the cell, or only show its source | `true` |
///
/// Values with spaces are quoted, `"…"` (with `\"`) or `'…'`.
struct CellOptions: Sendable, Equatable {
    /// Which chart a result table gets.
    enum ChartChoice: Sendable, Equatable {
        /// A verb statement's usual chart, if any; no chart for SQL. A table that cannot be drawn gets none.
        case byVerb
        /// Drawn for every result table of the cell; a table that cannot be drawn is a cell error.
        case kind(ChartKind)
        case none
    }

    var chart: ChartChoice = .byVerb
    var title: String?
    /// The columns shown, in this order; nil shows every column.
    var columns: [String]?
    var echo = true
    var results = true
    var rows: Int?
    var run = true

    static let names = ["chart", "title", "columns", "echo", "hide", "results", "rows", "run"]
    static let chartChoices = ChartKind.allCases.map(\.rawValue) + ["none"]
}

extension CellOptions {
    /// Parses the info string after the language word (`chart=bullet hide`). An option given twice
    /// (`hide` is `echo`) is an error, as in the front matter: one of the two is a slip.
    ///
    /// - Parameters:
    ///   - fileName, line: where the fence is, for errors.
    ///   - fenceLine: the whole fence line `info` is part of, so errors name the option's column.
    /// - Parameter echo: whether the cell shows its source unless it says (the front matter's `echo:`).
    init(
        parsing info: Substring, fileName: String, line: Int, fenceLine: Substring? = nil, echo: Bool = true
    ) throws(Diagnostic) {
        self.echo = echo
        let whole = fenceLine ?? info
        var rest = info[...]
        var given: [String: String] = [:]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { break }
            let column = whole.distance(from: whole.startIndex, to: rest.startIndex) + 1
            func failure(_ message: String, _ suggestions: [String]) -> Diagnostic {
                Diagnostic(
                    message: message, file: fileName, location: SourceLocation(line: line, column: column),
                    suggestions: suggestions)
            }
            let name = String(rest.prefix { $0 != "=" && $0 != " " && $0 != "\t" })
            rest = rest.dropFirst(name.count)
            var value: String?
            if rest.first == "=" {
                rest = rest.dropFirst()
                value = try Self.value(&rest, failure)
            }
            let key = name.lowercased() == "hide" ? "echo" : name.lowercased()
            let written = name + (value.map { "=" + $0 } ?? "")
            if let earlier = given[key] { throw failure("\(written) repeats \(earlier): give each option once", []) }
            try apply(name, value, failure)
            given[key] = written
        }
    }

    private mutating func apply(
        _ name: String, _ value: String?, _ failure: (String, [String]) -> Diagnostic
    ) throws(Diagnostic) {
        let key = name.lowercased()
        guard Self.names.contains(key) else {
            throw failure(
                "unknown cell option '\(name)' (options: \(Self.names.joined(separator: ", ")))",
                Suggestions.closest(to: key, among: Self.names))
        }
        if key == "hide" {
            guard value == nil else { throw failure("hide takes no value (it is echo=false)", []) }
            echo = false
            return
        }
        guard let value else { throw failure("\(key) needs a value: \(key)=…", []) }
        switch key {
        case "chart":
            let word = value.lowercased()
            if word == "none" {
                chart = .none
            } else if let kind = ChartKind(rawValue: word) {
                chart = .kind(kind)
            } else {
                throw failure(
                    "unknown chart '\(value)' (charts: \(Self.chartChoices.joined(separator: ", ")))",
                    Suggestions.closest(to: word, among: Self.chartChoices))
            }
        case "title":
            guard !value.allSatisfy(\.isWhitespace) else { throw failure("title needs a value: title=\"…\"", []) }
            title = value
        case "columns":
            let names = value.split(separator: ",").map { $0.trimmingBlanks() }
            guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
                throw failure("columns needs names separated by commas: columns=\"measure, score\"", [])
            }
            columns = names
        case "rows":
            guard let count = Int(value), count >= 0 else { throw failure("rows needs a whole number, 0 or more", []) }
            rows = count
        default:
            let flag: Bool
            switch value.lowercased() {
            case "true", "yes": flag = true
            case "false", "no": flag = false
            default: throw failure("\(key) is true or false, not '\(value)'", [])
            }
            switch key {
            case "echo": echo = flag
            case "results": results = flag
            default: run = flag
            }
        }
    }

    /// A value: quoted, or up to the next blank.
    private static func value(
        _ rest: inout Substring, _ failure: (String, [String]) -> Diagnostic
    ) throws(Diagnostic) -> String {
        guard let quote = rest.first, quote == "\"" || quote == "'" else {
            let word = rest.prefix { $0 != " " && $0 != "\t" }
            rest = rest.dropFirst(word.count)
            return String(word)
        }
        rest = rest.dropFirst()
        var value = ""
        while let character = rest.popFirst() {
            if character == quote { return value }
            if quote == "\"", character == "\\", let escaped = rest.popFirst() {
                value.append(escaped)
            } else {
                value.append(character)
            }
        }
        throw failure("unterminated quoted value in the cell options", [])
    }
}
