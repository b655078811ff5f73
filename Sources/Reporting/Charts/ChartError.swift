public import Inspection
import Rendering
/// Why a table cannot be drawn as the chart asked for.
public enum ChartError: Error, Equatable, CustomStringConvertible {
    /// The table lacks columns the chart reads.
    case missingColumns(ChartKind, [String])
    /// Nothing to draw.
    case noRows(ChartKind)

    public var description: String {
        switch self {
        case .missingColumns(let kind, let names):
            "a \(kind.rawValue) chart needs the column\(names.count == 1 ? "" : "s") \(names.joined(separator: ", "))"
        case .noRows(let kind): "no rows to draw as a \(kind.rawValue) chart"
        }
    }
}
