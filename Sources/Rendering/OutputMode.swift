/// How a result table is written. Help text and file naming come from this table of modes.
public enum OutputMode: String, Sendable, CaseIterable {
    case table, box, csv, tsv, json, jsonl, markdown, html, line

    /// One line for `.help` / `.mode` listings.
    public var summary: String {
        switch self {
        case .table: "ASCII grid (+---+), numbers right-aligned, row count below"
        case .box: "Unicode box grid with column types under the names, row count below"
        case .csv: "comma-separated values (RFC 4180), NULL as an empty field"
        case .tsv: "tab-separated values, quoted like CSV where needed"
        case .json: "one JSON array of row objects"
        case .jsonl: "JSON Lines: one object per row"
        case .markdown: "GitHub Markdown table"
        case .html: "HTML <table>: percents without spurious decimals, band cells classed (COPY: a whole page)"
        case .line: "one `name = value` line per column, blank line between rows"
        }
    }

    /// Usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .table, .box, .line: "txt"
        case .csv: "csv"
        case .tsv: "tsv"
        case .json: "json"
        case .jsonl: "jsonl"
        case .markdown: "md"
        case .html: "html"
        }
    }

    /// The mode a file name's extension suggests (`.csv`, `.md`, `.ndjson`, …), if any.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// True for modes meant for people at a terminal, which show a bounded number of rows by default.
    public var isForTerminal: Bool { self == .table || self == .box }
}
