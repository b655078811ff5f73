import Columnar
import Foundation
import Ingest
import QueryLanguage
import Testing
import Workbooks

@testable import Shell

/// Issue 13's fuzzing job: seeded mutations of the CSV reader, the JSON reader, the SQL parser and the
/// notebook prose checker (see `Fuzzing`; `scripts/fuzz` runs them for longer under AddressSanitizer).
/// Each must never crash or hang; the CSV reader's result must not depend on its chunk size; prose HTML
/// the checker accepts must hold no script, event handler or `javascript:` address.
@Suite struct MutationFuzzTests {
    static let scratch = NSTemporaryDirectory() + "yotq-fuzz-" + UUID().uuidString

    static func write(_ name: String, _ bytes: [UInt8]) -> String {
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let path = scratch + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func report(_ target: String, _ result: (findings: [Fuzzing.Finding], count: Int)) {
        for finding in result.findings {
            Issue.record("fuzz \(target) seed \(finding.seed): \(finding.message) (input saved to \(finding.savedAt))")
        }
    }

    // MARK: CSV

    static let csvCorpus: [[UInt8]] = [
        "id,name,score,when\n1,Harrow,45.5,2024-01-02\n2,\"Ynys Môn\",,2023-12-31\n3,\"a \"\"quoted\"\" one\",1e3,\n",
        "a;b;c\r\n1;2;3\r\n4;5;6\r\n", "x\ty\n\"multi\nline\"\t7\n", "n\n9223372036854775807\n-9223372036854775808\n",
        "flag,pct\ntrue,12%\nfalse,-3.5%\n,\n", "1,2\n3,4\n5,6\n7,8\n", "\u{FEFF}h1,h2\n\"\",\"\"\n",
    ].map { Array($0.utf8) }

    @Test func csvReader() {
        let result = Fuzzing.run(target: "csv", corpus: Self.csvCorpus, slice: 300) { input in
            let path = Self.write("fuzz.csv", input)
            var outcomes: [String] = []
            for chunkBytes in [3, 64, 8 << 20] {
                do throws(IngestError) {
                    let table = try CSVReader.read(
                        path: path, options: CSVOptions(), tuning: CSVTuning(chunkBytes: chunkBytes))
                    outcomes.append("\(table.schema) \(table.rowCount) \(table.rows.map { $0.map(\.description) })")
                } catch {
                    outcomes.append("error \(error.line ?? 0):\(error.column ?? 0) \(error.message)")
                }
            }
            return Set(outcomes).count == 1 ? nil : "the chunk size changed the outcome: \(outcomes)"
        }
        Self.report("csv", result)
    }

    // MARK: JSON

    static let jsonCorpus: [[UInt8]] = [
        "{\"a\": 1, \"b\": \"x\", \"c\": [1, {\"d\": null}]}\n{\"a\": 2.5, \"e\": true}\n",
        "[{\"area\": \"Ynys Môn\", \"when\": \"2024-01-02\"}, {\"area\": \"\\u6771\\ud83d\\ude00\", \"n\": -0}]",
        "{\"n\": 9223372036854775807}\n{\"n\": 1e308}\n{\"n\": -9223372036854775808}\n",
        "{\"k\": \"a\\\"b\\\\c\\n\", \"k\": 2}\n{}\n", "[]", "{\"deep\": [[[[[[[[[[{\"x\": 1}]]]]]]]]]]}",
    ].map { Array($0.utf8) }

    @Test func jsonReader() {
        let result = Fuzzing.run(target: "json", corpus: Self.jsonCorpus, slice: 300) { input in
            let path = Self.write("fuzz.json", input)
            do throws(IngestError) {
                let table = try JSONReader.read(path: path)
                if table.columnCount > JSONReader.maximumColumns { return "\(table.columnCount) columns" }
                _ = table.rows
            } catch {
                if error.message.isEmpty { return "an error without a message" }
            }
            return nil
        }
        Self.report("json", result)
    }

    // MARK: Workbooks

    /// The committed fixture workbooks (XLSX and ODS, from openpyxl, LibreOffice and by hand).
    static let workbookCorpus: [(format: WorkbookFormat, bytes: [UInt8])] = {
        let folder = Fuzzing.root.appendingPathComponent("Tests/WorkbooksTests/Fixtures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            guard let format = WorkbookFormat(path: name), name != "bomb.xlsx",
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            else { return nil }
            return (format, Array(data))
        }
    }()

    /// Mutated workbooks (their ZIP containers and the XML inside) read as tables or fail with a
    /// message; never a crash or a hang.
    @Test(arguments: [WorkbookFormat.xlsx, .ods])
    func workbookReader(format: WorkbookFormat) {
        let corpus = Self.workbookCorpus.filter { $0.format == format }.map(\.bytes)
        #expect(!corpus.isEmpty, "no \(format) fixtures")
        let result = Fuzzing.run(target: format.rawValue, corpus: corpus, slice: 60) { input in
            let path = Self.write("fuzz." + format.rawValue, input)
            do throws(WorkbookError) {
                for table in try WorkbookReader.readAll(path: path, format: format) { _ = table }
            } catch {
                if "\(error)".isEmpty { return "an error without a message" }
            }
            return nil
        }
        Self.report(format.rawValue, result)
    }

    // MARK: SQL parser

    /// Statements of the logic tests: the lines after `statement` / `query` up to `----` or a blank line.
    static let sqlCorpus: [[UInt8]] = {
        let folder = Fuzzing.root.appendingPathComponent("Tests/QueryEngineTests/Logic")
        var statements: [[UInt8]] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".test") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else {
                continue
            }
            var current: [Substring]?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("statement") || line.hasPrefix("query") {
                    current = []
                } else if current != nil, line.isEmpty || line == "----" {
                    if let lines = current, !lines.isEmpty {
                        statements.append(Array(lines.joined(separator: "\n").utf8))
                    }
                    current = nil
                } else {
                    current?.append(line)
                }
            }
        }
        return statements.isEmpty ? [Array("SELECT 1".utf8)] : statements
    }()

    @Test func sqlParser() {
        #expect(Self.sqlCorpus.count > 100)
        let result = Fuzzing.run(target: "sql", corpus: Self.sqlCorpus, slice: 600) { input in
            let text = String(decoding: input, as: UTF8.self)
            do throws(SyntaxError) {
                _ = try parseScript(text)
            } catch {
                if error.message.isEmpty { return "a syntax error without a message" }
            }
            return nil
        }
        Self.report("sql", result)
    }

    // MARK: Notebook prose HTML

    static let htmlCorpus: [[UInt8]] = [
        "<p>Scores <strong>rose</strong> in <a href=\"https://example.org/x?a=1&amp;b=2\">Harrow</a>.</p>",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"chart\" width=\"10\">",
        "<svg viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"red\"/><use href=\"#a\"/></svg>",
        "<details open><summary>More</summary><table><tr><td colspan=\"2\">x</td></tr></table></details>",
        "<span style=\"color: #333; font-weight: bold\">styled</span><!-- a comment -->",
        "<svg/onload=alert(1)>", "<details/open/ontoggle=alert(1)>", "<img src=\"data:,\"onerror=alert(1)>",
        "<img alt=\">\" onerror=alert(1)>", "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>", "<span style=\"background: u\\72 l(http://x/)\">x</span>",
        "<a ping=\"http://x/\" href=\"#\">x</a>", "<script>alert(1)</script>", "<p title='a\"b'>q</p>",
    ].map { Array($0.utf8) }

    @Test func notebookProseChecker() {
        let result = Fuzzing.run(target: "html", corpus: Self.htmlCorpus, slice: 600) { input in
            let html = String(decoding: input, as: UTF8.self)
            guard SelfContainedHTML.problem(in: html) == nil else { return nil }
            return ProseOracle.danger(in: html).map { "accepted, but it holds \($0)" }
        }
        Self.report("html", result)
    }

    /// The oracle's own small reading of what the checker accepted: every tag (`<` and a letter up to a
    /// `>` outside quotes; comments skipped), entity-decoded, must hold no script, handler or
    /// `javascript:`.
    @Test func theProseOracleSeesTheIssuesAttacks() {
        for attack in [
            "<svg/onload=alert(1)>", "<img alt=\">\" onerror=alert(1)>", "<a href=\"&#106;avascript:x\">",
            "<a href=\"java&Tab;script:x\">", "<script>", "<p><img src=x\nonerror=y></p>",
        ] {
            #expect(ProseOracle.danger(in: attack) != nil, "\(attack)")
        }
        #expect(ProseOracle.danger(in: "<p>javascript: <!-- <script> --> onload=x</p>") == nil)
        // Found by the fuzzer as oracle mistakes: harmless as a browser reads them.
        for harmless in [
            "</s<a href=\"java\tscript:alert(1)\">", "<a href=\"https://e.org/x? from a=0&amjavascript:p;b=2\">",
            "<img alt= alt=\">\" onerror=alert(1)>", "<a href=\u{FFFD}javascript:x>", "<a href=href=\"javascript:x\">",
            "<p title=png\"data:,\"onerror=alert;x'a\"b'>", "<img alt=onerror=alert(1)>", "<ésvg/onload=alert(1)>",
            "<span style=\"javascript:alert(1)\">", "<circle cx=javascript:\"5\">",
            "<!-<script>- a comment -->", "<?x <img onerror=y>", "</ <svg onload=x>",
        ] {
            #expect(ProseOracle.danger(in: harmless) == nil, "\(harmless)")
        }
    }
}

