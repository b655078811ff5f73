import Columnar
import TestSupport
import Testing

@testable import Ingest

/// Random bytes drawn from the characters that matter to the parsers: every file must either read or fail
/// with an `IngestError`, never crash or hang, whatever the chunk size.
@Suite struct HostileInputTests {
    static let alphabet: [UInt8] = Array("ab,;|\t\"\"\n\r 0123.-e%{}[]:tfn\\u".utf8) + [0xC3, 0xA9, 0xFF, 0x00, 0xE6]

    static func randomBytes(seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        let count = Int.random(in: 0...400, using: &generator)
        return (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
    }

    @Test(arguments: 1...400)
    func csvReaderNeverCrashes(seed: UInt64) {
        let bytes = Self.randomBytes(seed: seed)
        let path = Fixture().write("fuzz.csv", bytes: bytes)
        var outcomes: [String] = []
        for chunkBytes in [1, 5, 8 << 20] {
            do {
                let table = try CSVReader.read(
                    path: path, options: CSVOptions(), tuning: CSVTuning(chunkBytes: chunkBytes))
                outcomes.append("rows \(table.rowCount) \(table.rows.map { $0.map(\.description) })")
            } catch {
                outcomes.append("error \(error.line ?? 0):\(error.column ?? 0) \(error.message)")
            }
        }
        // Chunking must never change the outcome.
        #expect(Set(outcomes).count == 1, "seed \(seed): \(outcomes)")
    }

    @Test(arguments: 1...400)
    func jsonReaderNeverCrashes(seed: UInt64) {
        var bytes = Self.randomBytes(seed: seed)
        if seed % 2 == 0 { bytes = Array("{\"k\": ".utf8) + bytes }
        let path = Fixture().write("fuzz.jsonl", bytes: bytes)
        do {
            _ = try JSONReader.read(path: path)
        } catch {
            #expect(!error.message.isEmpty)
        }
    }
}
