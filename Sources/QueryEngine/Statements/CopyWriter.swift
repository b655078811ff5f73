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
    /// Options beyond FORMAT, HEADER and DELIMITER that some format takes (`sheet`), lower case.
    public let optionNames: [String]
    /// Whether `format` takes option `name` with `value`: nil if so, else the error (shown under the option).
    public let checkOption: @Sendable (_ format: String, _ name: String, _ value: Value) -> String?

    public init(
        formats: [String], formatForExtension: @escaping @Sendable (String) -> String?,
        optionNames: [String] = [],
        checkOption: @escaping @Sendable (_ format: String, _ name: String, _ value: Value) -> String? = { _, name, _ in
            "Unknown COPY option \(name)"
        },
        write: @escaping @Sendable (Table, CopyTarget) throws -> Void
    ) {
        self.formats = formats
        self.formatForExtension = formatForExtension
        self.optionNames = optionNames
        self.checkOption = checkOption
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
    /// The format's own options by lower-case name (`sheet` for xlsx and ods), each checked by
    /// `CopyWriter.checkOption`.
    public let options: [String: Value]
    /// True once Ctrl-C asked the statement to stop: a writer checks it between chunks and gives up
    /// (leaving the target as it was).
    public let isInterrupted: @Sendable () -> Bool

    public static func == (a: CopyTarget, b: CopyTarget) -> Bool {
        a.path == b.path && a.format == b.format && a.header == b.header && a.title == b.title
            && a.options == b.options
    }
}
