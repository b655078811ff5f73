import Columnar
import Foundation
import Reporting
import Testing

/// Result tables written to files: every format through one atomic write, and a write that Ctrl-C
/// cancels leaves the target as it was.
@Suite struct TableFilesTests {
    static let table = Table([("n", Column(.bigint((0..<200_000).map(Int64.init))))])

    @Test func aCancelledWriteLeavesTheTargetAsItWas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        try "before\n".write(toFile: path, atomically: true, encoding: .utf8)
        var chunks = 0
        #expect(throws: TableFiles.Cancelled.self) {
            try TableFiles.write(
                Self.table, to: path, format: "csv", header: true, title: "out", context: ReportFixtures.context,
                isCancelled: {
                    chunks += 1
                    return chunks > 2
                })
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "before\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test func everyFormatNamesAnExtensionItCanBeChosenBy() {
        #expect(TableFiles.format(forExtension: "MD") == "markdown")
        #expect(TableFiles.format(forExtension: "htm") == "html")
        #expect(TableFiles.format(forExtension: "parquet") == nil)
        #expect(TableFiles.formats.contains("jsonl"))
    }
}
