import Inspection
import Columnar

/// Small fixed tables with the columns the inspection verbs produce, for the chart tests.
enum ChartFixtures {
    /// `compare Harrow` on the bundled data (Harrow's 2011 cci scores against the other areas, and its
    /// youth-2018 total in points).
    static let compareHarrow = table(
        ["framework", "measure", "title", "lowest", "highest", "average", "areas", "area", "score", "band", "rank"],
        [.varchar, .varchar, .varchar, .bigint, .bigint, .double, .bigint, .varchar, .bigint, .varchar, .bigint],
        [
            [
                "cci-2009", "safeguarding", "Safeguarding work (action to protect the young person)", 28, 83, 56.9, 14,
                "Harrow", 45, "SUBSTANTIAL", 11,
            ],
            [
                "cci-2009", "risk_of_harm", "Risk of Harm to others work (action to protect the public)", 29, 77, 54.9,
                16, "Harrow", 43, "DRASTIC", 14,
            ],
            [
                "cci-2009", "likelihood_of_reoffending",
                "Likelihood of Reoffending work (individual less likely to reoffend)", 53, 86, 67.4, 14, "Harrow", 53,
                "SUBSTANTIAL", 14,
            ],
            [
                "youth-2018", "total", "Total of the twelve standards' points (0-36)", 0, 36, 21.2, 66, "Harrow", 17,
                "Requires improvement", 45,
            ],
        ])

    /// Synthetic: two areas of a generic SQL table (no framework, no title), one without a score.
    static let twoAreas = table(
        ["area", "measure", "score", "lowest", "highest", "average", "band"],
        [.varchar, .varchar, .double, .double, .double, .double, .varchar],
        [
            ["Synthetic A", "safeguarding", 62.5, 40, 90, 66.1, "MODERATE"],
            ["Synthetic B & <Sons>", "safeguarding", nil, 40, 90, 66.1, nil],
        ])

    /// Synthetic: numeric buckets of one measure, as `distribution safeguarding` gives them.
    static let distribution = table(
        ["framework", "measure", "group", "bucket", "bucket_from", "bucket_to", "count", "share"],
        [.varchar, .varchar, .varchar, .varchar, .bigint, .bigint, .bigint, .double],
        [40, 50, 60, 70, 80, 90].enumerated().map { index, from in
            [
                "cci-2009", "safeguarding", "all", "[\(from), \(from + 10))", from, from + 10,
                [3, 12, 20, 14, 6, 1][index], 0,
            ]
        })

    /// Synthetic: ratings per region (`distribution overall BY region`), named buckets.
    static let ratingsByRegion = table(
        ["framework", "measure", "group", "bucket", "bucket_from", "bucket_to", "count", "share"],
        [.varchar, .varchar, .varchar, .varchar, .bigint, .bigint, .bigint, .double],
        [
            ["youth-2018", "overall", "North", "Outstanding", nil, nil, 1, 10],
            ["youth-2018", "overall", "North", "Good", nil, nil, 6, 60],
            ["youth-2018", "overall", "North", "Requires improvement", nil, nil, 3, 30],
            ["youth-2018", "overall", "South", "Good", nil, nil, 4, 50],
            ["youth-2018", "overall", "South", "Inadequate", nil, nil, 2, 25],
            ["youth-2018", "overall", "South", "(no rating)", nil, nil, 2, 25],
        ])

    /// Synthetic: a `funnel safeguarding` result of eight inspections: two outside the 99.8% limits, two only
    /// outside the 95% limits.
    static let funnel: Table = {
        let rows: [(String, Int, Double)] = [
            ("Synthetic A", 40, 71), ("Synthetic B", 80, 90), ("Synthetic C", 120, 52), ("Synthetic D", 160, 69),
            ("Synthetic E", 200, 66), ("Synthetic F", 240, 76), ("Synthetic G", 280, 61), ("Synthetic H", 320, 70),
        ]
        let national = 68.0
        return table(
            [
                "framework", "measure", "area", "n", "score", "national", "lower_998", "lower_95", "upper_95",
                "upper_998",
            ],
            [.varchar, .varchar, .varchar, .bigint, .double, .double, .double, .double, .double, .double],
            rows.map { area, n, score in
                let spread = (national * (100 - national) / Double(n)).squareRoot()
                func limit(_ z: Double) -> Double { ((national + z * spread) * 10).rounded() / 10 }
                return [
                    "cci-2009", "safeguarding", area, n, score, national, limit(-3.09), limit(-1.96), limit(1.96),
                    limit(3.09),
                ]
            })
    }()

    /// Synthetic: `deltas` of two areas, chained through three inspections and one of two.
    static let deltas = table(
        [
            "area", "framework", "measure", "before_id", "before_published", "before", "after_id", "after_published",
            "after",
        ],
        [.varchar, .varchar, .varchar, .varchar, .varchar, .double, .varchar, .varchar, .double],
        [
            ["Synthetic A", "cci-2009", "safeguarding", "a1", "2009-12-01", 63.4, "a2", "2014-03-02", 55.5],
            ["Synthetic A", "cci-2009", "safeguarding", "a2", "2014-03-02", 55.5, "a3", "2018-02-07", 62.4],
            ["Synthetic B", "cci-2009", "safeguarding", "b1", "2011-03", 61.6, "b2", "2016-02-10", 70.3],
        ])

    /// Synthetic: a generic table of dated scores where one date is unknown (x axis in order).
    static let undatedSeries = table(
        ["area", "published", "score"], [.varchar, .varchar, .bigint],
        [["Synthetic A", nil, 37], ["Synthetic A", "2012-05", 83]])

    /// A table from columns of plain Swift values: `nil` is NULL.
    static func table(_ names: [String], _ types: [DataType], _ rows: [[(any Sendable)?]]) -> Table {
        let values: [[Value]] = rows.map { row in
            zip(row, types).map { cell, type in
                switch (cell, type) {
                case (nil, _): .null
                case (let text as String, _): .varchar(text)
                case (let number as Int, .double): .double(Double(number))
                case (let number as Int, _): .bigint(Int64(number))
                case (let number as Double, _): .double(number)
                default: .null
                }
            }
        }
        return Table(schema: Schema(zip(names, types).map { Field(name: $0, type: $1) }), rows: values)
    }
}
