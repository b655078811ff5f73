/// One statement of a script, with its whole text range (for echo, history and error carets).
public struct Statement: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Sendable {
        case query(Query)
        case createTableAs(name: String, orReplace: Bool, ifNotExists: Bool, query: Query)
        /// `CREATE TABLE t (a BIGINT, b VARCHAR)`.
        case createTable(name: String, orReplace: Bool, ifNotExists: Bool, columns: [ColumnDefinition])
        case createView(name: String, orReplace: Bool, query: Query)
        case drop(ObjectKind, name: String, ifExists: Bool)
        case insert(table: String, columns: [String]?, source: Query)
        /// `COPY (query) TO 'file' (FORMAT csv, HEADER true)` or `COPY table TO ...`.
        case copy(source: CopySource, path: String, options: [(name: String, value: Expression)])
        case describe(DescribeTarget)
        case showTables
        case explain(Statement)
    }
}

public enum ObjectKind: String, Sendable { case table = "TABLE", view = "VIEW" }

public enum CopySource: Sendable {
    case table(String, range: SourceRange)
    case query(Query)
}

public enum DescribeTarget: Sendable {
    case table(String, range: SourceRange)
    case query(Query)
}

public struct ColumnDefinition: Sendable {
    public var name: String
    public var type: TypeName

    public init(name: String, type: TypeName) {
        self.name = name
        self.type = type
    }
}
