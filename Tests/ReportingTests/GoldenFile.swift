import Foundation
import Testing

/// Expected outputs kept as files in `Tests/ReportingTests/Golden/`. `YOTQ_RECORD=1 swift test` rewrites
/// them from the current output (then review the diff before committing).
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["YOTQ_RECORD"] == "1" }

    /// Checks `text` against the golden file `name`, or records it when recording.
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard text != expected else { return }
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = line < actualLines.count ? String(actualLines[line]) : "(end)"
        let wanted = line < expectedLines.count ? String(expectedLines[line]) : "(end)"
        let message =
            "\(name) differs from its golden file at line \(line + 1):\n  got:      \(got)\n  expected: \(wanted)"
        Issue.record(Comment(rawValue: message + "\n(YOTQ_RECORD=1 re-records)"), sourceLocation: sourceLocation)
    }
}
