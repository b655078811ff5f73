public import Columnar

/// How a column's numbers are shown to people (grid, Markdown and HTML modes). CSV, TSV and JSON always
/// keep full precision: display rounding happens here only.
public enum ColumnDisplay: Sendable, Equatable {
    /// Canonical text in grid and Markdown modes; in HTML, DOUBLE to six significant digits (`2/3` →
    /// `0.666667`, `45.0` → `45`): a paper has no use for the 17th digit. Magnitudes under 10⁻⁴ or of
    /// 10¹⁵ and more keep their canonical text, so nothing small is shown as 0.
    case plain
    /// Percent (0–100) or points: at most one decimal, a trailing `.0` dropped (`45.0` → `45`,
    /// `43.333` → `43.3`). NaN and infinities keep their canonical text. A column whose every value
    /// lies within ±1 is taken for fractions (a user's `share` of 0.456) and keeps its canonical text:
    /// one decimal would show 0.5.
    case percent
    /// A p-value: three significant digits (`0.00826`, `0.0498`, `0.5`), below 0.001 in scientific
    /// notation (`2.07e-05`); never a bare 0 (an underflow to 0 shows `<1e-300`).
    case pValue
    /// Six significant digits in every mode (design effects, effective n, dispersion estimates).
    case significant
}

/// How a table shows one column, said by the caller: Rendering knows no domain, so which columns are
/// percents or p-values and which text cells are bands (and their classes) comes from the layer that
/// knows the frameworks (`Reporting.ReportColumns`).
public struct ColumnStyle: Sendable {
    public var display: ColumnDisplay
    /// Extra classes for a text cell holding this string in HTML (`band band-good`); asked once per
    /// distinct string of a dictionary-encoded column.
    public var textClasses: (@Sendable (String) -> [String])?

    public init(display: ColumnDisplay = .plain, textClasses: (@Sendable (String) -> [String])? = nil) {
        self.display = display
        self.textClasses = textClasses
    }

    public static let plain = ColumnStyle()
}

/// The display text of a column's DOUBLE cells under a style, for the grid and Markdown modes; nil
/// when the column keeps its canonical text.
enum ColumnText {
    /// A formatter of the column's rows (nil for NULL), or nil when the canonical text stands.
    static func formatter(_ column: Column, display: ColumnDisplay, document: Bool) -> ((Int) -> String?)? {
        guard case .double(let values) = column.storage else { return nil }
        let format: (Double) -> String?
        switch display {
        case .percent
        where values.indices.contains { !column.isNull($0) && values[$0].isFinite && values[$0].magnitude > 1 }:
            format = { DecimalText.format($0, maxDecimals: 1) }
        case .percent, .plain:
            guard document else { return nil }
            format = significant
        case .pValue where document: format = { paperPValue($0) }
        case .pValue: format = { pValue($0) }
        case .significant: format = significant
        }
        return { row in
            if column.isNull(row) { return nil }
            return format(values[row]) ?? Value.format(values[row])
        }
    }

    /// Six significant digits in fixed notation; nil (canonical text) under 10⁻⁴ or from 10¹⁵.
    static func significant(_ value: Double) -> String? {
        if value == 0 { return "0" }
        guard value.isFinite, value.magnitude >= 1e-4 else { return nil }
        let magnitude = powerOfTen(value.magnitude)
        return DecimalText.format(value, maxDecimals: min(6, max(0, 5 - magnitude)))
    }

    /// Three significant digits; scientific below 0.001; `<1e-300` for an exact 0.
    /// Whether `value` shown with `decimals` decimals would land on the other side of 0.05, 0.01 or 0.001.
    static func crossesAThreshold(_ value: Double, decimals: Int) -> Bool {
        guard let shown = DecimalText.format(value, maxDecimals: decimals), let back = Double(shown) else {
            return false
        }
        return [0.05, 0.01, 0.001].contains { (value < $0) != (back < $0) }
    }

    /// A p-value as a paper prints it: `< 0.001` below 0.001, else as `pValue`.
    static func paperPValue(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        return value < 0.001 ? "< 0.001" : pValue(value)
    }

    static func pValue(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "<1e-300" }
        let magnitude = powerOfTen(value.magnitude)
        if value.magnitude >= 0.001 {
            // Three significant digits, more where rounding would carry the value across a threshold
            // readers judge by (0.04996 is not "0.05").
            var decimals = min(6, max(0, 2 - magnitude))
            while decimals < 8 && crossesAThreshold(value, decimals: decimals) { decimals += 1 }
            return DecimalText.format(value, maxDecimals: decimals)
        }
        var exponent = magnitude
        var scale = 1.0
        for _ in 0..<(-exponent) { scale *= 10 }
        var mantissa = (value.magnitude * scale * 100).rounded(.toNearestOrAwayFromZero) / 100
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        guard let digits = DecimalText.format(mantissa, maxDecimals: 2) else { return nil }
        let power = String(-exponent)
        return (value < 0 ? "-" : "") + digits + "e-" + (power.count < 2 ? "0" : "") + power
    }

    /// The power of ten of the leading digit (0 for 1–9.99, -1 for 0.1–0.999, ...) of a positive finite value.
    static func powerOfTen(_ value: Double) -> Int {
        var magnitude = 0
        var scaled = value
        while scaled >= 10 {
            scaled /= 10
            magnitude += 1
        }
        while scaled < 1 {
            scaled *= 10
            magnitude -= 1
        }
        return magnitude
    }
}

/// The text and extra classes of each cell of one column in HTML, built once per column so the row loop
/// does no rule matching (band lookups are made once per distinct string of a dictionary).
struct HTMLColumnFormat {
    /// Text (nil for NULL) and classes beyond `num`/`null` of the cell at a row.
    let cell: (Int) -> (text: String?, classes: [String])

    init(_ column: Column, style: ColumnStyle) {
        if let format = ColumnText.formatter(column, display: style.display, document: true) {
            cell = { row in (format(row), []) }
            return
        }
        switch column.storage {
        case .varchar(let codes, let dictionary) where style.textClasses != nil:
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
}
