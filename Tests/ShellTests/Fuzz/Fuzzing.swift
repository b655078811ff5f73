import Foundation
import TestSupport

/// Seeded mutation fuzzing shared by the fuzz suites (`MutationFuzzTests`).
///
/// In a normal `swift test` each target runs a short deterministic slice (fixed seeds, a few seconds in
/// all). `scripts/fuzz` sets `YOTQ_FUZZ_SECONDS` (time per target) and `YOTQ_FUZZ_SEED` (first seed) to run
/// for longer. Before each input is tried it is written to `.fuzz/last-<target>.txt` with its seed, so a
/// crash (which ends the process) leaves the input behind; a failed oracle saves
/// `.fuzz/<target>-<seed>.bin` and the test fails naming the seed.
enum Fuzzing {
    /// Seconds per target from `YOTQ_FUZZ_SECONDS`; nil runs the deterministic slice.
    static var seconds: Double? {
        ProcessInfo.processInfo.environment["YOTQ_FUZZ_SECONDS"].flatMap(Double.init)
    }

    static var firstSeed: UInt64 {
        ProcessInfo.processInfo.environment["YOTQ_FUZZ_SEED"].flatMap { UInt64($0) } ?? 1
    }

    /// The repository's root (this file is Tests/ShellTests/Fuzz/Fuzzing.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var folder: URL {
        let path = ProcessInfo.processInfo.environment["YOTQ_FUZZ_DIR"] ?? root.appendingPathComponent(".fuzz").path
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Finding {
        var seed: UInt64
        var message: String
        var savedAt: String
    }

    /// Runs `check` on mutated inputs: `slice` seeds by default, or until `YOTQ_FUZZ_SECONDS` pass.
    /// `check` returns a problem in words (an oracle failed), or nil. Returns the findings and how many
    /// inputs were tried.
    static func run(
        target: String, corpus: [[UInt8]], slice: Int, check: ([UInt8]) -> String?
    ) -> (findings: [Finding], count: Int) {
        let folder = folder
        let last = folder.appendingPathComponent("last-\(target).txt")
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        var findings: [Finding] = []
        var seed = firstSeed
        var count = 0
        while deadline.map({ Date() < $0 }) ?? (count < slice) {
            var generator = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ UInt64(target.utf8.count))
            let input = Mutator.mutate(corpus: corpus, using: &generator)
            let record = "target \(target) seed \(seed)\n".utf8 + input
            try? Data(record).write(to: last)
            let started = Date()
            var problem = check(input)
            let elapsed = Date().timeIntervalSince(started)
            if problem == nil, elapsed > 5 { problem = String(format: "took %.1f s", elapsed) }
            if let problem {
                let saved = folder.appendingPathComponent("\(target)-\(seed).bin")
                try? Data(input).write(to: saved)
                findings.append(Finding(seed: seed, message: problem, savedAt: saved.path))
                if findings.count >= 5 { break }
            }
            seed &+= 1
            count += 1
        }
        try? FileManager.default.removeItem(at: last)
        let summary = "fuzz \(target): \(count) inputs, \(findings.count) findings (seeds from \(firstSeed))\n"
        FileHandle.standardError.write(Data(summary.utf8))
        if seconds != nil {
            try? Data(summary.utf8).write(to: folder.appendingPathComponent("summary-\(target).txt"))
        }
        return (findings, count)
    }
}

/// Byte-level mutations with tokens that matter to yotq's readers and parsers.
enum Mutator {
    static let tokens: [[UInt8]] =
        [
            ",", "\"", "\"\"", "\n", "\r\n", "\r", "\t", ";", "|", "{", "}", "[", "]", ":", "\\", "\\u0000", "\\uD800",
            "1e309", "-1e400", "NaN", "inf", "-0.0", "9223372036854775807", "-9223372036854775808",
            "18446744073709551616",
            "2024-02-30", "0001-01-01", "true", "null", "'", "''", "(", ")", "SELECT", " FROM ", " WHERE ", " NOT ",
            " IS NULL", " ORDER BY ", " GROUP BY ", " OVER (", "ROWS BETWEEN", " UNION ALL ", " JOIN ", "CASE WHEN",
            "/*", "*/", "--", "$$", "E'\\x", "<", ">", "</", "<script>", "<svg/onload=x>", " onerror=", "javascript:",
            "&#106;", "&#x6A", "&colon;", "&Tab;", "\u{1B}[31m", "é", "東", "\u{FEFF}", "\u{0}",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80]]

    static func mutate<G: RandomNumberGenerator>(corpus: [[UInt8]], using generator: inout G) -> [UInt8] {
        var bytes = corpus.randomElement(using: &generator) ?? []
        let rounds = Int.random(in: 1...6, using: &generator)
        for _ in 0..<rounds {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0 where !bytes.isEmpty:  // flip a byte
                let index = min(position, bytes.count - 1)
                bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1:  // insert a token
                bytes.insert(contentsOf: tokens.randomElement(using: &generator)!, at: position)
            case 2 where !bytes.isEmpty:  // delete a run
                let start = min(position, bytes.count - 1)
                let length = Int.random(in: 1...max(1, min(16, bytes.count - start)), using: &generator)
                bytes.removeSubrange(start..<min(bytes.count, start + length))
            case 3 where !bytes.isEmpty:  // duplicate a run, sometimes many times
                let start = min(position, bytes.count - 1)
                let run = Array(bytes[start..<min(bytes.count, start + Int.random(in: 1...32, using: &generator))])
                let times = Bool.random(using: &generator) ? 1 : Int.random(in: 2...200, using: &generator)
                bytes.insert(contentsOf: Array((0..<times).map { _ in run }.joined()), at: start)
            case 4:  // splice another corpus entry
                let other = corpus.randomElement(using: &generator) ?? []
                if !other.isEmpty {
                    let from = Int.random(in: 0..<other.count, using: &generator)
                    let to = Int.random(in: from...other.count, using: &generator)
                    bytes.insert(contentsOf: other[from..<to], at: position)
                }
            case 5 where !bytes.isEmpty:  // replace a byte with a random one
                bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &generator)
            case 6 where bytes.count > 1:  // truncate
                bytes.removeSubrange(position..<bytes.count)
            default:  // swap two runs' order by moving one
                guard bytes.count > 2 else { continue }
                let start = min(position, bytes.count - 2)
                let run = Array(bytes[start..<min(bytes.count, start + Int.random(in: 1...8, using: &generator))])
                bytes.removeSubrange(start..<start + run.count)
                bytes.insert(contentsOf: run, at: Int.random(in: 0...bytes.count, using: &generator))
            }
        }
        return bytes.count > 1 << 16 ? Array(bytes.prefix(1 << 16)) : bytes
    }
}
