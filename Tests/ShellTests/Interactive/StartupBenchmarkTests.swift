import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Time from starting `yotq` on a terminal (bundled data loaded) to its first prompt: the issue asks for
/// under 50 ms. A benchmark, so it runs only on request (`YOTQ_BENCHMARK=1 swift test --filter Startup`)
/// against the release build (`swift build -c release`): on a busy machine timings say little.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["YOTQ_BENCHMARK"] == "1", "benchmark: set YOTQ_BENCHMARK=1"))
struct StartupBenchmarkTests {
    @Test func theShellPromptsWithin50MillisecondsOnTheBundledData() throws {
        let release = TerminalProcess.packageRoot + "/.build/release/yotq"
        try #require(FileManager.default.isExecutableFile(atPath: release), "build it: swift build -c release")
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        var times: [Duration] = []
        for _ in 0..<11 {
            let started = ContinuousClock.now
            let shell = try TerminalProcess(
                binary: release, arguments: ["--data", TerminalProcess.packageRoot + "/Datasets"],
                environment: ["TERM": "xterm", "HOME": state.path, "XDG_STATE_HOME": state.path, "INPUTRC": "/dev/null"])
            try #require(shell.waitFor("yotq> ", timeout: .seconds(5)))
            times.append(ContinuousClock.now - started)
            shell.type("\u{04}")
            _ = shell.waitForExit()
        }
        let median = times.sorted()[times.count / 2]
        print("yotq start-up to first prompt: median \(median) of \(times.count) runs; all: \(times)")
        #expect(median < .milliseconds(50))
    }
}
