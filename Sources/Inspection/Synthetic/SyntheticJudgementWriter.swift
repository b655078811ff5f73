/// Formats judgement rows (`3042,17,1.1.01,NA\n`) straight into a `CSVByteBuffer`: a prefix per case
/// (`inspection,case,`) and a pre-rendered suffix per question and answer (`1.1.01,NA\n`), copied with no
/// per-row allocation.
struct SyntheticJudgementWriter: SyntheticJudgementVisitor {
    /// The longest row: a five-digit inspection id, a two-digit case, a six-character question, `NA`.
    static let maximumRowBytes = 5 + 1 + 2 + 1 + 6 + 1 + 2 + 1

    private let buffer: CSVByteBuffer
    /// `question,answer\n` for every (question, answer), concatenated; `suffixStart[q * 3 + answer]` indexes it.
    private let suffixBytes: [UInt8]
    private let suffixStart: [Int]
    /// Rendered `inspection_id,`, then `case_id,` appended per case.
    private var inspectionPrefix: [UInt8] = []
    private var prefix: [UInt8] = []
    /// Where the next byte goes; `buffer.count` is updated at the end of the inspection.
    private var cursor: UnsafeMutablePointer<UInt8>

    init(buffer: CSVByteBuffer) {
        self.buffer = buffer
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for question in SyntheticQuestionSet.questions {
            for answer in ["Y", "N", "NA"] {
                starts.append(bytes.count)
                bytes += Array((question.id + "," + answer + "\n").utf8)
            }
        }
        starts.append(bytes.count)
        suffixBytes = bytes
        suffixStart = starts
        cursor = buffer.base + buffer.count
        inspectionPrefix.reserveCapacity(16)
        prefix.reserveCapacity(16)
    }

    mutating func beginInspection(_ id: Int) {
        inspectionPrefix = Array((String(id) + ",").utf8)
        cursor = buffer.base + buffer.count
    }

    mutating func endInspection() {
        buffer.count = cursor - buffer.base
    }

    mutating func beginCase(_ caseNumber: Int) {
        prefix.removeAll(keepingCapacity: true)
        prefix += inspectionPrefix
        if caseNumber >= 10 { prefix.append(UInt8(48 + caseNumber / 10)) }
        prefix.append(UInt8(48 + caseNumber % 10))
        prefix.append(UInt8(ascii: ","))
    }

    @inline(__always)
    mutating func visit(question: Int, answer: SyntheticAnswer) {
        prefix.withUnsafeBufferPointer { bytes in
            cursor.update(from: bytes.baseAddress!, count: bytes.count)
            cursor += bytes.count
        }
        let slot = question * 3 + answer.rawValue
        suffixBytes.withUnsafeBufferPointer { bytes in
            let start = suffixStart[slot]
            let length = suffixStart[slot + 1] - start
            cursor.update(from: bytes.baseAddress! + start, count: length)
            cursor += length
        }
    }
}
