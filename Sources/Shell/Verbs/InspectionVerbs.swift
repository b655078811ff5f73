import Platform
import Spelling
import Columnar
import FileOutput
import Foundation
import Inspection
import QueryEngine
import Reporting

/// Glues the Inspection module's pure verbs to a session's database: loads the framework files, unites
/// the `scores` table (published + computed, with bands and where they came from) and registers the
/// verbs as table functions (`SELECT * FROM compare('Harrow')`).
enum InspectionVerbs {
    /// The framework files for a dataset: `FOLDER/frameworks/`, else the ones the session used last,
    /// else the bundled ones.
    static func frameworkFolder(near folder: String, used: String? = nil) -> String? {
        let manager = FileManager.default
        let candidates =
            [FilePaths.join(folder, "frameworks")] + (used.map { [$0] } ?? [])
            + (Launcher.defaultDataFolder().map { [FilePaths.join($0, "frameworks")] } ?? [])
        return candidates.first { manager.fileExists(atPath: $0) }
    }

    /// The bundled frameworks' report context (read once per process), for sessions that have loaded no
    /// dataset yet; empty when the bundled folder cannot be found or read.
    static let bundledReportContext: ReportContext = {
        guard let folder = Launcher.defaultDataFolder().map({ FilePaths.join($0, "frameworks") }),
            let frameworks = try? FrameworkLoader.loadFolder(folder)
        else { return ReportContext(frameworks: []) }
        return ReportContext(frameworks: frameworks)
    }()

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
        let warnings = try uniteScores(session.database, frameworks: frameworks, ignoringExistingScores: stale)
        // Contradictory printed figures: one warning line each on standard error, naming the source; all
        // of them queryable as the table `validation_warnings`.
        for warning in warnings {
            try? session.errorOutput.write(TerminalSafeText.escaping("warning: \(folder): \(warning)") + "\n")
        }
        register(in: session.database, frameworks: frameworks)
        session.frameworkFolder = frameworkFolder
        session.reportContext = ReportContext(frameworks: frameworks)
    }

    /// Replaces `scores` by the united table when the session has inspections, and registers
    /// `validation_warnings` (`DataValidation`: printed figures that contradict each other); returns them.
    @discardableResult
    static func uniteScores(_ database: Database, frameworks: [Framework], ignoringExistingScores: Bool = false)
        throws(Diagnostic) -> [ValidationWarning]
    {
        guard let areas = database.table(named: "areas"), let inspections = database.table(named: "inspections") else {
            return []
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
            let warnings = DataValidation.warnings(
                in: InspectionData(
                    frameworks: frameworks, areas: data.areas, inspections: data.inspections, scores: united))
            try database.register(ValidationTable.table(warnings), as: "validation_warnings", replace: true)
            return warnings
        } catch let error as InspectionError {
            throw Diagnostic(message: "cannot score the dataset: \(error)")
        } catch {
            throw Diagnostic(error: error, source: nil)
        }
    }

    /// Each verb of `Verb.all` as a table function (`SELECT * FROM compare('Harrow')`).
    static func register(in database: Database, frameworks: [Framework]) {
        database.registerTableFunction(name: "frameworks", summary: "frameworks() — the inspection frameworks loaded") {
            arguments, named, _ in
            guard arguments.isEmpty, named.isEmpty else {
                throw QueryError(.invalidArgument, "frameworks() takes no arguments")
            }
            return FrameworkTables.frameworks(frameworks)
        }
        database.registerTableFunction(
            name: "measures", summary: "measures() — every measure of every framework, with its kind, scale and aliases"
        ) { arguments, named, _ in
            guard arguments.isEmpty, named.isEmpty else {
                throw QueryError(.invalidArgument, "measures() takes no arguments")
            }
            return FrameworkTables.measures(frameworks)
        }
        for verb in Verb.all {
            database.registerTableFunction(
                name: verb.name, summary: verb.name + "(" + verb.positional + ") — " + verb.summary
            ) {
                arguments, named, context in
                do throws(InspectionError) {
                    let table: (String) -> Table? = { context.table(named: $0) }
                    let call = VerbCall(
                        arguments: arguments, options: try VerbOptions(named: named, for: verb),
                        data: try InspectionData.of(frameworks: frameworks, table: table), table: table)
                    return try verb.run(call)
                } catch {
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
        case .unknownArea(let a, _), .unknownMeasure(let a, _), .unknownFramework(let a, _),
            .unknownOption(let a, _, _):
            asked = a
        default: return []
        }
        // A name typed in part (`Richmond` for Richmond upon Thames) is a prefix of words, not a typo.
        let key = asked.lowercased()
        let partial = error.candidates.filter { candidate in
            let lower = candidate.lowercased()
            return lower != key
                && (lower.hasPrefix(key + " ") || lower.contains(" " + key + " ") || lower.hasSuffix(" " + key))
        }
        let close = Suggestions.closest(to: asked, among: error.candidates)
        return Array((partial.sorted() + close.filter { !partial.contains($0) }).prefix(3))
    }
}
