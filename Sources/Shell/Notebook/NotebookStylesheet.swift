import Foundation
import Rendering

/// The notebook's own rules (title block, cell sources, errors, figures), added to the page after
/// `HTMLStylesheet.css`, which styles tables, bands and charts for every HTML output.
enum NotebookStylesheet {
    static let css = """
        .title-block { border-bottom: 2px solid #1b1b1b; margin-bottom: 1.5rem; padding-bottom: 0.5rem; }
        .title-block h1 { margin: 0 0 0.25rem; font-size: 1.9em; line-height: 1.2; }
        .byline { margin: 0; color: #4a4a4a; }
        h1, h2, h3 { line-height: 1.25; }
        h2 { margin-top: 2rem; }
        .cell { margin: 1rem 0 1.5rem; }
        pre { font: 9pt/1.45 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        pre.source { background: #f4f4f1; border-left: 3px solid #8a8a84; padding: 0.5rem 0.75rem; margin: 0 0 0.5rem;
                     overflow-x: auto; white-space: pre-wrap; }
        pre.error { background: #fdf0ef; border-left: 3px solid #b3261e; color: #5c0f0b; padding: 0.5rem 0.75rem;
                    white-space: pre; overflow-x: auto; }
        .result { overflow-x: auto; }
        /* A narrow result still leaves its caption room to read on one or two lines. */
        .result table { font-size: 0.92em; min-width: 24rem; }
        .message { color: #4a4a4a; font-style: italic; margin: 0.25rem 0; }
        .stopped { border: 2px solid #b3261e; padding: 0.5rem 0.75rem; font-weight: 600; }
        figure.chart { margin: 1rem 0; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 0.9em; color: #333; margin-top: 0.35rem; }
        .figure-number { font-weight: 600; }
        .text-alternative { color: #4a4a4a; }
        @media print {
          body { font-size: 10pt; }
          pre.source, pre.error { white-space: pre-wrap; }
          .result { overflow: visible; }
          .result table { font-size: 8.5pt; }
          pre, figure.chart, tr { break-inside: avoid; }
          /* A long table continues on the next page (its header repeated) rather than leaving a blank one. */
          .result table { break-inside: auto; }
          /* A heading, a cell's source and its result's caption stay with what follows them. */
          h2, h3, pre.source { break-after: avoid; }
        }

        """

    /// `page` (from `HTMLDocument`) with these rules in a second `<style>` in its head.
    static func adding(to page: String) -> String {
        guard let head = page.range(of: "</head>") else { return page }
        return page.replacingCharacters(in: head, with: "<style>\n" + css + "</style>\n</head>")
    }
}
