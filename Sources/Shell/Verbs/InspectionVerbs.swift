import Kernels
import Columnar
import Foundation
import Inspection
import QueryEngine

/// Glues the Inspection module's pure verbs to a session's database: loads the framework files, unites
/// the `scores` table (published + computed, with bands and where they came from) and registers the
/// verbs as table functions (`SELECT * FROM compare('Harrow')`).
enum InspectionVerbs {
    /// The framework files for a dataset: `FOLDER/frameworks/`, else the ones the session used last,
    /// else the bundled ones.
    static func frameworkFolder(near folder: String, used: String? = nil) -> String? {
        let manager = FileManager.default
        let candidates =
            [(folder as NSString).appendingPathComponent("frameworks")] + (used.map { [$0] } ?? [])
            + (Launcher.defaultDataFolder().map { [($0 as NSString).appendingPathComponent("frameworks")] } ?? [])
        return candidates.first { manager.fileExists(atPath: $0) }
    }

    /// After a dataset folder is loaded: frameworks, the united `scores`, the verbs. `loaded` names the
    /// tables the folder held: a folder with inspections but no scores (a case-level dataset) must not
    /// inherit the previous dataset's published scores.
    static func prepare(after folder: String, loaded: [String], session: Session) throws(Diagnostic) {
        guard let frameworkFolder = frameworkFolder(near: folder, used: session.frameworkFolder) else {
            // Data without frameworks: the verbs cannot be defined. Say so rather than leave them missing.
            guard loaded.contains(where: { $0.lowercased() == "inspections" }) else { return }
            throw Diagnostic(
                message: "no frameworks/ folder here and the bundled Datasets/frameworks was not found: "
                    + "the verbs (profile, compare, …) need framework files; set YOTQ_DATA to the bundled Datasets",
                file: folder)
        }
        let frameworks: [Framework]
        do {
            frameworks = try FrameworkLoader.loadFolder(frameworkFolder)
        } catch {
            throw Diagnostic(
                message: error.field.isEmpty ? error.message : "field \(error.field): \(error.message)",
                file: error.file)
        }
        let names = Set(loaded.map { $0.lowercased() })
        let stale = names.contains("inspections") && !names.contains("scores")
        try uniteScores(session.database, frameworks: frameworks, ignoringExistingScores: stale)
        register(in: session.database, frameworks: frameworks)
        session.frameworkFolder = frameworkFolder
    }

    /// Replaces `scores` by the united table when the session has inspections.
    static func uniteScores(_ database: Database, frameworks: [Framework], ignoringExistingScores: Bool = false)
        throws(Diagnostic)
    {
        guard let areas = database.table(named: "areas"), let inspections = database.table(named: "inspections") else {
            return
        }
        do {
            let data = try InspectionData(
                frameworks: frameworks, areas: areas, inspections: inspections,
                scores: ignoringExistingScores ? nil : database.table(named: "scores"))
            var pooled: [PooledScore] = []
            if let judgements = database.table(named: "judgements"), let questions = database.table(named: "questions")
            {
                pooled = try JudgementScoring.score(
                    judgements: judgements, questions: questions, themes: database.table(named: "question_themes"),
                    inspections: data.inspections, frameworks: frameworks)
            }
            let united = ScoreTable.unite(
                existing: data.scores, pooled: pooled, inspections: data.inspections, frameworks: frameworks)
            try database.register(ScoreTable.table(united), as: "scores", replace: true)
        } catch let error as InspectionError {
            throw Diagnostic(message: "cannot score the dataset: \(error)")
        } catch {
            throw Diagnostic(error: error, source: nil)
        }
    }

