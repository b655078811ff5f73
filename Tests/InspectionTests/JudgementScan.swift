/// Everything the tests check about `judgements.csv`, gathered in one pass over its bytes (1.27 million rows a
/// round are too many to hold as strings, or to look up by string, in a debug build).
struct JudgementScan: Sendable {
    struct Tally: Sendable {
        var rows = 0
        /// Rows per case id (index = case id).
        var rowsPerCase: [Int] = Array(repeating: 0, count: 100)
        /// Bit `question % 64` of word `2 × case + question / 64`: which questions a case was judged on.
        var caseQuestionBits: [UInt64] = Array(repeating: 0, count: 200)
        /// A case judged twice on one question.
        var duplicates = 0
        var notApplicable = 0
        /// Sufficient (`Y`) and applicable judgements per theme name, pooled over cases.
        var themeSufficient: [String: Int] = [:]
        var themeJudged: [String: Int] = [:]
        /// The same per criterion.
        var criterionSufficient: [String: Int] = [:]
        var criterionJudged: [String: Int] = [:]

        func themeScore(_ theme: String) -> Double {
            100 * Double(themeSufficient[theme, default: 0]) / Double(themeJudged[theme, default: 1])
        }
    }

    var header: [String] = []
    var rows = 0
    var notApplicable = 0
    var byInspection: [Int: Tally] = [:]
    var unknownQuestions = 0
    var badRows: [String] = []

    /// - Parameters:
    ///   - questionCriteria: question id → criterion, from `questions.csv`.
    ///   - questionThemes: question id → themes, from `question_themes.csv`.
    init(_ bytes: [UInt8], questionCriteria: [String: String], questionThemes: [String: [String]]) throws {
        let questionIDs = questionCriteria.keys.sorted()
        let criterionNames = Array(Set(questionCriteria.values)).sorted()
        let themeNames = Array(Set(questionThemes.values.joined())).sorted()
        // A question id `a.b.cd` is looked up by its digits, without building a string per row.
        var questionIndex = Array(repeating: -1, count: 10_000)
        for (index, id) in questionIDs.enumerated() {
            let utf8 = Array(id.utf8)
            guard let key = utf8.withUnsafeBufferPointer({ JudgementScan.questionKey($0) }) else { continue }
            questionIndex[key] = index
        }
        let criterionOf = questionIDs.map { criterionNames.firstIndex(of: questionCriteria[$0]!)! }
        let themesOf = questionIDs.map { id in (questionThemes[id] ?? []).map { themeNames.firstIndex(of: $0)! } }

        var current:
            (id: Int, tally: Tally, sufficient: [Int], judged: [Int], criterion: [Int], criterionJudged: [Int])?
        func finish() {
            guard var done = current else { return }
            for (index, name) in themeNames.enumerated() where done.judged[index] > 0 {
                done.tally.themeSufficient[name] = done.sufficient[index]
                done.tally.themeJudged[name] = done.judged[index]
            }
            for (index, name) in criterionNames.enumerated() where done.criterionJudged[index] > 0 {
                done.tally.criterionSufficient[name] = done.criterion[index]
                done.tally.criterionJudged[name] = done.criterionJudged[index]
            }
            if byInspection[done.id] != nil { badRows.append("inspection \(done.id) is not contiguous") }
            byInspection[done.id] = done.tally
            current = nil
        }

        var isHeader = true
        try CSVTestReader.forEachRecord(in: bytes) { fields in
            if isHeader {
                header = fields.map { String(decoding: $0, as: UTF8.self) }
                isHeader = false
                return
            }
            rows += 1
            let answer = fields[3]
            let isYes = answer.count == 1 && answer[0] == UInt8(ascii: "Y")
            let isNo = answer.count == 1 && answer[0] == UInt8(ascii: "N")
            let isNA = answer.count == 2 && answer[0] == UInt8(ascii: "N") && answer[1] == UInt8(ascii: "A")
            guard let inspection = CSVTestReader.integer(fields[0]), let caseID = CSVTestReader.integer(fields[1]),
                caseID < 100, isYes || isNo || isNA
            else {
                if badRows.count < 5 {
                    badRows.append(fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ","))
                }
                return
            }
            guard let key = JudgementScan.questionKey(fields[2]), questionIndex[key] >= 0 else {
                unknownQuestions += 1
                return
            }
            let question = questionIndex[key]
            if current?.id != inspection {
                finish()
                let themes = Array(repeating: 0, count: themeNames.count)
                let criteria = Array(repeating: 0, count: criterionNames.count)
                current = (inspection, Tally(), themes, themes, criteria, criteria)
            }
            current!.tally.rows += 1
            current!.tally.rowsPerCase[caseID] += 1
            let word = 2 * caseID + question / 64
            let bit = UInt64(1) << UInt64(question % 64)
            if current!.tally.caseQuestionBits[word] & bit != 0 { current!.tally.duplicates += 1 }
            current!.tally.caseQuestionBits[word] |= bit
            if isNA {
                notApplicable += 1
                current!.tally.notApplicable += 1
                return
            }
            let sufficient = isYes ? 1 : 0
            current!.criterionJudged[criterionOf[question]] += 1
            current!.criterion[criterionOf[question]] += sufficient
            for theme in themesOf[question] {
                current!.judged[theme] += 1
                current!.sufficient[theme] += sufficient
            }
        }
        finish()
    }

    /// `a.b.cd` → `abcd` as a number, or nil for any other shape.
    private static func questionKey(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        guard id.count == 6, id[1] == 46, id[3] == 46 else { return nil }
        let a = Int(id[0]) &- 48
        let b = Int(id[2]) &- 48
        let c = Int(id[4]) &- 48
        let d = Int(id[5]) &- 48
        guard a >= 0, a <= 9, b >= 0, b <= 9, c >= 0, c <= 9, d >= 0, d <= 9 else { return nil }
        return ((a * 10 + b) * 10 + c) * 10 + d
    }
}
