public import Columnar

/// `funnel MEASURE [AS OF date]`: each area's proportion (latest inspection) against the national one —
/// pooled over every compared area, Σy / Σn — with 95% and 99.8% limits for its `n` (Spiegelhalter
/// 2005). Needs `n`: published whole-percent scores without it are left out, and said so when none has it.
public enum FunnelVerb {
    /// `funnel safeguarding;`
    public static let verb = Verb(
        name: "funnel", summary: "proportions against national funnel limits (95%, 99.8%)",
        positional: "MEASURE", clauses: [.asOf, .framework], example: "funnel safeguarding;", chart: .funnel,
        terminalColumns: ["area", "measure", "n", "score", "lower_998", "upper_998", "position"]
    ) { call throws(InspectionError) in
        try run(measure: try call.text(0, "a measure"), options: call.options, data: call.data)
    }

    public static func run(measure name: String, options: VerbOptions, data: InspectionData) throws(InspectionError)
        -> Table
    {
        let targets = try data.resolveMeasure(name, in: try data.frameworks(for: options)).filter {
            $0.1.value == .percent
        }
        guard !targets.isEmpty else { throw .badArgument("funnel needs a percent measure (a share of judgements)") }
        var result = ResultBuilder([
            ("framework", .varchar), ("measure", .varchar), ("area", .varchar), ("inspection_id", .varchar),
            ("n", .bigint), ("score", .double), ("national", .double), ("lower_998", .double), ("lower_95", .double),
            ("upper_95", .double), ("upper_998", .double), ("position", .varchar),
        ])
        for (framework, measure) in targets {
            let rows = data.areaScores(framework: framework, measure: measure, asOf: options.asOf, areas: nil)
                .filter { $0.2.n != nil && $0.2.sufficient != nil && $0.2.n! > 0 }
            let applicable = rows.reduce(0) { $0 + $1.2.n! }
            guard applicable > 0 else { continue }
            let national = Double(rows.reduce(0) { $0 + $1.2.sufficient! }) / Double(applicable)
            for (area, inspection, score) in rows {
                guard let limits = FunnelLimits(national: national, n: score.n!) else { continue }
                let p = Double(score.sufficient!) / Double(score.n!)
                result.append([
                    .varchar(framework.id), .varchar(measure.id), .varchar(area.name), .varchar(inspection.id),
                    .count(score.n), .number(p * 100), .number(national * 100), .number(limits.lower998 * 100),
                    .number(limits.lower95 * 100), .number(limits.upper95 * 100), .number(limits.upper998 * 100),
                    .varchar(limits.position(of: p).rawValue),
                ])
            }
        }
        if result.rows.isEmpty {
            throw .badArgument(
                "no \(name) score has a known n (published whole-percent scores carry none): funnel limits need case-level judgements"
            )
        }
        return result.build()
    }
}
