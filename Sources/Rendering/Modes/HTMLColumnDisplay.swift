import Columnar

/// How an HTML table shows a column's cells beyond the plain text, decided once per column by
/// `HTMLColumnRule.rules`.
enum HTMLColumnDisplay: Equatable {
    /// Canonical text (CSV-like), numbers right-aligned; DOUBLE to six significant digits (`2/3` →
    /// `0.666667`, `45.0` → `45`): a paper has no use for the 17th digit. Magnitudes under 10⁻⁴ or of
    /// 10¹⁵ and more keep their canonical text, so nothing small is shown as 0.
    case plain
    /// Percent (0–100) or points: at most one decimal, a trailing `.0` dropped (`45.0` → `45`,
    /// `43.333` → `43.3`). NaN and infinities keep their canonical text. A column whose every value
    /// lies within ±1 is taken for fractions (a user's `share` of 0.456) and keeps its canonical text:
    /// one decimal would show 0.5.
    case percent
    /// Band names in any spelling (`SUBSTANTIAL improvement required`, `requires_improvement`): cells get
    /// `band band-<slug>`. In other text columns only exact band names (`Good`, `DRASTIC`) do.
    case band
}

/// One row of the rule table: columns whose name matches (case-insensitively) and whose type is `type`
/// are shown as `display`. The first matching rule wins; no match is `.plain`.
struct HTMLColumnRule {
    enum Name {
        case exact(String)
        case prefix(String)
        case suffix(String)
        case contains(String)

        func matches(_ name: String) -> Bool {
            switch self {
            case .exact(let wanted): name == wanted
            case .prefix(let start): name.hasPrefix(start)
            case .suffix(let end): name.hasSuffix(end)
            case .contains(let part): name.contains(part)
            }
        }
    }

    let name: Name
    let type: DataType
    let display: HTMLColumnDisplay

    /// The columns the inspection verbs produce, by what they hold. Percent columns are DOUBLE only:
    /// BIGINT percents already print without decimals.
    static let rules: [HTMLColumnRule] =
        [
            // Scores and their summaries (compare, ranges, profile, funnel, deltas, distribution): percent.
            "score", "lowest", "highest", "average", "mean", "median", "q1", "q3", "national", "before", "after",
            "lower_95", "upper_95", "lower_998", "upper_998", "ci_low", "ci_high", "share", "percentile", "points",
            "diff_low", "diff_high",
        ].map { HTMLColumnRule(name: .exact($0), type: .double, display: .percent) }
        + [
            HTMLColumnRule(name: .suffix("_pct"), type: .double, display: .percent),
            HTMLColumnRule(name: .suffix("_percent"), type: .double, display: .percent),
            // A user's own score columns: `avg_score`, `score_2011`, `mean score`.
            HTMLColumnRule(name: .contains("score"), type: .double, display: .percent),
            // Bands and ratings.
            HTMLColumnRule(name: .exact("band"), type: .varchar, display: .band),
            HTMLColumnRule(name: .prefix("band_"), type: .varchar, display: .band),
            HTMLColumnRule(name: .exact("rating"), type: .varchar, display: .band),
            HTMLColumnRule(name: .exact("overall"), type: .varchar, display: .band),
        ]

    /// The display of a column: the first rule matching its name and type, else `.plain`.
    static func display(for field: Field) -> HTMLColumnDisplay {
        let name = field.name.lowercased()
        return rules.first { $0.type == field.type && $0.name.matches(name) }?.display ?? .plain
    }
}

/// The text and extra classes of each cell of one column, built once per column so the row loop does no
/// rule matching (band lookups are made once per distinct string of a dictionary).
struct HTMLColumnFormat {
    /// Text (nil for NULL) and classes beyond `num`/`null` of the cell at a row.
    let cell: (Int) -> (text: String?, classes: [String])

    init(_ column: Column, field: Field) {
        let display = HTMLColumnRule.display(for: field)
        switch (column.storage, display) {
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
        case (.varchar(let codes, let dictionary), _):
            let lenient = display == .band
            let band: (String) -> BandStyle? = {
                lenient ? BandPalette.band(matching: $0) : BandPalette.band(named: $0)
            }
            if dictionary.count <= column.count {
                let classes: [[String]] = dictionary.strings.map { text in band(text).map { [$0.cssClass] } ?? [] }
                cell = { row in column.isNull(row) ? (nil, []) : (dictionary[codes[row]], classes[Int(codes[row])]) }
            } else {
                cell = { row in
                    guard !column.isNull(row) else { return (nil, []) }
                    let text = dictionary[codes[row]]
                    return (text, band(text).map { [$0.cssClass] } ?? [])
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
