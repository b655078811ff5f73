import Foundation
import TestSupport
import Testing
@testable import Inspection

/// The bundled framework files.
let bundledFrameworkFolder = PackageRoot.path("Datasets/frameworks")

@Suite struct FrameworkLoadingTests {
    @Test func bundledFrameworksLoad() throws {
        let frameworks = try FrameworkLoader.loadFolder(bundledFrameworkFolder)
        #expect(frameworks.map(\.id) == ["cci-2009", "youth-2018"])
        let cci = try #require(frameworks.first)
        #expect(cci.programmes == ["CCI", "CCI-RE"])
        #expect(cci.measures.count == 14)
        #expect(cci.measure("c2.1")?.parent == "section_2")
        #expect(cci.measure("safeguarding")?.rule == .pool(.theme, key: "safeguarding"))
        #expect(cci.triggers.first?.status == .inferred)
        let youth = frameworks[1]
        #expect(
            youth.measure("total")?.rule
                == .sum((1...4).map { "s1.\($0)" } + (1...4).map { "s2.\($0)" } + (1...4).map { "s3.\($0)" }))
        #expect(youth.measure("overall")?.rule == .bandOf("total"))
    }

    @Test(arguments: [
        ("RoH", "risk_of_harm"), ("risk of harm", "risk_of_harm"), ("SAFEGUARDING", "safeguarding"),
        ("Safeguarding", "safeguarding"), ("lor", "likelihood_of_reoffending"), ("C1.3", "c1.3"), ("2.1", "c2.1"),
        ("3 Outcomes", "section_3"),
    ])
    func measuresResolveFromFriendlyNames(name: String, id: String) throws {
        let cci = try FrameworkLoader.load(path: bundledFrameworkFolder + "/cci-2009.json")
        #expect(cci.resolveMeasure(name)?.id == id)
    }

    @Test func bandsFollowTheCutPoints() throws {
        let cci = try FrameworkLoader.load(path: bundledFrameworkFolder + "/cci-2009.json")
        let scale = try #require(cci.scale("improvement"))
        // The seed: 43 DRASTIC, 45 SUBSTANTIAL, 61 MODERATE; 44.9 is still DRASTIC.
        #expect(scale.band(of: 43)?.label == "DRASTIC")
        #expect(scale.band(of: 44.9)?.label == "DRASTIC")
        #expect(scale.band(of: 45)?.label == "SUBSTANTIAL")
        #expect(scale.band(of: 59)?.label == "SUBSTANTIAL")
        #expect(scale.band(of: 61)?.label == "MODERATE")
        #expect(scale.band(of: 91)?.label == "MINIMUM")
        #expect(scale.band(of: -1) == nil)
        #expect(scale.band(of: .nan) == nil)
        let youth = try FrameworkLoader.load(path: bundledFrameworkFolder + "/youth-2018.json")
        let total = try #require(youth.scale("total_rating"))
        #expect(total.band(of: 18)?.label == "Requires improvement")
        #expect(total.band(of: 19)?.label == "Good")
        #expect(total.band(of: 31)?.label == "Outstanding")
    }

    static let minimal = #"""
        {"id": "t", "title": "T", "programmes": ["T"],
         "measures": [{"id": "m", "title": "M", "kind": "headline", "scale": "s"}],
         "scales": [{"id": "s", "bands": [{"label": "LOW", "from": 0, "status": "published", "evidence": "e"},
                                          {"label": "HIGH", "from": 50, "status": "inferred", "evidence": "e"}]}]}
        """#

    @Test func aThirdFrameworkNeedsOnlyAFile() throws {
        let framework = try FrameworkLoader.decode(Data(Self.minimal.utf8), file: "third.json")
        #expect(framework.id == "t")
        #expect(framework.scale(for: framework.measures[0])?.band(of: 70)?.label == "HIGH")
    }

    /// Each broken file names the file and the field at fault.
    @Test(arguments: [
        (#"{"id": "t"}"#, "title"),
        (Self.minimal.replacingOccurrences(of: #""kind": "headline""#, with: #""kind": "theme""#), "measures[0].kind"),
        (Self.minimal.replacingOccurrences(of: #""from": 50"#, with: #""from": "fifty""#), "scales[0].bands[1].from"),
        (Self.minimal.replacingOccurrences(of: #""from": 50"#, with: #""from": 0"#), "scales[0].bands[1].from"),
        (Self.minimal.replacingOccurrences(of: #""scale": "s"}"#, with: #""scale": "nope"}"#), "measures[0].scale"),
        (
            Self.minimal.replacingOccurrences(of: #""status": "published""#, with: #""status": "rumoured""#),
            "scales[0].bands[0].status"
        ),
        (
            Self.minimal.replacingOccurrences(of: #""kind": "headline""#, with: #""kind": "headline", "parent": "x""#),
            "measures[0].parent"
        ),
        (
            Self.minimal.replacingOccurrences(
                of: #""kind": "headline""#, with: #""kind": "headline", "rule": {"sum": ["x"]}"#),
            "measures[0].rule.sum"
        ),
        (
            Self.minimal.replacingOccurrences(of: #""kind": "headline""#, with: #""kind": "headline", "rule": {}"#),
            "measures[0].rule"
        ),
        (Self.minimal.replacingOccurrences(of: #""programmes": ["T"]"#, with: #""programmes": "T""#), "programmes"),
    ])
    func badFrameworkFileNamesFileAndField(text: String, field: String) {
        #expect(throws: FrameworkError.self) { try FrameworkLoader.decode(Data(text.utf8), file: "bad.json") }
        do {
            _ = try FrameworkLoader.decode(Data(text.utf8), file: "bad.json")
        } catch {
            #expect(error.file == "bad.json")
            #expect(error.field == field)
            #expect(error.description.contains("bad.json"))
        }
    }

    @Test func notJSONSaysSo() {
        do {
            _ = try FrameworkLoader.decode(Data("{nope".utf8), file: "x.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "x.json: not valid JSON")
        }
    }

    @Test func triggerOnAnUnknownBandIsRejected() {
        let text = Self.minimal.replacingOccurrences(
            of: #""scales""#,
            with:
                #""triggers": [{"id": "r", "title": "R", "status": "inferred", "evidence": "e", "when_any": [{"measure": "m", "bands": ["DRASTIC"]}]}], "scales""#
        )
        do {
            _ = try FrameworkLoader.decode(Data(text.utf8), file: "t.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "triggers[0].when_any[0].bands")
        }
    }
}

extension FrameworkLoadingTests {
    @Test func aBadEnumerationListsTheAllowedValues() {
        let text = Self.minimal.replacingOccurrences(of: #""kind": "headline""#, with: #""kind": "theme""#)
        do {
            _ = try FrameworkLoader.decode(Data(text.utf8), file: "bad.json")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "bad.json: field measures[0].kind: must be one of headline, section, criterion, standard")
        }
    }

    @Test func aBadFrameworkFileInAFolderIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-fw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.minimal.utf8).write(to: folder.appendingPathComponent("a.json"))
        try Data(#"{"id": "t", "title": 3}"#.utf8).write(to: folder.appendingPathComponent("b.json"))
        do {
            _ = try FrameworkLoader.loadFolder(folder.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.file.hasSuffix("b.json"))
            #expect(error.field == "title")
        }
    }
}
