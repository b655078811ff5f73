public import Columnar

/// What a verb runs on: its positional arguments, its clauses as options, the session's inspection data
/// and, for verbs that read other tables (`deltas` over outcome indicators), the session's tables.
public struct VerbCall {
    /// Positional arguments as given (text for names; NULL where the caller passed one).
    public let arguments: [Value]
    public let options: VerbOptions
    public let data: InspectionData
    /// A table of the session by name, nil when there is none.
    public let table: (String) -> Table?

    public init(
        arguments: [Value], options: VerbOptions, data: InspectionData, table: @escaping (String) -> Table?
    ) {
        self.arguments = arguments
        self.options = options
        self.data = data
        self.table = table
    }

    /// The argument at `index` as text; nil when absent or NULL.
    public func text(_ index: Int) -> String? {
        guard index < arguments.count, !arguments[index].isNull else { return nil }
        return arguments[index].description
    }

    /// The argument at `index` as text, required: `what` names it in the error (`an area`).
    public func text(_ index: Int, _ what: String) throws(InspectionError) -> String {
        guard let text = text(index) else { throw .badArgument("needs \(what)") }
        return text
    }
}