    static func register(in database: Database, frameworks: [Framework]) {
        @Sendable func data(_ context: TableFunctionContext) throws -> InspectionData {
            guard let areas = context.table(named: "areas") else { throw InspectionError.missingTable("areas") }
            guard let inspections = context.table(named: "inspections") else {
                throw InspectionError.missingTable("inspections")
            }
            let raw = try InspectionData(
                frameworks: frameworks, areas: areas, inspections: inspections, scores: context.table(named: "scores"))
            guard context.table(named: "scores")?.column(named: "band_source") == nil else { return raw }
            // A scores table the user made: band it and derive totals on the fly (no judgements here).
            let united = ScoreTable.unite(
                existing: raw.scores, pooled: [], inspections: raw.inspections, frameworks: frameworks)
            return InspectionData(
                frameworks: frameworks, areas: raw.areas, inspections: raw.inspections, scores: united)
        }
        let verbs:
            [(String, String, @Sendable ([Value], VerbOptions, InspectionData, TableFunctionContext) throws -> Table)] =
                [
                    (
                        "profile",
                        "profile(area) — the area's latest scores under each framework, with bands, n and 95% intervals",
                        { args, options, data, _ in
                            try ProfileVerb.run(area: try text(args, 0, "an area"), options: options, data: data)
                        }
                    ),
                    (
                        "compare",
                        "compare(area, ...) — areas beside the lowest / highest / average of areas inspected to date",
                        { args, options, data, _ in
                            try CompareVerb.run(areas: args.map(\.description), options: options, data: data)
                        }
                    ),
                    (
                        "triggers", "triggers() — areas whose latest inspection meets a framework trigger rule",
                        { _, options, data, _ in try TriggersVerb.run(options: options, data: data) }
                    ),
                    (
                        "ranges", "ranges([measure]) — lowest, quartiles, median, highest, average by group",
                        { args, options, data, _ in
                            try RangesVerb.run(measure: args.first?.description, options: options, data: data)
                        }
                    ),
                    (
                        "distribution", "distribution(measure) — counts per rating or a histogram of scores",
                        { args, options, data, _ in
                            try DistributionVerb.run(
                                measure: try text(args, 0, "a measure"), options: options, data: data)
                        }
                    ),
                    (
                        "deltas",
                        "deltas([area], [measure]) — changes between successive inspections (or outcome periods) with significance",
                        { args, options, data, context in
                            var area = args.first?.description, measure = args.count > 1 ? args[1].description : nil
                            let indicators =
                                context.table(named: "outcome_indicators").map(OutcomeDeltasVerb.indicators) ?? []
                            func isMeasure(_ name: String) -> Bool {
                                (try? data.resolveMeasure(name)) != nil
                                    || indicators.contains { $0.lowercased() == name.lowercased() }
                            }
                            if let first = area, measure == nil, (try? data.resolveArea(first)) == nil {
                                (area, measure) = (nil, first)
                                // `deltas North Lincolnshire RoH` arrives as one run of words: split it at a space.
                                if !isMeasure(first) {
                                    let words = first.split(separator: " ").map(String.init)
                                    for cut in (1..<max(1, words.count)).reversed() {
                                        let (a, m) = (
                                            words[..<cut].joined(separator: " "), words[cut...].joined(separator: " ")
                                        )
                                        if (try? data.resolveArea(a)) != nil, isMeasure(m) {
                                            (area, measure) = (a, m); break
                                        }
                                    }
                                }
                            }
                            if let name = measure, (try? data.resolveMeasure(name)) == nil,
                                let outcomes = context.table(named: "outcome_indicators"),
                                OutcomeDeltasVerb.indicators(in: outcomes).contains(where: {
                                    $0.lowercased() == name.lowercased()
                                })
                            {
                                return try OutcomeDeltasVerb.run(area: area, indicator: name, outcomes: outcomes)
                            }
                            return try DeltasVerb.run(area: area, measure: measure, options: options, data: data)
                        }
                    ),
                    (
                        "funnel", "funnel(measure) — proportions against national funnel limits (95%, 99.8%)",
                        { args, options, data, _ in
                            try FunnelVerb.run(measure: try text(args, 0, "a measure"), options: options, data: data)
                        }
                    ),
                ]
        for (name, summary, run) in verbs {
            database.registerTableFunction(name: name, summary: summary) { arguments, named, context in
                do {
                    return try run(arguments, try options(named), try data(context), context)
                } catch let error as InspectionError {
                    throw QueryError(
                        .invalidArgument, error.description,
                        suggestions: error.candidates.isEmpty ? [] : closest(error))
                }
            }
        }
    }

    private static func closest(_ error: InspectionError) -> [String] {
        let asked: String
        switch error {
        case .unknownArea(let a, _), .unknownMeasure(let a, _), .unknownFramework(let a, _): asked = a
        default: return []
        }
        return Suggestions.closest(to: asked, among: error.candidates)
    }

    private static func text(_ arguments: [Value], _ index: Int, _ what: String) throws -> String {
        guard index < arguments.count, !arguments[index].isNull else {
            throw InspectionError.badArgument("needs \(what)")
        }
        return arguments[index].description
    }

    private static func options(_ named: [String: Value]) throws -> VerbOptions {
        var options = VerbOptions()
        for (name, value) in named {
            switch name {
            case "as_of":
                switch value {
                case .date(let d): options.asOf = d
                case .varchar(let s):
                    guard let d = PeriodEnd.of(s) else {
                        throw InspectionError.badArgument("as_of must be a date such as 2012-06-30")
                    }
                    options.asOf = d
                default: throw InspectionError.badArgument("as_of must be a date such as 2012-06-30")
                }
            case "within": options.within = value.description
            case "by": options.by = value.description
            case "framework": options.framework = value.description
            case "bins":
                guard case .bigint(let n) = value else {
                    throw InspectionError.badArgument("bins must be a whole number")
                }
                options.bins = Int(n)
            case "width":
                switch value {
                case .bigint(let n): options.width = Double(n)
                case .double(let d): options.width = d
                default: throw InspectionError.badArgument("width must be a number")
                }
            default:
                throw QueryError(
                    .invalidArgument, "unknown option \(name)",
                    suggestions: Suggestions.closest(
                        to: name, among: ["as_of", "within", "by", "framework", "bins", "width"]))
            }
        }
        return options
    }
}
