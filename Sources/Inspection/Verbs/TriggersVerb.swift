public import Columnar
import Foundation

/// `triggers [AS OF date] [IN FRAMEWORK id]`: areas whose latest inspection meets one of its framework's
/// trigger rules, with the rule, its evidence status (published / inferred), the scores and bands that
/// fired it (and where each band comes from), and — as rows with status `not judged` and a reason — the
/// areas that could not be judged: an inspection that cannot be placed in time, a framework whose
/// programme period does not cover the date, bands missing or only from a placeholder cut-point that
/// leaves the condition open. Areas whose latest inspection is under a framework without rules (the
/// youth ratings) have no row. A flag means
/// "for consideration", not that a re-inspection happened.
///
/// Which inspection: with `IN FRAMEWORK`, the area's latest inspection under that framework; without it,
/// the latest of any framework (a later inspection under a new framework supersedes an older one).
/// Inspections are placed in time by publication date, else fieldwork date. When: the `AS OF` date;
/// without one, today — or, with `IN FRAMEWORK`, the framework's own programme period. A framework's
/// rules apply only within its programme period: `in_force` of its file, extended to the latest
/// inspection the data hold under its programmes (a dataset such as the synthetic rounds may run a
/// programme on). A band from a placeholder cut-point never fires a rule.
public enum TriggersVerb {
    /// `triggers AS OF 2012-06-30;`
    public static let verb = Verb(
        name: "triggers", summary: "areas whose latest inspection meets a framework trigger rule, and those not judged",
        positional: "", clauses: [.asOf, .framework], example: "triggers AS OF 2012-06-30;", chart: nil,
        terminalColumns: ["area", "status", "fired_by", "inspection_id", "reason"]
    ) { call throws(InspectionError) in
        try run(options: call.options, data: call.data)
    }

    public static let fired = "fired"
    public static let notJudged = "not judged"

    public static func run(options: VerbOptions, data: InspectionData, today: Date32 = TriggersVerb.today())
        throws(InspectionError) -> Table
    {
        let frameworks = try data.frameworks(for: options)
        let asked: Framework? = options.framework == nil ? nil : frameworks.first
        var result = ResultBuilder([
            ("area", .varchar), ("region", .varchar), ("inspection_id", .varchar), ("published", .varchar),
            ("framework", .varchar), ("trigger", .varchar), ("status", .varchar), ("rule_status", .varchar),
            ("fired_by", .varchar), ("reason", .varchar), ("evidence", .varchar),
        ])
        let latest = data.latestInspections(framework: asked, asOf: options.asOf)
        for area in data.areas {
            func notJudged(_ inspection: InspectionRecord?, _ framework: Framework?, _ reason: String) {
                result.append([
                    .varchar(area.name), .text(area.region), .text(inspection?.id), .text(inspection?.shownDate),
                    .text(framework?.id), .null, .varchar(Self.notJudged), .null, .null, .varchar(reason), .null,
                ])
            }
            let undated = data.undatedInspections(area: area.code, framework: asked)
            guard let inspection = latest[area.code], let framework = data.framework(of: inspection) else {
                if options.asOf != nil, !undated.isEmpty {
                    notJudged(
                        undated.last, asked ?? undated.last.flatMap(data.framework(of:)),
                        "undated inspection (no publication or fieldwork date): cannot be placed before or after "
                            + "\(options.asOf!)")
                }
                continue
            }
            guard asked == nil || frameworks.contains(where: { $0.id == framework.id }) else { continue }
            // The date the rules are judged at, and the framework's programme period.
            let period = programmePeriod(framework, data: data)
            let when: Date32? = options.asOf ?? (asked == nil ? today : nil)
            if let when, let end = period.to, when > end {
                notJudged(
                    inspection, framework,
                    "\(framework.id) rules apply in its programme period \(period.text); "
                        + (options.asOf == nil ? "today" : "\(when)") + " is after it (ask IN FRAMEWORK "
                        + "\(framework.id) or AS OF a date in the period)")
                continue
            }
            // A framework without rules has nothing to judge by (the youth ratings): no row.
            guard !framework.triggers.isEmpty else { continue }
            var note = ""
            if inspection.orderDate == nil {
                note = "the inspection is undated (no publication or fieldwork date)"
            } else if !undated.isEmpty {
                note =
                    "also " + undated.map(\.id).joined(separator: ", ")
                    + ", undated: taken as older (no publication or fieldwork date)"
            }
            let scales = Dictionary(
                framework.measures.compactMap { m in framework.scale(for: m).map { (m.id, $0) } },
                uniquingKeysWith: { a, _ in a })
            for rule in framework.triggers {
                var fired: [String] = []
                var judged = 0
                var placeholders: [String] = []
                for condition in rule.whenAny {
                    guard let score = data.score(inspection.id, condition.measure), let band = score.band else {
                        continue
                    }
                    func matches(_ label: String) -> Bool {
                        condition.bands.contains { $0.lowercased() == label.lowercased() }
                    }
                    guard score.bandIsFinding else {
                        // A placeholder cut-point leaves the score between its band and the band below: the
                        // condition is judged only when it names neither.
                        let below = scales[condition.measure].flatMap { scale in
                            scale.rank(of: band).flatMap { $0 > 0 ? scale.bands[$0 - 1].label : nil }
                        }
                        if matches(band) || below.map(matches) == true {
                            placeholders.append("\(condition.measure) \(band) (placeholder rule, not a finding)")
                        } else {
                            judged += 1
                        }
                        continue
                    }
                    judged += 1
                    guard matches(band) else { continue }
                    let shown = score.score.map { displayedFigure($0) + " " } ?? ""
                    let source = score.bandSource.map { $0 == ScoreSource.published ? "" : " (band by \($0))" } ?? ""
                    fired.append("\(condition.measure) \(shown)\(band)\(source)")
                }
                if judged == 0 {
                    let measures = rule.whenAny.map(\.measure).joined(separator: ", ")
                    notJudged(
                        inspection, framework,
                        "no band of \(measures) in the data"
                            + (placeholders.isEmpty ? "" : "; " + placeholders.joined(separator: "; ")))
                    continue
                }
                guard !fired.isEmpty else { continue }
                let why = ([note] + placeholders).filter { !$0.isEmpty }.joined(separator: "; ")
                result.append([
                    .varchar(area.name), .text(area.region), .varchar(inspection.id), .text(inspection.shownDate),
                    .varchar(framework.id), .varchar(rule.title), .varchar(Self.fired), .varchar(rule.status.rawValue),
                    .varchar(fired.joined(separator: "; ")),
                    .varchar(
                        "latest inspection under " + (asked == nil ? "any framework" : framework.id) + ": "
                            + fired.joined(separator: "; ") + (why.isEmpty ? "" : "; " + why)),
                    .varchar(rule.evidence),
                ])
            }
        }
        return result.build()
    }

    /// The framework's programme period: `in_force` from its file, its end extended to the latest
    /// inspection the data place under its programmes.
    static func programmePeriod(_ framework: Framework, data: InspectionData) -> (
        from: Date32?, to: Date32?, text: String
    ) {
        let from = framework.inForce.from.flatMap { Date32(iso: $0) }
        var to = framework.inForce.to.flatMap { Date32(iso: $0) }
        if let end = to {
            let last = data.inspections.filter { framework.covers(programme: $0.programme) }.compactMap(\.orderDate)
                .max()
            if let last, last > end { to = last }
        }
        let text = (from?.description ?? "…") + " to " + (to?.description ?? "now")
        return (from, to, text)
    }

    /// Today's date (UTC).
    public static func today() -> Date32 {
        Date32(daysSinceEpoch: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
