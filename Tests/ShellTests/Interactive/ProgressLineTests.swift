import Foundation
import Rendering
import Testing
@testable import Shell

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ProgressLineTests {
    /// A progress line writing into a temporary file, and a way to read what it wrote.
    private func withProgressFile(_ body: (ProgressLine, () -> String) throws -> Void) rethrows {
        let path = temporaryFolder().appendingPathComponent("stderr").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
        }
        try body(ProgressLine(descriptor: descriptor)) { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    }

    @Test func aShortStatementShowsNoLine() {
        withProgressFile { progress, written in
            progress.begin()
            usleep(50_000)
            progress.end()
            usleep(1_200_000)
            #expect(written().isEmpty)
        }
    }

    @Test func aLongStatementShowsElapsedTimeThenOutputErasesIt() throws {
        try withProgressFile { progress, written in
            let output = StringSink()
            let sink = ProgressAwareSink(output, progress: progress)
            progress.begin()
            usleep(1_300_000)
            #expect(written().contains("running 1."))
            #expect(written().contains("(Ctrl-C cancels)"))
            try sink.write("result\n")
            #expect(written().hasSuffix("\r\u{1B}[2K"))
            #expect(output.text == "result\n")
            // Nothing more once output has begun.
            let length = written().count
            usleep(300_000)
            #expect(written().count == length)
            progress.end()
        }
    }
}
