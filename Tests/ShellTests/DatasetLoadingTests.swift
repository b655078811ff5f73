import FileOutput
import Columnar
import Foundation
import Rendering
import QueryEngine
import TestSupport
import Testing
@testable import Shell

@Suite struct DatasetLoadingTests {
    @Test func aFolderOfDatasetsStacksSameNamedTablesByColumnName() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, text) in [("one", "id,score\nA,45\n"), ("two", "score,id,band\n61.5,B,MODERATE\n")] {
            let directory = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: directory.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
        }
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(root.path)
        let scores = try #require(run.session.database.table(named: "scores"))
        #expect(scores.schema.names == ["id", "score", "band"])
        #expect(scores.schema.fields.map(\.type) == [.varchar, .double, .varchar])
        #expect(
            scores.rows == [
                [.varchar("A"), .double(45), .null], [.varchar("B"), .double(61.5), .varchar("MODERATE")],
            ])
    }

    @Test func aRowRepeatedInTwoDatasetsIsKeptOnce() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, text) in [
            ("one", "area_code,area\nharrow,Harrow\nbrent,Brent\n"),
            ("two", "area_code,area\nharrow,Harrow\ncumberland,Cumberland\n"),
        ] {
            let directory = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: directory.appendingPathComponent("areas.csv"), atomically: true, encoding: .utf8)
        }
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(root.path)
        let areas = try #require(run.session.database.table(named: "areas"))
        #expect(areas.rows.map { $0[0] } == [.varchar("harrow"), .varchar("brent"), .varchar("cumberland")])
    }

    @Test func anEmptyFolderIsAnError() {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = CapturedRun()
        #expect(throws: Diagnostic.self) { try DatasetLoader(session: run.session).loadFolder(root.path) }
    }

    @Test func theBundledDatasetsLoad() throws {
        let datasets = PackageRoot.path("Datasets")
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(datasets)
        let names = Set(run.session.database.tableNames)
        #expect(names.isSuperset(of: ["areas", "inspections", "scores"]))
        #expect(run.run("SELECT count(*) = count(DISTINCT area_code) AS unique_codes FROM areas;") == .success)

        #expect(
            run.run(
                "SELECT score, band FROM scores WHERE inspection_id = 'cci-harrow-2011-12' AND measure = 'risk_of_harm';"
            )
                == .success)
        // score is DOUBLE on every dataset (CSV keeps full precision: 43.0).
        #expect(run.output.text == "unique_codes\ntrue\nscore,band\n43.0,DRASTIC\n")
    }

    /// A folder without framework files (the synthetic cache) takes the frameworks of the dataset loaded
    /// before it, not only the bundled ones: a binary away from the source tree runs with `--data DIR`.
    @Test func aFolderWithoutFrameworksUsesTheOnesLoadedBefore() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundled = PackageRoot.url.appendingPathComponent("Datasets")
        let mine = root.appendingPathComponent("mine")
        try FileManager.default.copyItem(at: bundled, to: mine)
        let bare = root.appendingPathComponent("bare")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        try "area_code,area,region\nx,X,London\n".write(
            to: bare.appendingPathComponent("areas.csv"), atomically: true, encoding: .utf8)
        try "inspection_id,area_code,programme,published\ni1,x,CCI,2011-01-01\n".write(
            to: bare.appendingPathComponent("inspections.csv"), atomically: true, encoding: .utf8)

        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(mine.path)
        try DatasetLoader(session: run.session).loadFolder(bare.path)
        #expect(run.session.frameworkFolder == mine.appendingPathComponent("frameworks").path)
    }
}
