import Platform
import Inspection
import Rendering
import Foundation
import FileOutput

/// The synthetic case-level dataset on disk: written by `yotq generate`, and cached for `.load synthetic`.
enum SyntheticFiles {
    /// Rounds and seed of the dataset `.load synthetic` makes: three rounds (about 3.8 million judgements)
    /// give every area two successive inspections to compare, and load in about a second (release).
    static let cachedRounds = 3
    static let cachedSeed: UInt64 = 1

    /// Writes every file of the dataset (and its README saying it is synthetic), each atomically.
    static func write(to folder: String, rounds: Int, seed: UInt64) throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(message: "cannot create the folder: \(error.localizedDescription)", file: folder)
        }
        do {
            let dataset = try SyntheticDataset(rounds: rounds, seed: seed)
            for file in SyntheticDataset.File.allCases {
                try AtomicFileWriter.replace(FilePaths.join(folder, file.fileName)) {
                    writer throws(FileWriteError) in
                    try dataset.write(file) { (bytes) throws(FileWriteError) in try writer.write(bytes) }
                }
            }
            try AtomicFileWriter.replace(FilePaths.join(folder, "README.md")) {
                writer throws(FileWriteError) in
                try writer.write(dataset.readme)
            }
        } catch {
            throw Diagnostic(error: error, source: nil)
        }
    }

    /// The cached dataset's folder, generated on first use: `$XDG_CACHE_HOME/yotq/synthetic-r3-s1`
    /// (default `~/.cache/yotq/...`). The README is written last, so its presence means "complete".
    static func cachedFolder(
        rounds: Int = cachedRounds, seed: UInt64 = cachedSeed,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(Diagnostic) -> String {
        let cache =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FilePaths.join(NSHomeDirectory(), ".cache")
        let folder = FilePaths.join(FilePaths.join(cache, "yotq"), "synthetic-r\(rounds)-s\(seed)")
        if !FileManager.default.fileExists(atPath: FilePaths.join(folder, "README.md")) {
            try write(to: folder, rounds: rounds, seed: seed)
        }
        return folder
    }
}
