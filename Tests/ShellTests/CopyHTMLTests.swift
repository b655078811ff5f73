import FileOutput
import Foundation
import Inspection
import QueryEngine
import Rendering
import Reporting
import TestSupport
import Testing

@testable import Shell

/// `COPY … (FORMAT html)` writes a whole page around the same table `.mode html` prints, styled with the
/// session's frameworks' bands.
@Suite struct CopyHTMLTests {
    @Test func copyWritesAWholePageAroundTheHTMLTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "yotq-copy-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = Session(output: StringSink(), errors: StringSink())
        let frameworks = try FrameworkLoader.loadFolder(PackageRoot.path("Datasets/frameworks"))
        session.reportContext = ReportContext(frameworks: frameworks)
        let database = session.database
        let query =
            "SELECT * FROM (VALUES ('Alpha & co', 45.0, 'SUBSTANTIAL'), ('Beta', 43.333, 'DRASTIC')) t(area, score, band)"
        _ = try database.run("COPY (\(query)) TO '\(folder.path)/scores.html'")
        let page = try String(contentsOf: folder.appendingPathComponent("scores.html"), encoding: .utf8)
        let table = try #require(try database.run(query).last?.table)
        let fragment = TableRenderer(
            options: RenderOptions(
                mode: .html, maxRows: 0, showRowCount: false, columnStyles: session.reportContext.columnStyles)
        ).render(table)
        #expect(page == HTMLDocument(title: "scores", bands: session.reportContext.palette).render(body: fragment))
        #expect(
            page.contains(
                "<td>Alpha &amp; co</td><td class=\"num\">45</td><td class=\"band band-substantial\">SUBSTANTIAL</td>"))
        #expect(page.contains("<td class=\"num\">43.3</td>"))
        #expect(page.contains(".band-substantial { background:"))
    }
}
