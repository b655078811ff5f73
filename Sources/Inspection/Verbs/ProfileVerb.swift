public import Columnar

/// `profile AREA [AS OF date] [IN FRAMEWORK id]`: the report's Scoring and Summary table for the area's
/// latest inspection under each framework (each under its framework's heading), every measure with its
/// score, band (and where the band came from), `n` and a 95% Wilson interval where `n` is known.
public enum ProfileVerb {
    /// `profile Harrow;`
    public static let verb = Verb(
        name: "profile", summary: "the area's latest scores under each framework, with bands, n and 95% intervals",
        positional: "AREA", clauses: [.asOf, .framework], example: "profile Harrow;", chart: nil,
        terminalColumns: ["framework", "measure", "score", "band", "n", "ci_low", "ci_high"]
    ) { call throws(InspectionError) in
        try run(area: try call.text(0, "an area"), options: call.options, data: call.data)
    }

    public static func run(area name: String, options: VerbOptions, data: InspectionData) throws(InspectionError)
        -> Table
    {
        let area = try data.resolveArea(name)
        var result = ResultBuilder([
            ("framework", .varchar), ("inspection_id", .varchar), ("published", .varchar), ("measure", .varchar),
            ("title", .varchar), ("kind", .varchar), ("score", .double), ("band", .varchar), ("band_source", .varchar),
            ("n", .bigint), ("ci_low", .double), ("ci_high", .double), ("source", .varchar),
        ])
        for framework in try data.frameworks(for: options) {
            guard let inspection = data.latestInspections(framework: framework, asOf: options.asOf)[area.code] else {
                continue
            }
            for measure in framework.measures {
                guard let score = data.score(inspection.id, measure.id) else { continue }
                let interval = score.n.flatMap { n in
                    score.sufficient.flatMap { WilsonInterval(successes: $0, trials: n) }
                }
                result.append([
                    .varchar(framework.id), .varchar(inspection.id),
                    .text(inspection.published ?? inspection.date?.description),
                    .varchar(measure.id), .varchar(measure.title), .varchar(measure.kind.rawValue),
                    .number(score.score),
                    .text(score.band), .text(score.bandSource), .count(score.n),
                    .number(interval.map { $0.low * 100 }), .number(interval.map { $0.high * 100 }),
                    .varchar(score.source),
                ])
            }
        }
        if result.rows.isEmpty {
            throw .badArgument("\(area.name) has no inspection" + (options.asOf.map { " on or before \($0)" } ?? ""))
        }
        return result.build()
    }
}
