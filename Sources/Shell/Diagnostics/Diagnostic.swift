public import QueryLanguage

/// One error as the user sees it: where (file, line, column), what, the source line with a caret under
/// the offending token, and "did you mean" candidates.
///
/// Every failure of every module is converted to this in one place (`Diagnostic.init(error:source:)`)
/// and printed once, compiler style: `FILE:LINE:COL: error: message`.
public struct Diagnostic: Error, Sendable, Equatable {
    public var message: String
    /// The script's name: a file path, `-c`, or `stdin`; nil when the error has no source.
    public var file: String?
    public var location: SourceLocation?
    /// The whole source line the error points into, tabs kept (the caret line copies them).
    public var sourceLine: String?
    /// Caret start and length, in characters of `sourceLine`.
    public var caretColumn: Int?
    public var caretLength: Int
    public var suggestions: [String]
    /// The user pressed Ctrl-C: printed as the single word `Interrupted`, with no location or caret.
    public var isInterruption = false

    /// A statement or load stopped by Ctrl-C.
    public static var interrupted: Diagnostic {
        var diagnostic = Diagnostic(message: "Interrupted")
        diagnostic.isInterruption = true
        return diagnostic
    }

    public init(
        message: String, file: String? = nil, location: SourceLocation? = nil, sourceLine: String? = nil,
        caretColumn: Int? = nil, caretLength: Int = 1, suggestions: [String] = []
    ) {
        self.message = message
        self.file = file
        self.location = location
        self.sourceLine = sourceLine
        self.caretColumn = caretColumn
        self.caretLength = caretLength
        self.suggestions = suggestions
    }

    /// The printed form; `colour` adds ANSI red/bold to the header (only on a terminal with NO_COLOR unset).
    public func formatted(colour: Bool = false) -> String {
        if isInterruption { return message }
        // Values from data can hold terminal escape sequences: shown escaped, never sent to the terminal.
        let message = TerminalSafeText.escaping(message)
        let suggestions = suggestions.map(TerminalSafeText.escaping)
        var header = ""
        if let file {
            header += TerminalSafeText.escaping(file)
            if let location { header += ":\(location.line):\(location.column)" }
            header += ": "
        }
        header += colour ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: "
        var lines = [header + message]
        if let sourceLine, let caretColumn {
            lines.append("  " + TerminalSafeText.escaping(sourceLine))
            // Keep tabs so the caret lines up under tab-indented source (and under escaped controls).
            let lead = sourceLine.prefix(max(0, caretColumn - 1)).map {
                $0 == "\t" ? "\t" : String(repeating: " ", count: TerminalSafeText.escaping(String($0)).count)
            }.joined()
            let caret = "^" + String(repeating: "~", count: max(0, caretLength - 1))
            lines.append("  " + lead + (colour ? "\u{1B}[1;32m\(caret)\u{1B}[0m" : caret))
        }
        if !suggestions.isEmpty {
            lines.append("did you mean: " + suggestions.joined(separator: ", ") + "?")
        }
        return lines.joined(separator: "\n")
    }
}
