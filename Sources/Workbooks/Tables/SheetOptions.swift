public import Columnar

/// How a sheet becomes a table: DuckDB's `read_xlsx` option names.
public struct SheetOptions: Sendable {
    /// The sheet's name (exact, then case-insensitive); nil: the first sheet.
    public var sheet: String?
    /// The cells to read, header row included; nil: the used range, title rows above the header skipped.
    public var range: CellRange?
    /// The first row names the columns; nil: detect (a row of text over a row that is not all text).
    public var header: Bool?
    /// Every column VARCHAR: numbers as the text a sheet shows, dates as ISO dates.
    public var allVarchar = false
    /// A cell its column's type cannot hold becomes NULL (counted in a warning) instead of an error.
    public var ignoreErrors = false
    /// Stop at the first empty row; nil: yes without `range`, no with one (DuckDB's default).
    public var stopAtEmpty: Bool?

    public init(
        sheet: String? = nil, range: CellRange? = nil, header: Bool? = nil, allVarchar: Bool = false,
        ignoreErrors: Bool = false, stopAtEmpty: Bool? = nil
    ) {
        self.sheet = sheet
        self.range = range
        self.header = header
        self.allVarchar = allVarchar
        self.ignoreErrors = ignoreErrors
        self.stopAtEmpty = stopAtEmpty
    }
}

/// A sheet read as a table, and what the reader wants the analyst to know.
public struct SheetTable: Sendable {
    public let sheet: String
    public let table: Table
    /// The cells read (header row included).
    public let range: CellRange?
    /// Rows skipped above the header, rows left below, error cells turned NULL.
    public let warnings: [String]
}
