import FileOutput
import Columnar
import Foundation
import Testing

@testable import Rendering

/// Big outputs reach the sink in bounded chunks rather than one string.
@Suite struct StreamingTests {
    final class ChunkRecorder: TextSink {
        var chunkSizes: [Int] = []
        var bytes: [UInt8] = []
        func write(_ bytes: UnsafeRawBufferPointer) {
            chunkSizes.append(bytes.count)
            self.bytes.append(contentsOf: bytes)
        }
    }

    static let big: Table = {
        let count = 50_000
        let ids = Column(.bigint((0..<Int64(count)).map { $0 * 7 }))
        let names = Column(type: .varchar, values: (0..<count).map { .varchar("area \($0 % 150), \"x\"") })
        return Table([("id", ids), ("name", names)])
    }()

    @Test(arguments: [OutputMode.csv, .tsv, .json, .jsonl, .html, .markdown])
    func bigOutputsArriveInBoundedChunks(mode: OutputMode) throws {
        let sink = ChunkRecorder()
        try TableRenderer(mode: mode).write(Self.big, to: sink)
        #expect(sink.chunkSizes.count > 10)
        #expect(sink.chunkSizes.max()! < (1 << 16) + 4096)
        #expect(String(decoding: sink.bytes, as: UTF8.self) == TableRenderer(mode: mode).render(Self.big))
    }

    @Test func csvOfBigTableHasEveryRow() {
        let text = TableRenderer(mode: .csv).render(Self.big)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 50_001)
        #expect(lines[50_000] == "349993,\"area 49, \"\"x\"\"\"")
    }
}

extension StreamingTests {
    @Test func renderedOutputStreamsIntoAnAtomicWriter() throws {
        let target = NSTemporaryDirectory() + "yotq-stream-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: target) }
        let writer = try AtomicFileWriter(path: target)
        try TableRenderer(mode: .csv).write(Fixtures.areas, to: writer)
        try writer.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == Fixtures.render(Fixtures.areas, .csv))
    }
}
