public import Columnar

/// `funnel MEASURE [AS OF date] [IN FRAMEWORK id] [ADJUST none|multiplicative|additive]`: each area's
/// proportion (latest inspection) against the national one — pooled over every compared area, Σy / Σn,
/// not the mean of area scores (`national_of` says so) — with 95% and 99.8% limits for its n
/// (Spiegelhalter 2005, `FunnelPlot`). Over-dispersion is estimated from winsorised z-scores (φ̂, its χ²
/// test, τ̂²) and shown on every row; by default the limits are additive random-effects limits when the
/// test finds over-dispersion, unadjusted otherwise; `ADJUST` chooses. Unadjusted limits are exact
/// binomial (Spiegelhalter's interpolation) where n is fewer than 100 judgements. Where the judgements'
/// cases are known, n is the effective n (judgements / design effect). Needs n: published whole-percent
/// scores without it are left out, and said so when none has it.
public enum FunnelVerb {
    /// `funnel safeguarding;`
    public static let verb = Verb(
        name: "funnel", summary: "proportions against national funnel limits (95%, 99.8%), over-dispersion allowed for",
        positional: "MEASURE", clauses: [.asOf, .framework, .adjust], example: "funnel safeguarding;", chart: .funnel,
        terminalColumns: ["area", "score", "n", "position", "lower_998", "upper_998", "measure", "adjustment"]
    ) { call throws(InspectionError) in
        try run(measure: try call.text(0, "a measure"), options: call.options, data: call.data)
    }

    /// Unadjusted limits for fewer judgements than this are exact binomial limits; from it on the normal
    /// approximation (each exact limit sums the binomial distribution, O(n) per step of a search).
    public static let exactBelow = 100

    /// What `national` is, in the result's `national_of` column.
    public static let nationalOf = "pooled: sum of sufficient over sum of judgements, all areas shown"

    public static func run(measure name: String, options: VerbOptions, data: InspectionData) throws(InspectionError)
        -> Table
    {
        let targets = try data.resolveMeasure(name, in: try data.frameworks(for: options)).filter {
            $0.1.value == .percent
        }
        guard !targets.isEmpty else { throw .badArgument("funnel needs a percent measure (a share of judgements)") }
        let asked = options.adjust.flatMap(FunnelPlot.Adjustment.init(rawValue:))
        var result = ResultBuilder([
            ("framework", .varchar), ("measure", .varchar), ("area", .varchar), ("inspection_id", .varchar),
            ("n", .bigint), ("cases", .bigint), ("design_effect", .double), ("effective_n", .double),
            ("score", .double), ("national", .double), ("national_of", .varchar), ("lower_998", .double),
            ("lower_95", .double), ("upper_95", .double), ("upper_998", .double), ("position", .varchar),
            ("adjustment", .varchar), ("limits", .varchar), ("phi", .double), ("tau2", .double),
            ("overdispersion_p", .double),
        ])
        var declined: [String] = []
        for (framework, measure) in targets {
            let rows = data.areaScores(framework: framework, measure: measure, asOf: options.asOf, areas: nil)
                // An area whose judgements come from a single case has no sample size to draw limits
                // for (no between-case variation to estimate): left out, as areas without n.
                .filter { $0.2.n != nil && $0.2.sufficient != nil && $0.2.n! > 0 && $0.2.sampleSize != nil }
            guard !rows.isEmpty else { continue }
            let applicable = rows.reduce(0) { $0 + $1.2.n! }
            let national = Double(rows.reduce(0) { $0 + $1.2.sufficient! }) / Double(applicable)
            let units = rows.map { row in
                FunnelPlot.Unit(proportion: Double(row.2.sufficient!) / Double(row.2.n!), n: row.2.sampleSize!)
            }
            guard let plot = FunnelPlot(units: units, target: national) else {
                declined.append(
                    "\(framework.id) \(measure.id): "
                        + (rows.count < 2 ? "one area with n only" : "national proportion \(figure(national * 100))%"))
                continue
            }
            let adjustment = asked ?? (plot.overDispersed ? .additive : FunnelPlot.Adjustment.none)
            for (index, (area, inspection, score)) in rows.enumerated() {
                let exact = adjustment == .none && score.effectiveN == nil && score.n! < exactBelow
                guard
                    let limits = exact
                        ? plot.exactLimits(n: score.n!) : plot.limits(unit: index, adjustment: adjustment)
                else { continue }
                let p = units[index].proportion
                result.append([
                    .varchar(framework.id), .varchar(measure.id), .varchar(area.name), .varchar(inspection.id),
                    .count(score.n), .count(score.cases), .number(score.designEffect), .number(units[index].n),
                    .number(p * 100), .number(national * 100), .varchar(nationalOf), .number(limits.lower998 * 100),
                    .number(limits.lower95 * 100), .number(limits.upper95 * 100), .number(limits.upper998 * 100),
                    .varchar(limits.position(of: p).rawValue), .varchar(adjustment.rawValue),
                    .varchar(exact ? "exact binomial" : "normal approximation"), .number(plot.phi),
                    .number(plot.tau2), .number(plot.overDispersionP),
                ])
            }
        }
        if result.rows.isEmpty {
            if !declined.isEmpty {
                throw .badArgument("no funnel limits for \(name): " + declined.joined(separator: "; "))
            }
            throw .badArgument(
                "no \(name) score has a known n (published whole-percent scores carry none): funnel limits need case-level judgements"
            )
        }
        return result.build()
    }
}
