public import Columnar

/// `deltas [AREA] [MEASURE]`: each area's change between successive inspections under one framework —
/// before, after, points, band movement, and where `n` is known the difference's 95% interval and the
/// two-proportion test's p-value. Without a measure: the numeric headline measures.
public enum DeltasVerb {
    /// `deltas 'North Lincolnshire' safeguarding;`
    public static let verb = Verb(
        name: "deltas",
        summary: "changes between successive inspections (or outcome periods) with significance",
        positional: "[AREA] [MEASURE | INDICATOR]", clauses: [.asOf, .framework],
        example: "deltas 'North Lincolnshire' safeguarding;", chart: .line,
        terminalColumns: ["area", "measure", "before", "after", "points", "band_after", "p_value"]
    ) { call throws(InspectionError) in
        let indicatorTable = call.table("outcome_indicators")
        let indicators = indicatorTable.map(OutcomeDeltasVerb.indicators) ?? []
        let (area, measure) = arguments(call.text(0), call.text(1), data: call.data, indicators: indicators)
        if let name = measure, (try? call.data.resolveMeasure(name)) == nil, let outcomes = indicatorTable,
            indicators.contains(where: { $0.lowercased() == name.lowercased() })
        {
            return try OutcomeDeltasVerb.run(area: area, indicator: name, outcomes: outcomes)
        }
        return try run(area: area, measure: measure, options: call.options, data: call.data)
    }

    /// Which of the positional words is the area and which the measure: `deltas Harrow`, `deltas RoH`,
    /// `deltas Harrow RoH`, and `deltas North Lincolnshire RoH`, which arrives as one run of words and is
    /// split at the space where an area ends and a measure (or outcome indicator) begins.
    static func arguments(_ first: String?, _ second: String?, data: InspectionData, indicators: [String]) -> (
        area: String?, measure: String?
    ) {
        guard let first, second == nil, (try? data.resolveArea(first)) == nil else { return (first, second) }
        func isMeasure(_ name: String) -> Bool {
            (try? data.resolveMeasure(name)) != nil || indicators.contains { $0.lowercased() == name.lowercased() }
        }
        if isMeasure(first) { return (nil, first) }
        let words = first.split(separator: " ").map(String.init)
        for cut in (1..<max(1, words.count)).reversed() {
            let (area, measure) = (words[..<cut].joined(separator: " "), words[cut...].joined(separator: " "))
            if (try? data.resolveArea(area)) != nil, isMeasure(measure) { return (area, measure) }
        }
        return (nil, first)
    }

    public static func run(area: String?, measure: String?, options: VerbOptions, data: InspectionData)
        throws(InspectionError) -> Table
    {
        let frameworks = try data.frameworks(for: options)
        let areas = try area.map { name throws(InspectionError) in [try data.resolveArea(name)] } ?? data.areas
        let targets: [(Framework, Measure)] =
            try measure.map { name throws(InspectionError) in try data.resolveMeasure(name, in: frameworks) }
            ?? frameworks.flatMap { f in
                f.measures.filter { $0.kind == .headline && $0.value != .rating }.map { (f, $0) }
            }
        var result = ResultBuilder([
            ("area", .varchar), ("framework", .varchar), ("measure", .varchar), ("before_id", .varchar),
            ("before_published", .varchar), ("before", .double), ("after_id", .varchar), ("after_published", .varchar),
            ("after", .double), ("points", .double), ("band_before", .varchar), ("band_after", .varchar),
            ("movement", .bigint), ("diff_low", .double), ("diff_high", .double), ("p_value", .double),
        ])
        for area in areas {
            for (framework, measure) in targets {
                let history = data.history(area: area.code, framework: framework, asOf: options.asOf)
                let scored = history.compactMap { i in data.score(i.id, measure.id).map { (i, $0) } }
                guard scored.count >= 2 else { continue }
                let scale = framework.scale(for: measure)
                for index in 1..<scored.count {
                    let (i1, s1) = scored[index - 1], (i2, s2) = scored[index]
                    var test: ProportionDifference?
                    if let n1 = s1.n, let y1 = s1.sufficient, let n2 = s2.n, let y2 = s2.sufficient {
                        test = ProportionDifference(successes1: y1, trials1: n1, successes2: y2, trials2: n2)
                    }
                    let movement: Int? = {
                        guard let scale, let b1 = s1.band, let b2 = s2.band, let r1 = scale.rank(of: b1),
                            let r2 = scale.rank(of: b2)
                        else { return nil }
                        return r2 - r1
                    }()
                    let points = s1.score.flatMap { a in s2.score.map { $0 - a } }
                    result.append([
                        .varchar(area.name), .varchar(framework.id), .varchar(measure.id), .varchar(i1.id),
                        .text(i1.published), .number(s1.score), .varchar(i2.id), .text(i2.published), .number(s2.score),
                        .number(points), .text(s1.band), .text(s2.band), .count(movement),
                        .number(test.map { $0.low * 100 }), .number(test.map { $0.high * 100 }),
                        .number(test?.pValue, places: 4),
                    ])
                }
            }
        }
        return result.build()
    }
}
