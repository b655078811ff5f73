/// Why an inspection verb cannot answer. The shell formats these once; `candidates` feed its
/// "did you mean".
public enum InspectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingTable(String)
    case missingColumn(table: String, column: String)
    case unknownArea(String, candidates: [String])
    case unknownMeasure(String, candidates: [String])
    case unknownFramework(String, candidates: [String])
    /// A named option (`bins := 4`) the verb does not take; `candidates` are the ones it does.
    case unknownOption(String, verb: String, candidates: [String])
    case badArgument(String)
    case badJudgement(String)
    case noFrameworks

    public var description: String {
        switch self {
        case .missingTable(let name): "no table \(name) in this session (load a dataset first)"
        case .missingColumn(let table, let column): "table \(table) has no column \(column)"
        case .unknownArea(let name, _): "no area named \"\(name)\""
        case .unknownMeasure(let name, _): "no measure named \"\(name)\""
        case .unknownFramework(let name, _): "no framework \"\(name)\""
        case .unknownOption(let name, let verb, let accepted):
            "\(verb) has no option \(name)"
                + (accepted.isEmpty ? " (it takes none)" : " (it takes \(VerbClause.list(accepted, last: "and")))")
        case .badArgument(let message): message
        case .badJudgement(let message): message
        case .noFrameworks: "no inspection frameworks loaded (Datasets/frameworks/*.json)"
        }
    }

    /// Names close to the one asked for (the shell picks the closest).
    public var candidates: [String] {
        switch self {
        case .unknownArea(_, let c), .unknownMeasure(_, let c), .unknownFramework(_, let c),
            .unknownOption(_, _, let c):
            c
        default: []
        }
    }
}
