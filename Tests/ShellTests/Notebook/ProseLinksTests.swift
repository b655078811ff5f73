import FileOutput
import Foundation
import Rendering
import Testing
@testable import Shell

/// Relative links in prose still lead to their file when the document is written elsewhere.
@Suite struct ProseLinksTests {
    @Test(
        arguments: [
            ("/r/Notebooks/x.md", "/r/Notebooks/x.html", nil), ("/r/Notebooks/x.md", "/r/out/x.html", "../Notebooks/"),
            ("/r/Notebooks/x.md", "/r/Notebooks/a/b/x.html", "../../"), ("/r/x.md", "/r/Notebooks/x.html", "../"),
            ("/r/a/x.md", "/s/b/x.html", "../../r/a/"),
        ] as [(String, String, String?)])
    func theBaseLeadsFromTheOutputsFolderToTheNotebooks(notebook: String, output: String, base: String?) {
        #expect(ProseLinks.base(notebook: notebook, output: output) == base)
    }

    @Test(arguments: [
        ("../Datasets/README.md", true), ("data.csv", true), ("https://x.test/a", false), ("mailto:a@b", false),
        ("#section", false), ("/abs/path", false), ("data:image/png;base64,AA", false), ("?q=1", false),
    ])
    func relativeTargets(target: String, relative: Bool) {
        #expect(ProseLinks.isRelative(target[...]) == relative)
    }

    @Test func htmlLinksAndImagesAreRebasedOthersAreNot() {
        let html =
            ##"<p><a href="../Datasets/README.md">d</a> <a href="https://x.test">x</a> <img src="pic.png" alt="p"> <a href="#top">t</a></p>"##
        #expect(
            ProseLinks.rebaseHTML(html, base: "../Notebooks/")
                == ##"<p><a href="../Notebooks/../Datasets/README.md">d</a> <a href="https://x.test">x</a> <img src="../Notebooks/pic.png" alt="p"> <a href="#top">t</a></p>"##
        )
    }

    @Test func markdownLinksAreRebasedOutsideCode() {
        let prose =
            "See [the data](../Datasets/README.md) and ![a](pic.png), [web](https://x.test), <a href=\"n.txt\">n</a>.\n`[code](a.md)` stays.\n\n```\n[also](b.md)\n```\n"
        #expect(
            ProseLinks.rebaseMarkdown(prose, base: "../N/")
                == "See [the data](../N/../Datasets/README.md) and ![a](../N/pic.png), [web](https://x.test), <a href=\"../N/n.txt\">n</a>.\n`[code](a.md)` stays.\n\n```\n[also](b.md)\n```\n"
        )
    }

    @Test func aDocumentWrittenElsewhereKeepsItsLinksWorking() throws {
        let folder = NotebookTesting.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = folder.appendingPathComponent("Notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        let path = try NotebookTesting.write("See [notes](notes.txt).\n", "nb.md", in: notebooks)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        for name in ["out/nb.html", "out/nb.md", "Notebooks/nb.html"] {
            let output = folder.appendingPathComponent(name).path
            #expect(
                NotebookCommand.run(NotebookOptions(path: path, output: output, noData: true), errors: StringSink())
                    == .success)
            let text = try String(contentsOfFile: output, encoding: .utf8)
            let expected = name.hasPrefix("out/") ? "../Notebooks/notes.txt" : "notes.txt"
            #expect(text.contains(name.hasSuffix(".md") ? "](\(expected))" : "href=\"\(expected)\""), "\(name)")
        }
    }
}
