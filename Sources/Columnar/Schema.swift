/// A named, typed column slot of a table.
public struct Field: Sendable, Hashable {
    public var name: String
    public var type: DataType

    public init(name: String, type: DataType) {
        self.name = name
        self.type = type
    }
}

/// The ordered fields of a table. Names are kept as written; lookup is case-insensitive (SQL identifiers).
public struct Schema: Sendable, Hashable {
    public var fields: [Field]

    public init(_ fields: [Field]) { self.fields = fields }

    public var names: [String] { fields.map(\.name) }

    /// Index of the first field named `name`, compared case-insensitively.
    public func index(of name: String) -> Int? {
        let wanted = name.lowercased()
        return fields.firstIndex { $0.name.lowercased() == wanted }
    }
}
