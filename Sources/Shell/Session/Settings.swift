public import Rendering

/// What the user can change with meta-commands and flags; everything a result's printing depends on.
public struct Settings: Sendable {
    public var mode: OutputMode = .box
    public var showHeaders = true
    /// Text for NULL in aligned modes; nil keeps each mode's own default.
    public var nullText: String?
    /// Rows shown in table/box mode (first and last halves); 0 shows every row.
    public var maxRows = 40
    /// Columns of the terminal (table/box fit into it); nil leaves results as wide as they are.
    public var maxWidth: Int?
    /// Stop at the first failing statement.
    public var bail = false
    /// Print each statement before running it.
    public var echo = false
    /// Print how long each statement took.
    public var timer = false
    /// ANSI colour for headers, NULLs and errors: only on a terminal with NO_COLOR unset.
    public var colour = false
    /// The interactive shell's history file, listed by `.history`; nil: the default location.
    public var historyPath: String?

    public init() {}
}
