public import Columnar

/// `ranges [MEASURE] [BY region|country] [AS OF date] [IN FRAMEWORK id]`: lowest, quartiles, median,
/// highest, average and count of a measure over each area's latest inspection. Without a measure: every
/// numeric headline measure of each framework.
public enum RangesVerb {
    /// `ranges total BY region;`
    public static let verb = Verb(
        name: "ranges", summary: "lowest, quartiles, median, highest and average of a measure, by group",
        positional: "[MEASURE]", clauses: [.by, .asOf, .framework], example: "ranges total BY region;", chart: nil,
        terminalColumns: ["measure", "group", "areas", "lowest", "median", "highest", "q1", "q3"]
    ) { call throws(InspectionError) in
        try run(measure: call.text(0), options: call.options, data: call.data)
    }

    public static func run(measure name: String?, options: VerbOptions, data: InspectionData) throws(InspectionError)
        -> Table
    {
        let frameworks = try data.frameworks(for: options)
        let targets: [(Framework, Measure)]
        if let name {
            targets = try data.resolveMeasure(name, in: frameworks)
            if targets.allSatisfy({ $0.1.value == .rating }) {
                throw .badArgument("\(name) is a rating, not a number: use distribution \(name)")
            }
        } else {
            targets = frameworks.flatMap { f in
                f.measures.filter { $0.kind == .headline && $0.value != .rating }.map { (f, $0) }
            }
        }
        var result = ResultBuilder([
            ("framework", .varchar), ("measure", .varchar), ("group", .varchar), ("areas", .bigint),
            ("lowest", .double), ("q1", .double), ("median", .double), ("q3", .double), ("highest", .double),
            ("average", .double), ("average_of", .varchar),
        ])
        for (framework, measure) in targets where measure.value != .rating {
            var groups: [String: [Double]] = [:]
            for (area, _, score) in data.areaScores(
                framework: framework, measure: measure, asOf: options.asOf, areas: nil)
            {
                groups[try data.group(of: area, by: options.by), default: []].append(score.score!)
            }
            for (group, values) in groups.sorted(by: { $0.key < $1.key }) {
                let sorted = values.sorted()
                result.append([
                    .varchar(framework.id), .varchar(measure.id), .varchar(group), .count(sorted.count),
                    .number(sorted.first), .number(Quantile.of(sorted, 0.25)), .number(Quantile.of(sorted, 0.5)),
                    .number(Quantile.of(sorted, 0.75)), .number(sorted.last),
                    .number(sorted.reduce(0, +) / Double(sorted.count)), .varchar(CompareVerb.averageOf),
                ])
            }
        }
        return result.build()
    }
}
