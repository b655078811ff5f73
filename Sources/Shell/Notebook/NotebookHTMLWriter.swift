import Columnar
import Rendering

/// A notebook run as one self-contained HTML page: title block, prose, each cell's source, tables,
/// charts (inline SVG in `<figure>`) and errors. Inline CSS only; no scripts, no external assets.
struct NotebookHTMLWriter {
    let run: NotebookRun

    func render() -> String {
        var body = titleBlock()
        var figureNumber = 0
        for block in run.blocks {
            switch block {
            case .prose(let text, _):
                body += "<div class=\"prose\">\n" + NotebookMarkdown.html(text) + "\n</div>\n"
            case .cell(let cell, let outputs):
                body += section(cell, outputs, figureNumber: &figureNumber)
            case .stopped(let reason):
                body += "<p class=\"stopped\" role=\"alert\">" + Self.escape(reason) + "</p>\n"
            }
        }
        var meta: [(name: String, content: String)] = [("generator", "yotq notebook")]
        if let author = run.frontMatter.author?.value { meta.append(("author", author)) }
        if let date = run.frontMatter.date?.value { meta.append(("date", date)) }
        let page = HTMLDocument(title: pageTitle, meta: meta).render(body: body)
        return NotebookStylesheet.adding(to: page)
    }

    /// The front matter's title, else the first `# heading` of the prose, else the file's name.
    var pageTitle: String {
        if let title = run.frontMatter.title?.value { return title }
        for case .prose(let text, _) in run.blocks {
            if let heading = text.split(separator: "\n").first(where: { $0.hasPrefix("# ") }) {
                return heading.dropFirst(2).trimmingBlanks()
            }
        }
        return run.name.split(separator: "/").last.map(String.init) ?? run.name
    }

    private func titleBlock() -> String {
        guard let title = run.frontMatter.title?.value else { return "" }
        var html = "<header class=\"title-block\">\n<h1>" + Self.escape(title) + "</h1>\n"
        let byline = [run.frontMatter.author?.value, run.frontMatter.date?.value].compactMap { $0 }
        if !byline.isEmpty {
            html += "<p class=\"byline\">" + byline.map(Self.escape).joined(separator: " · ") + "</p>\n"
        }
        return html + "</header>\n"
    }

    private func section(_ cell: NotebookCell, _ outputs: [CellOutput], figureNumber: inout Int) -> String {
        guard cell.options.echo || !outputs.isEmpty else { return "" }
        var html = "<section class=\"cell\" id=\"cell-\(cell.fenceLine)\">\n"
        if cell.options.echo {
            html += "<pre class=\"source\"><code class=\"language-sql\">" + Self.escape(cell.source) + "</code></pre>\n"
        }
        for output in outputs {
            switch output {
            case .table(let table, let display) where table.rowCount == 0:
                html += "<p class=\"message\">" + Self.escape(display.emptyNote) + "</p>\n"
            case .table(let table, let display):
                let options = display.renderOptions(.html, rowCount: table.rowCount)
                html += "<div class=\"result\">\n" + TableRenderer(options: options).render(table) + "</div>\n"
            case .chart(let chart):
                figureNumber += 1
                html += "<figure class=\"chart\">\n" + chart.svg + "\n<figcaption><span class=\"figure-number\">Figure \(figureNumber).</span> "
                    + Self.escape(chart.title) + ". <span class=\"text-alternative\">"
                    + Self.escape(chart.textAlternative) + "</span></figcaption>\n</figure>\n"
            case .message(let text):
                html += "<p class=\"message\">" + Self.escape(text) + "</p>\n"
            case .error(let diagnostic):
                html += "<pre class=\"error\" role=\"alert\">" + Self.escape(diagnostic.formatted(colour: false)) + "</pre>\n"
            }
        }
        return html + "</section>\n"
    }

    /// Escapes `& < > "` for text and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
