/// Everything the tests check about `judgements.csv`, gathered in one pass over its bytes (1.27 million rows a
/// round are too many to hold as strings in a debug build).
struct JudgementScan {
    struct Tally {
        var rows = 0
        /// Rows per case id (index = case id).
        var rowsPerCase: [Int] = Array(repeating: 0, count: 100)
        /// Bit `question` of word `2 × case + question / 64`: which questions a case was judged on.
        var caseQuestionBits: [UInt64] = Array(repeating: 0, count: 200)
        /// A case judged twice on one question.
        var duplicates = 0
        var notApplicable = 0
        /// Sufficient (`Y`) and applicable judgements per theme name, pooled over cases.
        var themeSufficient: [String: Int] = [:]
        var themeJudged: [String: Int] = [:]
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
        var questionIndex: [String: Int] = [:]
        for (index, id) in questionIDs.enumerated() { questionIndex[id] = index }
        let criterionOf = questionIDs.map { questionCriteria[$0]! }
        let themesOf = questionIDs.map { questionThemes[$0] ?? [] }
        var isHeader = true
        try CSVTestReader.forEachRecord(in: bytes) { fields in
            if isHeader {
                header = fields.map { String(decoding: $0, as: UTF8.self) }
                isHeader = false
                return
            }
            rows += 1
            let question = String(decoding: fields[2], as: UTF8.self)
            let answer = String(decoding: fields[3], as: UTF8.self)
            guard let inspection = CSVTestReader.integer(fields[0]), let caseID = CSVTestReader.integer(fields[1]),
                caseID < 100, ["Y", "N", "NA"].contains(answer)
            else {
                if badRows.count < 5 { badRows.append(fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",")) }
                return
            }
            guard let index = questionIndex[question] else {
                unknownQuestions += 1
                return
            }
            if answer == "NA" { notApplicable += 1 }
            JudgementScan.record(
                into: &byInspection[inspection, default: Tally()], caseID: caseID, question: index,
                criterion: criterionOf[index], themes: themesOf[index], answer: answer)
        }
    }

    private static func record(
        into tally: inout Tally, caseID: Int, question: Int, criterion: String, themes: [String], answer: String
    ) {
        tally.rows += 1
        tally.rowsPerCase[caseID] += 1
        let word = 2 * caseID + question / 64
        let bit = UInt64(1) << UInt64(question % 64)
        if tally.caseQuestionBits[word] & bit != 0 { tally.duplicates += 1 }
        tally.caseQuestionBits[word] |= bit
        guard answer != "NA" else {
            tally.notApplicable += 1
            return
        }
        let sufficient = answer == "Y" ? 1 : 0
        tally.criterionJudged[criterion, default: 0] += 1
        tally.criterionSufficient[criterion, default: 0] += sufficient
        for theme in themes {
            tally.themeJudged[theme, default: 0] += 1
            tally.themeSufficient[theme, default: 0] += sufficient
        }
    }
}
