import Reporting
/// What a notebook page needs beyond `HTMLStylesheet.css` (which styles tables, bands, charts and cells):
/// the title block, the "stopped" note, and print rules for long results (`HTMLDocument.extraCSS`).
enum NotebookStylesheet {
    static let css = """
        .title-block { border-bottom: 2px solid #1b1b1b; margin-bottom: 1.5rem; padding-bottom: 0.5rem; }
        .title-block h1 { margin: 0 0 0.25rem; font-size: 1.9em; }
        .title-block .byline { margin: 0; }
        .stopped { border: 2px solid #D55E00; padding: 0.5rem 0.75rem; font-weight: 600; }
        .cell-source { white-space: pre-wrap; }
        /* A narrow result still leaves its caption room to read on one or two lines. */
        .cell-output table { min-width: 24rem; }
        @media print {
          body { font-size: 10pt; }
          .cell-output table { font-size: 8.5pt; }
          /* A long table continues on the next page (its header repeated) rather than leaving a blank one. */
          .cell-output table { break-inside: auto; }
          tr { break-inside: avoid; }
          caption, thead { break-after: avoid; }
          /* A heading and a cell's source stay with what follows them. */
          .cell-source { break-after: avoid; }
        }

        """
}
