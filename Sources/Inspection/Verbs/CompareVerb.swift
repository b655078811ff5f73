public import Columnar

/// `compare AREA [, AREA ...] [WITHIN region|country|all] [AS OF date] [IN FRAMEWORK id]`: the seed
/// Foreword's table. Per headline measure of each framework the named areas were inspected under: the
/// lowest / highest / average over areas inspected to date (each area's latest inspection on or before
/// the date), beside each named area's score, rank (1 = highest), percentile and band.
public enum CompareVerb {
    /// `compare Harrow, Brent WITHIN region;`
    public static let verb = Verb(
        name: "compare", summary: "areas beside the lowest / highest / average of areas inspected to date",
        positional: "AREA [, AREA ...]", clauses: [.within, .asOf, .framework],
        example: "compare Harrow, Brent WITHIN region;", chart: .bullet,
        terminalColumns: ["area", "measure", "score", "band", "rank", "areas", "average"]
    ) { call throws(InspectionError) in
        try run(areas: call.arguments.map(\.description), options: call.options, data: call.data)
    }

    public static func run(areas names: [String], options: VerbOptions, data: InspectionData) throws(InspectionError)
        -> Table
    {
        guard !names.isEmpty else { throw .badArgument("compare needs at least one area") }
        var named: [AreaRecord] = []
        for name in names { named.append(try data.resolveArea(name)) }
        let pool: Set<String>?
        switch options.within?.lowercased() {
        case nil, "all": pool = nil
        case "region": pool = Set(data.areas.filter { $0.region == named[0].region }.map(\.code))
        case "country": pool = Set(data.areas.filter { $0.country == named[0].country }.map(\.code))
        case let other?: throw .badArgument("WITHIN takes region, country or all, not \(other)")
        }
        var result = ResultBuilder([
            ("framework", .varchar), ("measure", .varchar), ("title", .varchar), ("lowest", .double),
            ("highest", .double), ("average", .double), ("areas", .bigint), ("area", .varchar), ("score", .double),
            ("band", .varchar), ("rank", .bigint), ("percentile", .double),
        ])
        for framework in try data.frameworks(for: options) {
            let latest = data.latestInspections(framework: framework, asOf: options.asOf)
            guard named.contains(where: { latest[$0.code] != nil }) else { continue }
            for measure in framework.measures where measure.kind == .headline && measure.value != .rating {
                let values = data.areaScores(framework: framework, measure: measure, asOf: options.asOf, areas: pool)
                    .compactMap(\.2.score)
                guard !values.isEmpty else { continue }
                let average = values.reduce(0, +) / Double(values.count)
                for area in named {
                    let score = latest[area.code].flatMap { data.score($0.id, measure.id) }
                    let value = score?.score
                    let rank = value.map { v in values.filter { $0 > v }.count + 1 }
                    // Share of compared areas scoring below, ties counting half (mid-rank percentile).
                    let percentile = value.map { v in
                        100 * (Double(values.filter { $0 < v }.count) + 0.5 * Double(values.filter { $0 == v }.count))
                            / Double(values.count)
                    }
                    result.append([
                        .varchar(framework.id), .varchar(measure.id), .varchar(measure.title), .number(values.min()),
                        .number(values.max()), .number(average), .count(values.count), .varchar(area.name),
                        .number(value), .text(score?.band), .count(rank), .number(percentile),
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
