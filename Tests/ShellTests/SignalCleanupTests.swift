import Foundation
import TestSupport
import Testing

/// A batch run stopped by a signal while COPY writes leaves neither a partial target nor a hidden
/// temporary file beside it.
@Suite struct SignalCleanupTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalDuringCopyRemovesTheTemporaryFile(signal: Int32) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Enough rows that writing them takes a while even in a release build.
        var text = "id,name\n"
        for row in 0..<400_000 { text += "\(row),area number \(row % 997)\n" }
        try text.write(to: folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.yotq())
        process.currentDirectoryURL = folder
        // HTML takes longest to write per row: the write phase lasts long enough to be caught.
        process.arguments = ["--no-data", "-c", "COPY (SELECT * FROM read_csv('big.csv')) TO 'out.html'"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the temporary file to appear (the write phase), then stop the process.
        var sawTemporary = false
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if names.contains(where: { $0.hasPrefix(".out.html.tmp-") }) {
                sawTemporary = true
                break
            }
            usleep(1_000)
        }
        try #require(sawTemporary, "the COPY finished before the test could interrupt its write")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["big.csv"])
    }
}
