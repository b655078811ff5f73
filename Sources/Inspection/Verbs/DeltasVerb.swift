public import Columnar

/// `deltas [AREA] [MEASURE]`: each area's change between successive inspections under one framework —
/// before, after, points, band movement, and where `n` is known the difference's 95% interval and the
/// two-proportion test's p-value. Without a measure: the numeric headline measures.
public enum DeltasVerb {
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
