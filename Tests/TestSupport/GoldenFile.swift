public import Foundation
public import Testing

/// Expected outputs kept as files in the source tree. `YOTQ_RECORD=1 swift test` rewrites them from the
/// current output instead of comparing (review the diff before committing).
public struct GoldenFiles: Sendable {
    /// The folder holding this suite's golden files.
    public let folder: URL

    /// `path` relative to the package root, e.g. `Tests/RenderingTests/Golden`.
    public init(_ path: String) { folder = PackageRoot.url.appendingPathComponent(path) }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["YOTQ_RECORD"] == "1" }

    /// Checks `actual` against the golden file `name` (may contain `/`), or records it when recording.
    /// A difference is reported with the first differing line of each side.
    public func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if GoldenFiles.isRecording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                Comment(rawValue: "no golden file \(url.path) (YOTQ_RECORD=1 records it)"),
                sourceLocation: sourceLocation)
            return
        }
        if let difference = GoldenFiles.firstDifference(actual, expected) {
            Issue.record(
                Comment(rawValue: "\(name) differs from its golden file \(difference)\n(YOTQ_RECORD=1 re-records)"),
                sourceLocation: sourceLocation)
        }
    }

    /// Where `actual` and `expected` first differ, as a message, or nil when they are equal.
    public static func firstDifference(_ actual: String, _ expected: String) -> String? {
        guard actual != expected else { return nil }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = line < actualLines.count ? String(actualLines[line]) : "(end of text)"
        let wanted = line < expectedLines.count ? String(expectedLines[line]) : "(end of text)"
        return "at line \(line + 1) of \(expectedLines.count):\n  got:      \(got)\n  expected: \(wanted)"
    }
}
