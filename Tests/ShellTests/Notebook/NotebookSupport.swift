import FileOutput
import Foundation
import Rendering
import TestSupport
import Testing
@testable import Shell

/// Helpers for the notebook tests: parse or run a notebook held in a string, compare with golden files.
enum NotebookTesting {
    static let datasets = PackageRoot.path("Datasets")

    /// Parses `text` as a notebook named `name`, filling parameters from its defaults and `parameters`.
    static func parse(_ text: String, name: String = "example.md", parameters: [String] = []) throws -> Notebook {
        let parsed = try NotebookParser.parse(text, name: name)
        let values = try NotebookParameters(notebook: parsed, commandLine: try NotebookParameters.parse(parameters))
        return values.fill(parsed)
    }

    /// Runs `text` in a fresh session (with the bundled data when `withData`).
    static func run(_ text: String, name: String = "example.md", keepGoing: Bool = false, withData: Bool = false)
        throws -> NotebookRun
    {
        let session = Session(output: StringSink(), errors: StringSink())
        session.settings.maxRows = 0
        if withData { try DatasetLoader(session: session).loadFolder(datasets) }
        return NotebookRunner(session: session, keepGoing: keepGoing).run(try parse(text, name: name))
    }

    /// The outputs of every cell, in order.
    static func outputs(_ run: NotebookRun) -> [CellOutput] {
        run.blocks.flatMap { block -> [CellOutput] in
            if case .cell(_, let outputs) = block { return outputs }
            return []
        }
    }

    /// The tables among `outputs`, as CSV text.
    static func tablesAsCSV(_ run: NotebookRun) -> [String] {
        outputs(run).compactMap { output in
            guard case .table(let table, _) = output else { return nil }
            return TableRenderer(mode: .csv).render(table)
        }
    }

    /// Expected notebook outputs; `YOTQ_RECORD=1 swift test` re-records them.
    static let golden = GoldenFiles("Tests/ShellTests/Notebook/Golden")

    /// A temporary folder for written outputs, removed by the caller.
    static func folder() -> URL { temporaryFolder() }

    /// Writes `text` as `name` inside `folder`; returns its path.
    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
