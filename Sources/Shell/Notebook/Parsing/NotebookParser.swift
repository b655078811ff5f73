import Foundation
import QueryLanguage

/// Splits a notebook's text into front matter, prose and ```` ```sql ```` cells.
///
/// Fences follow CommonMark: three or more backticks or tildes, indented at most three spaces, closed
/// by a line of the same character at least as long. A fence whose info string starts with `sql` is a
/// cell; any other fence (```` ```sh ````, ```` ```text ````) stays in the prose as a code block. A `sql`
/// fence left open is an error (a forgotten close would swallow the rest of the notebook).
enum NotebookParser {
    static func parse(_ text: String, name: String) throws(Diagnostic) -> Notebook {
        // A byte order mark (editors on Windows write one) is not text: front matter starts after it.
        let unmarked = text.first == "\u{FEFF}" ? String(text.dropFirst()) : text
        let normalized = unmarked.contains("\r\n") ? unmarked.replacingOccurrences(of: "\r\n", with: "\n") : unmarked
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var frontMatter = FrontMatter()
        var index = 0
        if let first = lines.first, first.trimmingBlanks() == "---", first.first == "-" {
            (frontMatter, index) = try FrontMatter.parse(lines, name: name)
        }
        var blocks: [NotebookBlock] = []
        var prose: [Substring] = []
        var proseLine = index + 1
        func flushProse(nextLine: Int) {
            if prose.contains(where: { !$0.trimmingBlanks().isEmpty }) {
                blocks.append(.prose(prose.joined(separator: "\n"), line: proseLine))
            }
            prose = []
            proseLine = nextLine
        }
        while index < lines.count {
            guard let fence = Fence(opening: lines[index]) else {
                prose.append(lines[index])
                index += 1
                continue
            }
            let close = lines[(index + 1)...].firstIndex { fence.isClosed(by: $0) }
            guard fence.language.lowercased() == "sql" else {
                let end = close ?? lines.count - 1
                prose += lines[index...end]
                index = end + 1
                continue
            }
            guard let close else {
                throw Diagnostic(
                    message: "this ```sql cell has no closing fence", file: name,
                    location: SourceLocation(line: index + 1, column: 1))
            }
            flushProse(nextLine: close + 2)
            let options = try CellOptions(
                parsing: fence.options, fileName: name, line: index + 1, fenceLine: lines[index],
                echo: frontMatter.echoesCells)
            let source = lines[(index + 1)..<close].joined(separator: "\n")
            blocks.append(.cell(NotebookCell(source: source, fenceLine: index + 1, options: options)))
            index = close + 1
        }
        flushProse(nextLine: index + 1)
        return Notebook(name: name, frontMatter: frontMatter, blocks: blocks)
    }
}
