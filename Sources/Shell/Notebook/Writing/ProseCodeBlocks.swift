/// Rewrites every code block of a prose block as a plain backtick fence before Ink sees it.
///
/// Ink 0.6 knows only backtick fences closed by exactly as many backticks at the start of a line: a
/// `~~~` fence, an indented code block or an indented closing fence reach it as paragraphs, and the
/// `<tag>`s inside them as raw HTML. Rewritten, their text is escaped and shown as code, as CommonMark
/// says. (Errors still name lines of the prose as written: `SelfContainedHTML` looks tags up there.)
enum ProseCodeBlocks {
    static func normalized(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [Substring] = []
        output.reserveCapacity(lines.count)
        var index = 0
        var previousBlank = true
        var inList = false
        while index < lines.count {
            let line = lines[index]
            if let fence = Fence(opening: line) {
                index = rewriteFenced(fence, from: index, of: lines, into: &output)
                previousBlank = false
                continue
            }
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if !blank && previousBlank && !inList && indentWidth(of: line) >= 4 {
                index = rewriteIndented(from: index, of: lines, into: &output)
                previousBlank = false
                continue
            }
            if !blank {
                if isListItem(line) {
                    inList = true
                } else if previousBlank && indentWidth(of: line) == 0 {
                    inList = false
                }
            }
            output.append(line)
            previousBlank = blank
            index += 1
        }
        return output.joined(separator: "\n")
    }

    /// Writes the fenced block opening at `start` as a backtick fence; returns the index after it.
    private static func rewriteFenced(
        _ fence: Fence, from start: Int, of lines: [Substring], into output: inout [Substring]
    ) -> Int {
        let indent = lines[start].prefix { $0 == " " }.count
        var end = start + 1
        while end < lines.count && !fence.isClosed(by: lines[end]) { end += 1 }
        // CommonMark removes up to the opening fence's indentation from each line of the content.
        let content = lines[(start + 1)..<min(end, lines.count)].map { line in
            line.dropFirst(min(indent, line.prefix { $0 == " " }.count))
        }
        let marker = Substring(String(repeating: "`", count: fenceLength(avoiding: content)))
        output.append(marker + safeLanguage(fence.language))
        output.append(contentsOf: content)
        // An unclosed fence runs to the end of the prose (CommonMark); closed here so Ink sees a block.
        output.append(marker)
        return min(end + 1, lines.count)
    }

    /// Writes the indented code block starting at `start` (its lines and the blank lines inside it) as a
    /// backtick fence; returns the index after its last non-blank line.
    private static func rewriteIndented(from start: Int, of lines: [Substring], into output: inout [Substring]) -> Int {
        var end = start
        var lastCode = start
        while end < lines.count {
            let line = lines[end]
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if !blank && indentWidth(of: line) < 4 { break }
            if !blank { lastCode = end }
            end += 1
        }
        let content = lines[start...lastCode].map { dropIndent(4, from: $0) }
        let marker = Substring(String(repeating: "`", count: fenceLength(avoiding: content)))
        output.append(marker)
        output.append(contentsOf: content)
        output.append(marker)
        return lastCode + 1
    }

    /// At least three backticks, and never as many as a run opening any content line (Ink would close
    /// the block there).
    private static func fenceLength(avoiding content: [Substring]) -> Int {
        let runs = Set(content.map { $0.prefix { $0 == "`" }.count })
        var length = 3
        while runs.contains(length) { length += 1 }
        return length
    }

    /// The info string's first word, kept only when it is a plain language name: Ink copies it into a
    /// `class` attribute unescaped.
    private static func safeLanguage(_ language: Substring) -> Substring {
        language.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-_.#".contains($0)) } ? language : ""
    }

    private static func isListItem(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " }
        guard line.count - rest.count <= 3, let first = rest.first else { return false }
        if "-*+".contains(first) {
            return rest.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return false }
        let after = rest.dropFirst(digits.count)
        guard let marker = after.first, marker == "." || marker == ")" else { return false }
        return after.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true
    }

    /// Leading whitespace in columns, a tab reaching the next multiple of four.
    private static func indentWidth(of line: Substring) -> Int {
        leadingBlanks(of: line, upTo: .max).width
    }

    private static func dropIndent(_ columns: Int, from line: Substring) -> Substring {
        line[leadingBlanks(of: line, upTo: columns).end...]
    }

    /// The leading spaces and tabs of `line` (a tab reaching the next multiple of four), read until they
    /// span `limit` columns: their width in columns and where they end.
    private static func leadingBlanks(of line: Substring, upTo limit: Int) -> (width: Int, end: Substring.Index) {
        var width = 0
        var index = line.startIndex
        while index < line.endIndex && width < limit {
            switch line[index] {
            case " ": width += 1
            case "\t": width += 4 - width % 4
            default: return (width, index)
            }
            index = line.index(after: index)
        }
        return (width, index)
    }
}
