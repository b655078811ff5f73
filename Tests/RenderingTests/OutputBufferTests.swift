import Columnar
import TestSupport
import Testing

@testable import Rendering

@Suite struct OutputBufferTests {
    private func written(_ fill: (OutputBuffer) -> Void) -> String {
        let out = OutputBuffer(chunkSize: 16)
        fill(out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test(arguments: [0, 1, -1, 9, 10, 99, -100, 1_234_567, Int64.max, Int64.min])
    func integersMatchSwiftText(value: Int64) {
        #expect(written { $0.append(value) } == String(value))
    }

    @Test(arguments: [
        0.0, -0.0, 1, -1, 3.5, 10, 0.1, 0.25, 124.875, 0.0001, 0.00012, 1e-5, 999_999_999.9999, 1e9, 1e15, 1e16,
        0.1 + 0.2, 1.0 / 3, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 45.67,
    ])
    func doublesMatchCanonicalFormat(value: Double) {
        #expect(written { $0.append(value) } == Value.format(value))
    }

    @Test func seededRandomDoublesMatchCanonicalFormat() {
        var generator = SeededGenerator(seed: 20_261_126)
        for _ in 0..<20_000 {
            let raw = generator.next()
            let candidates: [Double] = [
                Double(Int64(bitPattern: raw) % 1_000_000) / [1, 2, 4, 8, 10, 100, 1000, 10000, 3][Int(raw % 9)],
                Double(bitPattern: raw),
                Double(raw % 1_000_000_000) / 10_000,
            ]
            for value in candidates {
                #expect(written { $0.append(value) } == Value.format(value), "\(value.bitPattern)")
            }
        }
    }

    @Test func growsPastItsChunkForLongValues() {
        let long = String(repeating: "Môn ", count: 10_000)
        #expect(written { $0.append(long) } == long)
    }
}
