import FileOutput
import Foundation
import QueryEngine
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
            #expect(written().contains("Ctrl-C cancels"))
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

/// The words of the progress line.
@Suite struct RateTrackerTests {
    private let start = ContinuousClock.now

    @Test func aReadShowsTheFileItsShareAndRate() {
        var tracker = RateTracker()
        let first = ProgressMeter.Snapshot(file: "/data/judgements.csv", bytesDone: 16_000_000, bytesTotal: 173_000_000)
        #expect(
            tracker.describe(first, elapsed: 1.04, now: start)
                == "running 1.0 s · judgements.csv 16 of 173 MB (9%) · Ctrl-C cancels")
        var later = first
        later.bytesDone = 86_500_000
        #expect(
            tracker.describe(later, elapsed: 1.54, now: start + .milliseconds(500))
                == "running 1.5 s · judgements.csv 87 of 173 MB (50%) at 141 MB/s · Ctrl-C cancels")
    }

    @Test func aQueryShowsRowsScannedAndTheirRate() {
        var tracker = RateTracker()
        var snapshot = ProgressMeter.Snapshot(rowsScanned: 1_200_000)
        #expect(
            tracker.describe(snapshot, elapsed: 1.0, now: start) == "running 1.0 s · 1.2M rows scanned · Ctrl-C cancels"
        )
        snapshot.rowsScanned = 6_200_000
        #expect(
            tracker.describe(snapshot, elapsed: 2.0, now: start + .seconds(1))
                == "running 2.0 s · 6.2M rows scanned at 5.0M rows/s · Ctrl-C cancels")
    }

    @Test func nothingMeasuredShowsElapsedTimeOnly() {
        var tracker = RateTracker()
        #expect(
            tracker.describe(ProgressMeter.Snapshot(), elapsed: 12.25, now: start) == "running 12.3 s · Ctrl-C cancels")
    }

    @Test(arguments: [(950, "950"), (12_345, "12.3K"), (4_100_000, "4.1M"), (2_000_000_000, "2.0G")])
    func countsAreShortened(value: Int, text: String) {
        #expect(RateTracker.count(value) == text)
    }
}
