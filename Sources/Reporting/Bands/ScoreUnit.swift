import Inspection
import Rendering
/// What a measure's numbers are, for axis labels and value text: percent (0–100) or points on a scale.
enum ScoreUnit: Equatable {
    /// Percent of cases done well enough, 0–100.
    case percent
    /// Points on a fixed scale, e.g. the youth framework's total of twelve standards (0–36).
    case points(maximum: Double)

    /// The unit of a measure: from its framework's definition (`Framework.maximum(of:)`) when the
    /// frameworks know it, else from a title ending in a range such as `(0-36)`, else percent.
    static func of(framework: String?, measure: String?, title: String?, in frameworks: [Framework]) -> ScoreUnit {
        if let definition = frameworks.first(where: { $0.id == framework }),
            let known = measure.flatMap(definition.measure), let maximum = definition.maximum(of: known)
        {
            return known.value == .percent ? .percent : .points(maximum: maximum)
        }
        if let title, let maximum = rangeMaximum(in: title), maximum != 100 { return .points(maximum: maximum) }
        return .percent
    }

    /// The axis range: 0–100 for percent, 0 to the scale's maximum for points.
    var maximum: Double {
        switch self {
        case .percent: 100
        case .points(let maximum): maximum
        }
    }

    /// The axis label, naming the unit.
    var axisLabel: String {
        switch self {
        case .percent: "Score (%)"
        case .points(let maximum): "Points (0–" + SVGWriter.tickText(maximum) + ")"
        }
    }

    /// A value with its unit, for labels and text alternatives: `45%`, `17 points`, one decimal at most.
    func text(_ value: Double) -> String {
        let number = DecimalText.format(value, maxDecimals: 1) ?? "?"
        switch self {
        case .percent: return number + "%"
        case .points: return number + (value == 1 ? " point" : " points")
        }
    }

    /// `N` from a title ending in `(0-N)` or `(0–N)`.
    private static func rangeMaximum(in title: String) -> Double? {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "(") else { return nil }
        let inside = title[title.index(after: open)..<title.index(before: title.endIndex)]
        let bounds = inside.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard bounds.count == 2, bounds[0] == "0", let maximum = Double(bounds[1]), maximum > 0 else { return nil }
        return maximum
    }
}