/// An independent (deliberately simple) reading of HTML start tags for the fuzz oracle, following the
/// HTML tokenizer's states: `<` and an ASCII letter open a tag; attribute names run to a blank, `/`, `>`
/// or `=`; after `=` a quoted value runs to its quote, an unquoted one to a blank or `>`; comments and end
/// tags are skipped.
enum ProseOracle {
    /// Attributes a browser follows or loads as an address (`cx=javascript:…` is just a bad number).
    static let urlAttributes: Set<String> = [
        "href", "xlink:href", "src", "srcset", "action", "formaction", "poster", "data", "background", "ping",
        "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "manifest", "icon", "formaction", "to", "from", "values",
    ]

    static func danger(in html: String) -> String? {
        let s = Array(html.unicodeScalars)
        func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{C}" }
        func isLetter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        var i = 0
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else {
                i += 1
                continue
            }
            if s[i...].starts(with: "<!--".unicodeScalars) {
                var end = i + 4
                while end < s.count, !s[end...].starts(with: "-->".unicodeScalars) { end += 1 }
                i = end + 3
                continue
            }
            // `<!…>`, `<?…>` and `</` + a non-letter are bogus comments: text up to the next `>`.
            let next = s[i + 1]
            let bogus = next == "!" || next == "?" || (next == "/" && i + 2 < s.count && !isLetter(s[i + 2]))
            if bogus {
                while i < s.count, s[i] != ">" { i += 1 }
                continue
            }
            let endTag = s[i + 1] == "/"
            guard isLetter(s[endTag ? min(i + 2, s.count - 1) : i + 1]), !(endTag && i + 2 >= s.count) else {
                i += 1
                continue
            }
            i += endTag ? 2 : 1
            var name = ""
            while i < s.count, !isBlank(s[i]), s[i] != "/", s[i] != ">" {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            var attributes: [(name: String, value: String)] = []
            while i < s.count, s[i] != ">" {
                if isBlank(s[i]) || s[i] == "/" {
                    i += 1
                    continue
                }
                var attribute = String(s[i])
                i += 1
                while i < s.count, !isBlank(s[i]), s[i] != "/", s[i] != ">", s[i] != "=" {
                    attribute.unicodeScalars.append(s[i])
                    i += 1
                }
                while i < s.count, isBlank(s[i]) { i += 1 }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    while i < s.count, isBlank(s[i]) { i += 1 }
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]
                        i += 1
                        while i < s.count, s[i] != quote {
                            value.unicodeScalars.append(s[i])
                            i += 1
                        }
                        i += 1
                    } else {
                        while i < s.count, !isBlank(s[i]), s[i] != ">" {
                            value.unicodeScalars.append(s[i])
                            i += 1
                        }
                    }
                }
                attributes.append((attribute.lowercased(), value))
            }
            i += 1
            if endTag { continue }
            if name.lowercased() == "script" { return "a <script> tag" }
            for (attribute, value) in attributes {
                if attribute.hasPrefix("on") { return "an event handler (\(attribute)=) in <\(name)>" }
                let address = String(decodeEntities(value).lowercased().unicodeScalars.filter { $0.value > 0x20 })
                let scripted = address.hasPrefix("javascript:") || address.hasPrefix("vbscript:")
                if urlAttributes.contains(attribute), scripted {
                    return "a script URL (\(attribute)=\(value)) in <\(name)>"
                }
            }
        }
        return nil
    }

    /// Numeric character references (with or without `;`) and the named ones an attack would use.
    static func decodeEntities(_ text: String) -> String {
        var result = text
        let named = [
            "&tab;": "\t", "&newline;": "\n", "&colon;": ":", "&lpar;": "(", "&rpar;": ")", "&quot;": "\"",
            "&apos;": "'", "&amp;": "&", "&lt;": "<", "&gt;": ">",
        ]
        for (name, value) in named {
            result = result.replacingOccurrences(of: name, with: value, options: .caseInsensitive)
        }
        guard let pattern = try? NSRegularExpression(pattern: "&#([xX][0-9a-fA-F]+|[0-9]+);?") else { return result }
        while let match = pattern.firstMatch(in: result, range: NSRange(result.startIndex..., in: result)),
            let range = Range(match.range, in: result), let digits = Range(match.range(at: 1), in: result)
        {
            let text = result[digits]
            let value = text.hasPrefix("x") || text.hasPrefix("X") ? UInt32(text.dropFirst(), radix: 16) : UInt32(text)
            let scalar = value.flatMap(Unicode.Scalar.init).map(String.init) ?? "\u{FFFD}"
            result.replaceSubrange(range, with: scalar)
        }
        return result
    }
}
