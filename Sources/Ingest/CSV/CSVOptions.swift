public import Columnar

/// Options of `read_csv`; nil means "sniff it".
public struct CSVOptions: Sendable {
    /// Whether the first record names the columns; nil sniffs it (rule on `CSVReader`).
    public var header: Bool?
    /// One ASCII byte: `,` `;` `\t` `|`; nil sniffs it (a `.tsv` file is tab-separated).
    public var delimiter: UInt8?
    /// Column name (case-insensitive) → forced type; a value that does not convert is an error.
    public var types: [String: DataType]
    /// Told how far the read has got after each parallel step (about 16 MB): bytes of the file parsed and
    /// the file's size in bytes. Returning false stops the read (Ctrl-C), which then throws an
    /// `IngestError` whose `isInterruption` is true. A file re-read for typing reports its passes again.
    public var progress: ReadProgress?

    public init(
        header: Bool? = nil, delimiter: UInt8? = nil, types: [String: DataType] = [:],
        progress: ReadProgress? = nil
    ) {
        self.header = header
        self.delimiter = delimiter
        self.types = types
        self.progress = progress
    }
}

/// Told how far a read has got: bytes of the file parsed and the file's size in bytes. Returning false
/// stops the read (Ctrl-C).
public typealias ReadProgress = @Sendable (_ bytesDone: Int, _ bytesTotal: Int) -> Bool
