import Foundation
import Inspection
import Testing

/// A harness, not a check: with `YOTQ_SYNTHETIC_EXPORT=DIR` set, writes a dataset to DIR (rounds from
/// `YOTQ_SYNTHETIC_ROUNDS`, default 1; seed from `YOTQ_SYNTHETIC_SEED`, default 1), the same bytes
/// `yotq generate` writes. `scripts/bench --data DIR` can then run before the CLI exists.
@Suite struct SyntheticExportTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["YOTQ_SYNTHETIC_EXPORT"] != nil))
    func exportsADatasetWhenAsked() throws {
        let folder = URL(fileURLWithPath: try #require(Self.environment["YOTQ_SYNTHETIC_EXPORT"]))
        let rounds = Int(Self.environment["YOTQ_SYNTHETIC_ROUNDS"] ?? "1") ?? 1
        let seed = UInt64(Self.environment["YOTQ_SYNTHETIC_SEED"] ?? "1") ?? 1
        let dataset = try SyntheticDataset(rounds: rounds, seed: seed)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in SyntheticDataset.File.allCases {
            var bytes: [UInt8] = []
            dataset.write(file, to: &bytes)
            try Data(bytes).write(to: folder.appendingPathComponent(file.fileName), options: .atomic)
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(SyntheticDataset.File.allCases.map(\.fileName)).isSubset(of: Set(written)))
    }
}
