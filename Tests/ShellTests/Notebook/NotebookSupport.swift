import FileOutput
import Foundation
import Rendering
import Testing
@testable import Shell

/// Helpers for the notebook tests: parse or run a notebook held in a string, compare with golden files.
enum NotebookTesting {
    /// The package's root folder (for `Notebooks/` and `Datasets/`).
    static let packageRoot: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root
    }()

    static let datasets = packageRoot.appendingPathComponent("Datasets").path

    /// The `yotq` built beside this test bundle (whatever the scratch path), else `.build/debug/yotq`.
    static let binary: String? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("yotq")
        let candidates = [beside.path, packageRoot.appendingPathComponent(".build/debug/yotq").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

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

    /// Compares `actual` with the golden file `Golden/name`; `YOTQ_RECORD=1` writes it instead.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
        if ProcessInfo.processInfo.environment["YOTQ_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name) (YOTQ_RECORD=1 re-records)", sourceLocation: sourceLocation)
    }

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
