public import Columnar

/// How `COPY … TO` writes its file. The host injects it (the shell: the Reporting module's table files),
/// so the engine parses COPY and runs its query but neither renders nor writes files itself.
public struct CopyWriter: Sendable {
    /// The names `FORMAT` accepts, lower case (for errors and "did you mean").
    public let formats: [String]
    /// The format a file extension (without the dot, any case) calls for; nil for one it does not know.
    public let formatForExtension: @Sendable (String) -> String?
    /// Writes the table to `target.path`, all or nothing. The error's description is shown after
    /// "Cannot write PATH: ".
    public let write: @Sendable (Table, CopyTarget) throws -> Void

    public init(
        formats: [String], formatForExtension: @escaping @Sendable (String) -> String?,
        write: @escaping @Sendable (Table, CopyTarget) throws -> Void
    ) {
        self.formats = formats
        self.formatForExtension = formatForExtension
        self.write = write
    }
}

/// Where and how one COPY writes.
public struct CopyTarget: Sendable, Equatable {
    public let path: String
    /// One of `CopyWriter.formats`.
    public let format: String
    /// Column names as the first row (or header cells).
    public let header: Bool
    /// The page or sheet title a format may use: the file's base name (`scores` for `out/scores.html`).
    public let title: String
    /// True once Ctrl-C asked the statement to stop: a writer checks it between chunks and gives up
    /// (leaving the target as it was).
    public let isInterrupted: @Sendable () -> Bool

    public static func == (a: CopyTarget, b: CopyTarget) -> Bool {
        a.path == b.path && a.format == b.format && a.header == b.header && a.title == b.title
    }
}
