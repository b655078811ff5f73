import Columnar
import Rendering
import Reporting

/// A notebook run as one self-contained HTML page: title block, prose, each cell's source, tables,
/// charts (inline SVG in `<figure>`) and errors. Inline CSS only; no scripts, no external assets.
struct NotebookHTMLWriter {
    let run: NotebookRun

    func render() -> String {
        var body = titleBlock()
        var numbers = FigureNumbers()
        for block in run.blocks {
            switch block {
            case .prose(let text, _):
                var html = NotebookMarkdown.html(text)
                if let base = run.linkBase { html = ProseLinks.rebaseHTML(html, base: base) }
                body += "<div class=\"prose\">\n" + run.proseValues.html(html) + "\n</div>\n"
            case .cell(let cell, let outputs):
                body += section(cell, outputs, numbers: &numbers)
            case .stopped(let reason):
                body += "<p class=\"stopped\" role=\"alert\">" + escape(reason) + "</p>\n"
            }
        }
        var meta: [(name: String, content: String)] = [("generator", "yotq notebook")]
        if let author = run.frontMatter.author?.value { meta.append(("author", author)) }
        if let date = run.frontMatter.date?.value { meta.append(("date", date)) }
        return HTMLDocument(title: pageTitle, bands: run.context.palette, meta: meta, extraCSS: NotebookStylesheet.css)
            .render(body: body)
    }

    /// The front matter's title, else the first `# heading` of the prose, else the file's name.
    var pageTitle: String {
        if let title = run.frontMatter.title?.value { return title }
        for case .prose(let text, _) in run.blocks {
            if let heading = text.split(separator: "\n").first(where: { $0.hasPrefix("# ") }) {
                return run.proseValues.plain(heading.dropFirst(2).trimmingBlanks())
            }
        }
        return run.name.split(separator: "/").last.map(String.init) ?? run.name
    }

    private func titleBlock() -> String {
        guard let title = run.frontMatter.title?.value else { return "" }
        var html = "<header class=\"title-block\">\n<h1>" + escape(title) + "</h1>\n"
        let byline = [run.frontMatter.author?.value, run.frontMatter.date?.value].compactMap { $0 }
        if !byline.isEmpty {
            html += "<p class=\"byline\">" + byline.map(escape).joined(separator: " · ") + "</p>\n"
        }
        return html + "</header>\n"
    }

    /// A cell as `HTMLStylesheet` styles it: `.cell` holding `.cell-source` and `.cell-output` (tables,
    /// numbered figures, `.cell-message`, `.cell-error`).
    private func section(_ cell: NotebookCell, _ outputs: [CellOutput], numbers: inout FigureNumbers) -> String {
        guard cell.options.echo || !outputs.isEmpty else { return "" }
        var html = "<section class=\"cell\" id=\"cell-\(cell.fenceLine)\">\n"
        if cell.options.echo {
            html += "<pre class=\"cell-source\"><code class=\"language-sql\">" + escape(cell.source) + "</code></pre>\n"
        }
        if !outputs.isEmpty { html += "<div class=\"cell-output\">\n" }
        for output in outputs {
            switch output {
            case .table(let table, let display) where table.rowCount == 0:
                html += "<p class=\"cell-message\">" + escape(display.emptyNote) + "</p>\n"
            case .table(let table, let display):
                numbers.tables += 1
                let options = display.numbered(numbers.tables).renderOptions(
                    .html, rowCount: table.rowCount, context: run.context)
                html += TableRenderer(options: options).render(table)
            case .chart(let chart):
                // The title is drawn in the SVG; the caption numbers the figure and says what it shows in words.
                numbers.figures += 1
                // Ids carry the figure number: the same chart twice in one page must not share them.
                html += chart.withElementIDs(suffixed: "-f\(numbers.figures)").figure(
                    caption: NotebookCharts.caption(chart, number: numbers.figures))
            case .message(let text):
                html += "<p class=\"cell-message\">" + escape(text) + "</p>\n"
            case .error(let diagnostic):
                html +=
                    "<pre class=\"cell-error\" role=\"alert\">" + escape(diagnostic.formatted(colour: false))
                    + "</pre>\n"
            }
        }
        if !outputs.isEmpty { html += "</div>\n" }
        return html + "</section>\n"
    }

    private func escape(_ text: String) -> String { HTMLDocument.escape(text) }
}
