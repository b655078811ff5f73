public import Columnar

/// Options of `read_csv`; nil means "sniff it".
public struct CSVOptions: Sendable {
    public var header: Bool?
    /// One ASCII byte: `,` `;` `\t` `|`.
    public var delimiter: UInt8?
    /// Column name (case-insensitive) → forced type.
    public var types: [String: DataType]

    public init(header: Bool? = nil, delimiter: UInt8? = nil, types: [String: DataType] = [:]) {
        self.header = header
        self.delimiter = delimiter
        self.types = types
    }
}

/// RFC 4180 reader with whole-file type sniffing. (Placeholder: replaced by the ingest work.)
public enum CSVReader {
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws(IngestError) -> Table {
        throw IngestError(path: path, message: "CSV reading is not implemented yet")
    }
}
