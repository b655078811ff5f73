import FileOutput
import Foundation
import Rendering
import TestSupport
import Testing
@testable import Shell

/// The notebooks shipped in `Notebooks/`, run on the bundled data as `yotq notebook` runs them.
@Suite struct BundledNotebookTests {
    /// Renders `Notebooks/NAME` to HTML in a temporary folder; returns the status and the page.
    func render(_ name: String, parameters: [String] = []) throws -> (Shell.ExitStatus, String, errors: String) {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.html").path
        let path = PackageRoot.path("Notebooks/" + name)
        let errors = StringSink()
        let status = NotebookCommand.run(
            NotebookOptions(path: path, output: output, parameters: parameters), errors: errors)
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "", errors.text)
    }

    @Test func harrow2011IsWellFormedSelfContainedAndShowsTheSeedsScoresWithBands() throws {
        let (status, html, errors) = try render("harrow-2011.md")
        #expect(status == .success)
        #expect(errors.isEmpty)
        #expect(HTMLWellFormedness.problem(in: html) == nil)
        #expect(SelfContainedHTML.problem(in: html, wholePage: true) == nil)
        for reference in ["<script", "src=\"http", "<link", "url(http", "@import"] {
            #expect(!html.lowercased().contains(reference), "\(reference)")
        }
        let rows = HTMLWellFormedness.tableRows(in: html)
        for (work, score, band) in [
            ("Safeguarding", "45", "SUBSTANTIAL"), ("Risk of Harm", "43", "DRASTIC"),
            ("Likelihood of Reoffending", "53", "SUBSTANTIAL"),
        ] {
            let shown = rows.contains { row in
                row.contains { $0.hasPrefix(work) } && row.contains { $0 == score || $0 == score + "%" }
                    && row.contains { $0.localizedCaseInsensitiveContains(band) }
            }
            #expect(shown, "\(work) \(score) \(band)")
        }
        // Its 2021 youth inspection.
        #expect(rows.contains { $0.contains("Overall rating") && $0.contains { $0.contains("Requires improvement") } })
    }

    @Test(arguments: ["london-comparison.md", "youth-ratings.md", "area-board-pack.md"])
    func everyRealDataNotebookRendersCleanly(name: String) throws {
        let (status, html, errors) = try render(name)
        #expect(status == .success)
        #expect(errors.isEmpty)
        #expect(HTMLWellFormedness.problem(in: html) == nil)
        #expect(SelfContainedHTML.problem(in: html, wholePage: true) == nil)
        #expect(!html.contains("class=\"error\""))
    }

    @Test func theBoardPackServesAnotherArea() throws {
        let (status, html, _) = try render("area-board-pack.md", parameters: ["area=North Lincolnshire"])
        #expect(status == .success)
        #expect(html.contains("<title>North Lincolnshire: youth justice inspections, board pack</title>"))
        #expect(!html.contains("Harrow"))
        let rows = HTMLWellFormedness.tableRows(in: html)
        #expect(rows.contains { $0.contains("safeguarding") && $0.contains("37") && $0.contains("83") })
    }

    /// The verbs find an area whatever its case; the pack's SQL cells must too (a lower-case
    /// `--param area=harrow` once showed no re-inspection flag for Harrow).
    @Test func theBoardPackFindsAnAreaWrittenInAnyCase() throws {
        let (status, html, _) = try render("area-board-pack.md", parameters: ["area=harrow"])
        #expect(status == .success)
        let rows = HTMLWellFormedness.tableRows(in: html)
        #expect(rows.contains { $0.contains("mid-2012") && $0.contains("Harrow") })
    }

    @Test func wellFormednessCheckerCatchesMistakes() {
        #expect(HTMLWellFormedness.problem(in: "<p><b>x</p></b>") == "</p> closes <b>")
        #expect(HTMLWellFormedness.problem(in: "<div>a & b</div>")?.hasPrefix("a bare &") == true)
        #expect(HTMLWellFormedness.problem(in: "<ul><li>x</li>") == "unclosed: ul")
        #expect(HTMLWellFormedness.problem(in: "<meta charset=\"a>b\"><br/><p title='x'>&amp;</p>") == nil)
    }
}
