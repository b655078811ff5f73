import Columnar

/// How an HTML table shows a column's numbers beyond the plain text.
public enum HTMLColumnDisplay: Sendable, Equatable {
    /// Canonical text (CSV-like), numbers right-aligned; DOUBLE to six significant digits (`2/3` →
    /// `0.666667`, `45.0` → `45`): a paper has no use for the 17th digit. Magnitudes under 10⁻⁴ or of
    /// 10¹⁵ and more keep their canonical text, so nothing small is shown as 0.
    case plain
    /// Percent (0–100) or points: at most one decimal, a trailing `.0` dropped (`45.0` → `45`,
    /// `43.333` → `43.3`). NaN and infinities keep their canonical text. A column whose every value
    /// lies within ±1 is taken for fractions (a user's `share` of 0.456) and keeps its canonical text:
    /// one decimal would show 0.5.
    case percent
}

/// How an HTML table shows one column, said by the caller: Rendering knows no domain, so which
/// columns are percents and which text cells are bands (and their classes) comes from the layer that
/// knows the frameworks (`Reporting.ReportColumns`).
public struct HTMLColumnStyle: Sendable {
    public var display: HTMLColumnDisplay
    /// Extra classes for a text cell holding this string (`band band-good`); asked once per distinct
    /// string of a dictionary-encoded column.
    public var textClasses: (@Sendable (String) -> [String])?

    public init(display: HTMLColumnDisplay = .plain, textClasses: (@Sendable (String) -> [String])? = nil) {
        self.display = display
        self.textClasses = textClasses
    }

    public static let plain = HTMLColumnStyle()
}

/// The text and extra classes of each cell of one column, built once per column so the row loop does no
/// rule matching (band lookups are made once per distinct string of a dictionary).
struct HTMLColumnFormat {
    /// Text (nil for NULL) and classes beyond `num`/`null` of the cell at a row.
    let cell: (Int) -> (text: String?, classes: [String])

    init(_ column: Column, style: HTMLColumnStyle) {
        switch (column.storage, style.display) {
        case (.double(let values), .percent)
        where values.indices.contains { !column.isNull($0) && values[$0].isFinite && values[$0].magnitude > 1 }:
            cell = { row in
                if column.isNull(row) { return (nil, []) }
                return (DecimalText.format(values[row], maxDecimals: 1) ?? Value.format(values[row]), [])
            }
        case (.double(let values), _):
            cell = { row in
                if column.isNull(row) { return (nil, []) }
                return (HTMLColumnFormat.significant(values[row]) ?? Value.format(values[row]), [])
            }
        case (.varchar(let codes, let dictionary), _) where style.textClasses != nil:
            let classify = style.textClasses!
            if dictionary.count <= column.count {
                let classes: [[String]] = dictionary.strings.map(classify)
                cell = { row in column.isNull(row) ? (nil, []) : (dictionary[codes[row]], classes[Int(codes[row])]) }
            } else {
                cell = { row in
                    guard !column.isNull(row) else { return (nil, []) }
                    let text = dictionary[codes[row]]
                    return (text, classify(text))
                }
            }
        default:
            cell = { row in (CellText.canonical(column, row: row), []) }
        }
    }

    /// Six significant digits in fixed notation; nil (canonical text) under 10⁻⁴ or from 10¹⁵.
    static func significant(_ value: Double) -> String? {
        if value == 0 { return "0" }
        guard value.isFinite, value.magnitude >= 1e-4 else { return nil }
        // The power of ten of the leading digit (0 for 1–9.99, -1 for 0.1–0.999, ...).
        var magnitude = 0
        var scaled = value.magnitude
        while scaled >= 10 {
            scaled /= 10
            magnitude += 1
        }
        while scaled < 1 {
            scaled *= 10
            magnitude -= 1
        }
        return DecimalText.format(value, maxDecimals: min(6, max(0, 5 - magnitude)))
    }
}
