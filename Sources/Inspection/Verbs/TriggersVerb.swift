public import Columnar

/// `triggers [AS OF date]`: areas whose latest inspection — of any framework, so the date matters — meets
/// one of its framework's trigger rules, with the rule, its status (published / inferred) and the scores
/// that fired it. A flag means "for consideration", not that a re-inspection happened.
public enum TriggersVerb {
    /// `triggers AS OF 2012-06-30;`
    public static let verb = Verb(
        name: "triggers", summary: "areas whose latest inspection meets a framework trigger rule",
        positional: "", clauses: [.asOf, .framework], example: "triggers AS OF 2012-06-30;", chart: nil,
        terminalColumns: ["area", "inspection_id", "trigger", "status", "fired_by"]
    ) { call throws(InspectionError) in
        try run(options: call.options, data: call.data)
    }

    public static func run(options: VerbOptions, data: InspectionData) throws(InspectionError) -> Table {
        let frameworks = try data.frameworks(for: options)
        var result = ResultBuilder([
            ("area", .varchar), ("region", .varchar), ("inspection_id", .varchar), ("published", .varchar),
            ("framework", .varchar), ("trigger", .varchar), ("status", .varchar), ("fired_by", .varchar),
            ("evidence", .varchar),
        ])
        let latest = data.latestInspections(framework: nil, asOf: options.asOf)
        for area in data.areas {
            guard let inspection = latest[area.code], let framework = data.framework(of: inspection),
                frameworks.contains(where: { $0.id == framework.id })
            else { continue }
            for rule in framework.triggers {
                var fired: [String] = []
                for condition in rule.whenAny {
                    guard let score = data.score(inspection.id, condition.measure), let band = score.band,
                        condition.bands.contains(where: { $0.lowercased() == band.lowercased() })
                    else { continue }
                    let title = framework.measure(condition.measure)?.id ?? condition.measure
                    let shown = score.score.map { figure($0) + " " } ?? ""
                    fired.append(
                        "\(title) \(shown)\(band)"
                            + (score.bandSource == ScoreSource.frameworkRule ? " (band by rule)" : ""))
                }
                guard !fired.isEmpty else { continue }
                result.append([
                    .varchar(area.name), .text(area.region), .varchar(inspection.id),
                    .text(inspection.published ?? inspection.date?.description), .varchar(framework.id),
                    .varchar(rule.title), .varchar(rule.status.rawValue), .varchar(fired.joined(separator: "; ")),
                    .varchar(rule.evidence),
                ])
            }
        }
        return result.build()
    }
}
