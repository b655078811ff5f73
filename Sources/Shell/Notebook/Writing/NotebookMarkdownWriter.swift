import Columnar
import Foundation
import Rendering
import Reporting

/// A notebook run as Markdown: prose as written, sources in ```` ```sql ```` fences, results as Markdown
/// tables, errors in ```` ```text ```` fences, and charts as SVG files in a folder beside the output,
/// linked with `![title](folder/chart-N.svg)`.
struct NotebookMarkdownWriter {
    let run: NotebookRun
    /// The charts' folder as linked from the Markdown file (`report-files`).
    let chartFolder: String

    /// The Markdown text and the chart files to write into `chartFolder` (name, SVG text).
    func render() -> (text: String, charts: [(fileName: String, svg: String)]) {
        var parts: [String] = []
        var charts: [(fileName: String, svg: String)] = []
        var tableCount = 0
        if let title = run.frontMatter.title?.value {
            parts.append("# " + MarkdownText.escape(title))
            let byline = [run.frontMatter.author?.value, run.frontMatter.date?.value].compactMap { $0 }
            if !byline.isEmpty { parts.append("*" + MarkdownText.escape(byline.joined(separator: " · ")) + "*") }
        }
        for block in run.blocks {
            switch block {
            case .prose(let text, _):
                let rebased = run.linkBase.map { ProseLinks.rebaseMarkdown(text, base: $0) } ?? text
                parts.append(run.proseValues.markdown(rebased).trimmingBlankLines())
            case .cell(let cell, let outputs):
                if cell.options.echo { parts.append(Self.fenced(cell.source, language: "sql")) }
                for output in outputs {
                    switch output {
                    case .table(let table, let display) where table.rowCount == 0:
                        parts.append("*" + MarkdownText.escape(display.emptyNote) + "*")
                    case .table(let table, let display):
                        tableCount += 1
                        let numbered = display.numbered(tableCount)
                        parts.append("**" + MarkdownText.escape(numbered.caption ?? "") + "**")
                        let options = numbered.renderOptions(.markdown, rowCount: table.rowCount, context: run.context)
                        parts.append(TableRenderer(options: options).render(table).trimmingBlankLines())
                    case .chart(let chart):
                        let fileName = "chart-\(charts.count + 1).svg"
                        charts.append((fileName, chart.svg))
                        let alternative = MarkdownText.escape("Figure \(charts.count). \(chart.title)")
                        let link = "![" + alternative + "](" + Self.address(chartFolder + "/" + fileName) + ")"
                        let caption = MarkdownText.escape(NotebookCharts.caption(chart, number: charts.count))
                        parts.append(link + "\n\n*" + caption + "*")
                    case .message(let text):
                        parts.append(
                            text.split(separator: "\n", omittingEmptySubsequences: false)
                                .map { "> " + MarkdownText.escape(String($0), lineStart: true) }.joined(separator: "\n")
                        )
                    case .error(let diagnostic):
                        parts.append(
                            "**Error**\n\n" + Self.fenced(diagnostic.formatted(colour: false), language: "text"))
                    }
                }
            case .stopped(let reason):
                parts.append("> **" + MarkdownText.escape(reason) + "**")
            }
        }
        return (parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n", charts)
    }

    /// A relative path as a link destination: spaces, parentheses and other specials percent-encoded,
    /// so `my report-files/chart-1.svg` stays one address.
    static func address(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "()")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// `text` in a fence longer than any run of backticks inside it.
    static func fenced(_ text: String, language: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + text + "\n" + fence
    }
}
