import Rendering
/// The one stylesheet of yotq's HTML output (tables, bands, charts, notebook cells), inlined in every page
/// by `HTMLDocument`. Readable on screen, printable on A4 (backgrounds of band cells kept in print).
///
/// Class names, for anyone writing HTML that this sheet styles:
///
/// | selector | where | what it does |
/// |---|---|---|
/// | `table`, `caption`, `th[scope=col]` | `HTMLRenderer` | ruled table, caption above at the left; scrolls sideways on narrow screens |
/// | `.num` | numeric `th`/`td` | right-aligned, tabular figures, never broken across lines |
/// | `.date` | DATE cells and text dates (`2011-12`) | never broken across lines |
/// | `.null` | NULL cells | grey |
/// | `.elided` | the "… N more rows …" row | centred, grey |
/// | `.band` + `.band-<slug>` | band cells (`BandStyle.cssClass`) | tint behind the name, a swatch of the band's colour and shape before it |
/// | `figure.chart`, `figcaption` | `Chart.figure(caption:)` | a chart scaled to the column width, caption below |
/// | `.cell` | a notebook cell: wraps `.cell-source` and `.cell-output` | spacing |
/// | `.cell-source` | `<pre class="cell-source"><code>` of the cell's SQL | grey box, monospace |
/// | `.cell-output` | wraps a cell's tables, charts and messages | |
/// | `.cell-message` | a statement's message ("3 rows written") | grey, small |
/// | `.cell-error` | a failing cell's error (`<pre class="cell-error">`) | red rule at the left, dark red text |
/// | `.byline` | author and date under the title | grey |
/// | `pre`, `code` | any code | monospace, wrapped on print |
///
/// Band slugs come from the frameworks' band labels (`requires-improvement`); colours from `BandPalette`.
public enum HTMLStylesheet {
    /// The sheet with the rules for `bands` (the session's frameworks' bands).
    public static func css(bands: BandPalette) -> String { base + bands.css + figures + notebookCells + print }

    static let base = """
        body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; margin: 0; }
        main { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
        h1, h2, h3 { line-height: 1.2; margin: 1.4em 0 0.5em; }
        table { border-collapse: collapse; margin: 0.75rem 0; font-size: 0.92em; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #555; }
        .num { text-align: right; white-space: nowrap; }
        .date { white-space: nowrap; }
        .null { color: #6b6b6b; }
        .elided td { text-align: center; color: #6b6b6b; }
        @media screen { table { display: block; max-width: 100%; overflow-x: auto; } }

        """

    static let figures = """
        figure.chart { margin: 1rem 0; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 0.9em; color: #555; margin-top: 0.3rem; }

        """

    static let notebookCells = """
        .byline { color: #555; margin-top: -0.3em; }
        pre, code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        pre { overflow-x: auto; }
        .cell { margin: 1rem 0 1.5rem; }
        .cell-source { background: #f3f3f3; border-left: 3px solid #999; padding: 0.5rem 0.75rem; margin: 0 0 0.5rem; }
        .cell-message { color: #555; font-size: 0.9em; }
        .cell-error { color: #8a1c00; border-left: 3px solid #D55E00; padding: 0.4rem 0.75rem; margin: 0.5rem 0; \
        background: #fdf1ea; white-space: pre-wrap; }

        """

    static let print = """
        @page { size: A4; margin: 18mm; }
        @media print {
          main { max-width: none; margin: 0; padding: 0; }
          table, figure, .cell-source, .cell-error { break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; }
          pre { white-space: pre-wrap; }
        }

        """
}
