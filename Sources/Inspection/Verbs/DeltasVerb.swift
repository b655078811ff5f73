public import Columnar

/// `deltas [AREA] [MEASURE]`: each area's change between successive inspections under one framework —
/// before, after, points, bands (with their provenance) and band movement, and where `n` is known the
/// difference's 95% Miettinen–Nurminen score interval and the score test's p-value (on effective n where
/// the judgements' cases are known), the method named in `method`. Without a measure: the headline
/// measures, scores and ratings, and the standards (youth ratings). A movement into or out of a band
/// from a placeholder cut-point is not claimed (NULL). With no change to show, one row whose `method`
/// says why (an area with one inspection only, none with that measure, ...).
public enum DeltasVerb {
    /// `deltas 'North Lincolnshire' safeguarding;`
    public static let verb = Verb(
        name: "deltas",
        summary: "changes between successive inspections (or outcome periods) with significance",
        positional: "[AREA] [MEASURE | INDICATOR]", clauses: [.asOf, .framework],
        example: "deltas 'North Lincolnshire' safeguarding;", chart: .line,
        terminalColumns: ["area", "measure", "before", "after", "points", "p_value", "band_after"]
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

    /// The `method` of a change whose scores carry no n (published whole percents, ratings).
    public static let noInterval = "no interval: published scores carry no n"
    /// The `method` of a change of rating (or of a score to or from a rating only).
    public static let noScore = "no interval: a rating, not a proportion"
    /// The `method` when one side has a single case: no between-case variation to estimate.
    public static let singleCase = "no interval: a single case (no between-case variation to estimate)"
    /// The `method` when one side has no applicable judgement.
    public static let noJudgement = "no interval: no applicable judgement (n = 0)"

    public static func run(area: String?, measure: String?, options: VerbOptions, data: InspectionData)
        throws(InspectionError) -> Table
    {
        let frameworks = try data.frameworks(for: options)
        let areas = try area.map { name throws(InspectionError) in [try data.resolveArea(name)] } ?? data.areas
        // Default: the headline measures (scores and ratings) and the standards (youth ratings).
        let targets: [(Framework, Measure)] =
            try measure.map { name throws(InspectionError) in try data.resolveMeasure(name, in: frameworks) }
            ?? frameworks.flatMap { f in
                f.measures.filter { $0.kind == .headline || $0.kind == .standard }.map { (f, $0) }
            }
        var result = ResultBuilder([
            ("area", .varchar), ("framework", .varchar), ("measure", .varchar), ("before_id", .varchar),
            ("before_published", .varchar), ("before", .double), ("after_id", .varchar), ("after_published", .varchar),
            ("after", .double), ("points", .double), ("band_before", .varchar), ("band_source_before", .varchar),
            ("band_after", .varchar), ("band_source_after", .varchar), ("movement", .bigint), ("n_before", .bigint),
            ("n_after", .bigint), ("cases_before", .bigint), ("cases_after", .bigint), ("diff_low", .double),
            ("diff_high", .double), ("p_value", .double), ("method", .varchar),
        ])
        for area in areas {
            for (framework, measure) in targets {
                let history = data.history(area: area.code, framework: framework, asOf: options.asOf)
                let scored = history.compactMap { i in
                    data.score(i.id, measure.id).flatMap { $0.score != nil || $0.band != nil ? (i, $0) : nil }
                }
                guard scored.count >= 2 else { continue }
                let scale = framework.scale(for: measure)
                for index in 1..<scored.count {
                    let (i1, s1) = scored[index - 1], (i2, s2) = scored[index]
                    let change = Self.change(s1, s2)
                    let movement: Int? = {
                        guard let scale, s1.bandIsFinding, s2.bandIsFinding, let r1 = scale.rank(of: s1.band!),
                            let r2 = scale.rank(of: s2.band!)
                        else { return nil }
                        return r2 - r1
                    }()
                    let points = s1.score.flatMap { a in s2.score.map { $0 - a } }
                    result.append([
                        .varchar(area.name), .varchar(framework.id), .varchar(measure.id), .varchar(i1.id),
                        .text(i1.shownDate), .number(s1.score), .varchar(i2.id), .text(i2.shownDate),
                        .number(s2.score), .number(points), .text(s1.shownBand), .text(s1.bandSource),
                        .text(s2.shownBand),
                        .text(s2.bandSource), .count(movement), .count(s1.n), .count(s2.n), .count(s1.cases),
                        .count(s2.cases), .number(change.test.map { $0.low * 100 }),
                        .number(change.test.map { $0.high * 100 }), .number(change.test?.pValue),
                        .text(change.method),
                    ])
                }
            }
        }
        if result.rows.isEmpty {
            // No change to show: one row that says why (a notebook's board pack shows it; an error would
            // stop the notebook), every figure NULL.
            var row = [Value](repeating: .null, count: result.fields.count)
            if area != nil { row[0] = .varchar(areas[0].name) }
            row[result.fields.count - 1] = .varchar(
                emptyReason(
                    areas: area == nil ? nil : areas, targets: targets, measure: measure, options: options, data: data))
            result.append(row)
        }
        return result.build()
    }

    /// The difference test of a change and the method named in the result: Miettinen–Nurminen score
    /// interval and test, on effective n where the judgements' cases are known; none without n.
    static func change(_ s1: ScoreRecord, _ s2: ScoreRecord) -> (test: ProportionDifference?, method: String?) {
        guard s1.score != nil, s2.score != nil else { return (nil, noScore) }
        if s1.cases == 1 || s2.cases == 1 { return (nil, singleCase) }
        if s1.n == 0 || s2.n == 0 { return (nil, noJudgement) }
        guard let n1 = s1.sampleSize, let y1 = s1.sufficient, let m1 = s1.n, let n2 = s2.sampleSize,
            let y2 = s2.sufficient, let m2 = s2.n, m1 > 0, m2 > 0
        else { return (nil, noInterval) }
        let test = ProportionDifference(
            proportion1: Double(y1) / Double(m1), n1: n1, proportion2: Double(y2) / Double(m2), n2: n2)
        let clustered = s1.effectiveN != nil || s2.effectiveN != nil
        return (test, test.map { $0.method.rawValue + (clustered ? ", effective n (design effect)" : "") })
    }

    /// Why there is no change to show: per framework, how many inspections (and scored ones) each area has.
    static func emptyReason(
        areas: [AreaRecord]?, targets: [(Framework, Measure)], measure: String?, options: VerbOptions,
        data: InspectionData
    ) -> String {
        let date = options.asOf.map { " on or before \($0)" } ?? ""
        guard let areas, let area = areas.first else {
            return "no area has two successive inspections\(date) with a score or rating of "
                + (measure ?? "a headline measure") + " under one framework"
        }
        var parts: [String] = []
        for framework in Set(targets.map { $0.0.id }).sorted() {
            guard let f = data.frameworks.first(where: { $0.id == framework }) else { continue }
            let history = data.history(area: area.code, framework: f, asOf: options.asOf)
            guard !history.isEmpty else { continue }
            var text = "\(history.count == 1 ? "one inspection only" : "\(history.count) inspections") under \(f.id)"
            if history.count > 1, let measure {
                let scored = history.filter { i in
                    targets.contains {
                        $0.0.id == f.id && data.score(i.id, $0.1.id).map { $0.score != nil || $0.band != nil } == true
                    }
                }
                text += ", \(scored.count) with a \(measure) score or rating"
            }
            let undated = data.undatedInspections(area: area.code, framework: f)
            if options.asOf != nil, !undated.isEmpty { text += " (and \(undated.count) undated, left out by AS OF)" }
            parts.append(text)
        }
        if parts.isEmpty { return "\(area.name) has no inspection\(date) under the frameworks asked" }
        return "no change to show for \(area.name)\(date): " + parts.joined(separator: "; ")
    }
}
