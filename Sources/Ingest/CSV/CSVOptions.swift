public import Columnar

/// Options of `read_csv`; nil means "sniff it".
public struct CSVOptions: Sendable {
    /// Whether the first record names the columns; nil sniffs it (rule on `CSVReader`).
    public var header: Bool?
    /// One ASCII byte: `,` `;` `\t` `|`; nil sniffs it (a `.tsv` file is tab-separated).
    public var delimiter: UInt8?
    /// Column name (case-insensitive) → forced type; a value that does not convert is an error.
    public var types: [String: DataType]

    public init(header: Bool? = nil, delimiter: UInt8? = nil, types: [String: DataType] = [:]) {
        self.header = header
        self.delimiter = delimiter
        self.types = types
    }
}
