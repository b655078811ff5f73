public import Columnar

/// `profile AREA [AS OF date] [IN FRAMEWORK id]`: the report's Scoring and Summary table for the area's
/// latest inspection under each framework (each under its framework's heading), every measure with its
/// score, band (and where the band came from), `n`, the cases and design effect where the judgements'
/// cases are known, and a 95% Wilson interval where `n` is known (on the effective n when clustered).
public enum ProfileVerb {
    /// `profile Harrow;`
    public static let verb = Verb(
        name: "profile", summary: "the area's latest scores under each framework, with bands, n and 95% intervals",
        positional: "AREA", clauses: [.asOf, .framework], example: "profile Harrow;", chart: nil,
        terminalColumns: ["measure", "score", "band", "n", "ci_low", "ci_high", "cases", "framework"]
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
            ("n", .bigint), ("cases", .bigint), ("design_effect", .double), ("effective_n", .double),
            ("ci_low", .double), ("ci_high", .double), ("source", .varchar),
        ])
        var found: [InspectionRecord] = []
        for framework in try data.frameworks(for: options) {
            guard let inspection = data.latestInspections(framework: framework, asOf: options.asOf)[area.code] else {
                continue
            }
            found.append(inspection)
            for measure in framework.measures {
                guard let score = data.score(inspection.id, measure.id) else { continue }
                // Wilson's interval with the effective n where the judgements' cases are known.
                let interval = score.sampleSize.flatMap { n in
                    score.sufficient.flatMap { y in
                        score.n.flatMap { $0 > 0 ? WilsonInterval(proportion: Double(y) / Double($0), n: n) : nil }
                    }
                }
                result.append([
                    .varchar(framework.id), .varchar(inspection.id), .text(inspection.shownDate),
                    .varchar(measure.id), .varchar(measure.title), .varchar(measure.kind.rawValue),
                    .number(score.score),
                    .text(score.shownBand), .text(score.bandSource), .count(score.n),
                    // Cases behind the judgements; for a published score, the inspection's printed number.
                    .count(score.cases ?? (score.n == nil ? inspection.cases : nil)),
                    .number(score.designEffect), .number(score.effectiveN),
                    .number(interval.map { $0.low * 100 }), .number(interval.map { $0.high * 100 }),
                    .varchar(score.source),
                ])
            }
        }
        if result.rows.isEmpty {
            let date = options.asOf.map { " on or before \($0)" } ?? ""
            if !found.isEmpty {
                throw .badArgument(
                    "\(area.name) has an inspection\(date) (\(found.map(\.id).joined(separator: ", "))) but no score "
                        + "or rating of it is in the data (no applicable judgement, no printed figure)")
            }
            let undated = data.undatedInspections(area: area.code, framework: nil)
            if options.asOf != nil, !undated.isEmpty {
                throw .badArgument(
                    "\(area.name) has no dated inspection\(date); its undated inspection "
                        + "(\(undated.map(\.id).joined(separator: ", "))) cannot be placed before or after the date")
            }
            throw .badArgument("\(area.name) has no inspection\(date)")
        }
        return result.build()
    }
}
