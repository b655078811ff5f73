/// The one stylesheet of yotq's HTML output (tables, bands, charts, notebook cells), inlined in every page.
public enum HTMLStylesheet {
    public static let css = """
        body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; margin: 0; }
        main { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
        table { border-collapse: collapse; margin: 0.75rem 0; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #555; }
        .num { text-align: right; }
        .null { color: #777; }
        @page { size: A4; margin: 18mm; }
        @media print { main { max-width: none; margin: 0; padding: 0; } table, figure { break-inside: avoid; } }

        """
}
