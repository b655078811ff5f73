import Foundation
import TestSupport

/// Writes a synthetic `judgements.csv` shaped like the benchmark's (inspection, case, question, answer;
/// 120 questions a case, 38–99 cases an inspection, about 18% `NA`), streaming so any size fits in memory.
enum JudgementsGenerator {
    static func write(rows: Int, to path: String, seed: UInt64 = 42) {
        var generator = SeededGenerator(seed: seed)
        let questions = (1...3).flatMap { a in
            (1...4).flatMap { b in (1...10).map { c in "\(a).\(b).\(c < 10 ? "0" : "")\(c)" } }
        }
        precondition(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = FileHandle(forWritingAtPath: path)!
        defer { try? handle.close() }
        var buffer = "inspection_id,case_id,question,answer\n"
        var written = 0
        var inspection = 0
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        while written < rows {
            inspection += 1
            let inspectionID = "I\(2009 + inspection % 12)-\(pad(inspection, 4))"
            for caseNumber in 0..<Int.random(in: 38...99, using: &generator) where written < rows {
                let caseID = "C\(pad(inspection, 4))-\(pad(caseNumber, 3))"
                for question in questions where written < rows {
                    let r = Double.random(in: 0..<1, using: &generator)
                    buffer += "\(inspectionID),\(caseID),\(question),\(r < 0.18 ? "NA" : r < 0.7 ? "Y" : "N")\n"
                    written += 1
                }
                if buffer.utf8.count > 1 << 20 {
                    handle.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
        }
        handle.write(Data(buffer.utf8))
    }
}
