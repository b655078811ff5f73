public import Columnar

/// Which result columns hold percents and which hold bands, by name and type: the columns the verbs
/// produce and the names analysts give their own (`avg_score`, `band_2011`). The one place a report
/// learns this; tables and charts read it through `ReportContext`.
public enum ReportColumns {
    /// What a column holds, for display.
    public enum Kind: Sendable, Equatable {
        case plain
        /// Percent (0–100) or points: shown with at most one decimal.
        case percent
        /// Band names in any spelling (`SUBSTANTIAL improvement required`, `requires_improvement`).
        case band
        /// A p-value: three significant digits, scientific below 0.001, never a bare 0.
        case pValue
        /// Six significant digits (design effects, effective n, dispersion estimates).
        case significant
    }

    /// One rule: columns whose lower-case name matches and whose type is `type` hold `kind`.
    struct Rule {
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
        let kind: Kind
    }

    /// The first matching rule wins. Percent columns are DOUBLE only: BIGINT percents already print
    /// without decimals.
    static let rules: [Rule] =
        [
            // Scores and their summaries (compare, ranges, profile, funnel, deltas, distribution): percent.
            "score", "lowest", "highest", "average", "mean", "median", "q1", "q3", "national", "before", "after",
            "lower_95", "upper_95", "lower_998", "upper_998", "ci_low", "ci_high", "share", "percentile", "points",
            "diff_low", "diff_high",
        ].map { Rule(name: .exact($0), type: .double, kind: .percent) }
        + ["p", "p_value", "pvalue", "overdispersion_p"].map { Rule(name: .exact($0), type: .double, kind: .pValue) }
        + ["design_effect", "effective_n", "phi", "tau2"].map {
            Rule(name: .exact($0), type: .double, kind: .significant)
        }
        + [
            Rule(name: .suffix("_p_value"), type: .double, kind: .pValue),
            Rule(name: .suffix("_pct"), type: .double, kind: .percent),
            Rule(name: .suffix("_percent"), type: .double, kind: .percent),
            // A user's own score columns: `avg_score`, `score_2011`, `mean score`.
            Rule(name: .contains("score"), type: .double, kind: .percent),
            // Bands and ratings.
            Rule(name: .exact("band"), type: .varchar, kind: .band),
            Rule(name: .prefix("band_"), type: .varchar, kind: .band),
            Rule(name: .exact("rating"), type: .varchar, kind: .band),
            Rule(name: .exact("overall"), type: .varchar, kind: .band),
        ]

    /// What a column holds: the first rule matching its name (any case) and type, else `.plain`.
    /// A name with spaces for underscores (a notebook's headers: `diff low` for `diff_low`) matches as
    /// the underscored name.
    public static func kind(of field: Field) -> Kind {
        let name = String(field.name.lowercased().map { $0 == " " ? "_" : $0 })
        return rules.first { $0.type == field.type && $0.name.matches(name) }?.kind ?? .plain
    }
}
