import Foundation
import LineEditor
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct LineReaderTests {
    @Test func theScriptedReaderPlaysBackItsInputsThenEnds() {
        let reader = ScriptedLineReader([.line("a"), .interrupted, .line("b")])
        #expect(reader.read(prompt: "1> ") == .line("a"))
        #expect(reader.read(prompt: "2> ") == .interrupted)
        #expect(reader.read(prompt: "3> ") == .line("b"))
        #expect(reader.read(prompt: "4> ") == .endOfInput)
        #expect(reader.prompts == ["1> ", "2> ", "3> ", "4> "])
        reader.remember("x")
        #expect(reader.remembered == ["x"])
    }

    /// A plain reader on a file holding `bytes` (a file, not a pipe: a pipe's buffer would block a long write).
    private func plainReader(over bytes: [UInt8]) -> (PlainLineReader, Int32) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-lines-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let descriptor = open(path, O_RDONLY)
        unlink(path)
        return (PlainLineReader(descriptor: descriptor), descriptor)
    }

    @Test func thePlainReaderSplitsLinesDropsCarriageReturnsAndKeepsALastUnterminatedLine() {
        let (reader, descriptor) = plainReader(over: Array("SELECT 1;\r\n\nlast".utf8))
        defer { close(descriptor) }
        #expect(reader.read(prompt: "yotq> ") == .line("SELECT 1;"))
        #expect(reader.read(prompt: "yotq> ") == .line(""))
        #expect(reader.read(prompt: "yotq> ") == .line("last"))
        #expect(reader.read(prompt: "yotq> ") == .endOfInput)
    }

    @Test func thePlainReaderHandlesLinesLongerThanItsBuffer() {
        let long = String(repeating: "x", count: 200_000)
        let (reader, descriptor) = plainReader(over: Array("\(long)\nshort\n".utf8))
        defer { close(descriptor) }
        #expect(reader.read(prompt: "") == .line(long))
        #expect(reader.read(prompt: "") == .line("short"))
        #expect(reader.read(prompt: "") == .endOfInput)
    }

    @Test func aCompletionDefaultsToAppendingASpace() {
        #expect(LineCompletion(wordStart: 3, candidates: ["a"]).appendsSpace)
    }
}
