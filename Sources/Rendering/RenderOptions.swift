public import Columnar

/// How `TableRenderer` writes a table. Defaults depend on the mode; see `init`.
public struct RenderOptions: Sendable {
    public var mode: OutputMode
    /// Column names as the first row (CSV/TSV header, grid header, Markdown/HTML head).
    public var showHeaders: Bool
    /// Text standing for NULL. JSON always writes `null` and ignores this.
    public var nullText: String
    /// Most rows shown; more are elided in the middle (first half and last half shown). 0 = all rows.
    public var maxRows: Int
    /// Terminal width in cells for table/box; wider grids truncate cells with `…` and then drop
    /// trailing columns. Nil = unlimited.
    public var maxWidth: Int?
    /// A `N rows` line after a table/box grid.
    public var showRowCount: Bool
    /// Column types (`bigint`, `varchar`, …) under the names in box mode.
    public var showColumnTypes: Bool
    /// ANSI styling (dim NULLs and types). Never set this for files or pipes.
    public var colour: Bool
    /// HTML `<caption>`.
    public var title: String?
    /// How each column is shown in the grid, Markdown and HTML modes (percents to one decimal, p-values
    /// to three significant digits, classes for band cells in HTML): the caller decides, as Rendering
    /// knows no domain. Nil: every column plain. CSV, TSV, JSON and line modes ignore it (full precision).
    public var columnStyles: (@Sendable (Field) -> ColumnStyle)?

    /// - Parameters:
    ///   - nullText: default `NULL`, empty for CSV/TSV.
    ///   - maxRows: default 40 for table/box, else 0 (all).
    ///   - showRowCount: default true for table/box.
    ///   - showColumnTypes: default true for box.
    public init(
        mode: OutputMode,
        showHeaders: Bool = true,
        nullText: String? = nil,
        maxRows: Int? = nil,
        maxWidth: Int? = nil,
        showRowCount: Bool? = nil,
        showColumnTypes: Bool? = nil,
        colour: Bool = false,
        title: String? = nil,
        columnStyles: (@Sendable (Field) -> ColumnStyle)? = nil
    ) {
        self.mode = mode
        self.showHeaders = showHeaders
        self.nullText = nullText ?? ((mode == .csv || mode == .tsv) ? "" : "NULL")
        self.maxRows = max(0, maxRows ?? (mode.isForTerminal ? 40 : 0))
        self.maxWidth = maxWidth
        self.showRowCount = showRowCount ?? mode.isForTerminal
        self.showColumnTypes = showColumnTypes ?? (mode == .box)
        self.colour = colour
        self.title = title
        self.columnStyles = columnStyles
    }
}
