public import Columnar

/// `compare AREA [, AREA ...] [WITHIN region|country|all] [AS OF date] [IN FRAMEWORK id]`: the seed
/// Foreword's table. Per headline measure of each framework the named areas were inspected under, each
/// named area is set against its own reference group — its region, its country, or all areas — of areas
/// inspected to date (each area's latest inspection on or before the date): the group's lowest, highest
/// and average (the mean of the areas' scores, not a pooled proportion: `average_of` says so), the area's
/// score, band and where the band comes from, rank (1 = highest; tied areas share the best rank) and
/// mid-rank percentile among the group's areas, and the n (judgements) and cases behind the score where
/// known.
public enum CompareVerb {
    /// `compare Harrow, Brent WITHIN region;`
    public static let verb = Verb(
        name: "compare", summary: "areas beside the lowest / highest / average of their region, country or all areas",
        positional: "AREA [, AREA ...]", clauses: [.within, .asOf, .framework],
        example: "compare Harrow, Brent WITHIN region;", chart: .bullet,
        terminalColumns: ["area", "measure", "score", "band", "rank", "areas", "average", "group"]
    ) { call throws(InspectionError) in
        try run(areas: call.arguments.map(\.description), options: call.options, data: call.data)
    }

    /// What `average` is, in the result's `average_of` column.
    public static let averageOf = "mean of area scores"

    public static func run(areas names: [String], options: VerbOptions, data: InspectionData) throws(InspectionError)
        -> Table
    {
        guard !names.isEmpty else { throw .badArgument("compare needs at least one area") }
        var named: [AreaRecord] = []
        for name in names { named.append(try data.resolveArea(name)) }
        let within = options.within?.lowercased() ?? "all"
        guard ["region", "country", "all"].contains(within) else {
            throw .badArgument("WITHIN takes region, country or all, not \(within)")
        }
        /// The reference group of an area: its name and the area codes in it (nil: every area).
        func group(of area: AreaRecord) -> (name: String, members: Set<String>?) {
            switch within {
            case "region":
                return (area.region ?? "(no region)", Set(data.areas.filter { $0.region == area.region }.map(\.code)))
            case "country":
                return (
                    area.country ?? "(no country)", Set(data.areas.filter { $0.country == area.country }.map(\.code))
                )
            default: return ("all", nil)
            }
        }
        var result = ResultBuilder([
            ("framework", .varchar), ("measure", .varchar), ("title", .varchar), ("area", .varchar),
            ("group", .varchar), ("areas", .bigint), ("lowest", .double), ("highest", .double), ("average", .double),
            ("average_of", .varchar), ("score", .double), ("band", .varchar), ("band_source", .varchar),
            ("rank", .bigint), ("percentile", .double), ("n", .bigint), ("cases", .bigint),
        ])
        for framework in try data.frameworks(for: options) {
            let latest = data.latestInspections(framework: framework, asOf: options.asOf)
            guard named.contains(where: { latest[$0.code] != nil }) else { continue }
            for measure in framework.measures where measure.kind == .headline && measure.value != .rating {
                let everyone = data.areaScores(framework: framework, measure: measure, asOf: options.asOf, areas: nil)
                for area in named {
                    let (groupName, members) = group(of: area)
                    let values = everyone.filter { members?.contains($0.0.code) ?? true }.compactMap(\.2.score)
                    guard !values.isEmpty else { continue }
                    let average = values.reduce(0, +) / Double(values.count)
                    let inspection = latest[area.code]
                    let score = inspection.flatMap { data.score($0.id, measure.id) }
                    let value = score?.score
                    let rank = value.map { v in values.filter { $0 > v }.count + 1 }
                    // Share of compared areas scoring below, ties counting half (mid-rank percentile).
                    let percentile = value.map { v in
                        100 * (Double(values.filter { $0 < v }.count) + 0.5 * Double(values.filter { $0 == v }.count))
                            / Double(values.count)
                    }
                    result.append([
                        .varchar(framework.id), .varchar(measure.id), .varchar(measure.title), .varchar(area.name),
                        .varchar(groupName), .count(values.count), .number(values.min()), .number(values.max()),
                        .number(average), .varchar(averageOf), .number(value), .text(score?.shownBand),
                        .text(score?.bandSource), .count(rank), .number(percentile), .count(score?.n),
                        .count(score?.cases ?? (score?.score != nil ? inspection?.cases : nil)),
                    ])
                }
            }
        }
        if result.rows.isEmpty {
            throw .badArgument("no scores to compare for \(named.map(\.name).joined(separator: ", "))")
        }
        return result.build()
    }
}
