/// A headline theme of the Core Case Inspection; a key question informs one or more of them.
enum SyntheticTheme: Int, CaseIterable {
    case safeguarding = 0
    case riskOfHarm = 1
    case likelihoodOfReoffending = 2

    /// The measure id used in `question_themes.csv` and by the verbs.
    var id: String {
        switch self {
        case .safeguarding: "safeguarding"
        case .riskOfHarm: "risk_of_harm"
        case .likelihoodOfReoffending: "likelihood_of_reoffending"
        }
    }

    var bit: UInt8 { 1 << UInt8(rawValue) }
}

/// One general criterion of the CCI framework (seed: 1.1 Risk of Harm to others ... 3.2 Sustaining outcomes)
/// and how the synthetic inspectorate judges it.
struct SyntheticCriterion {
    /// `1.1` ... `3.2`: the prefix of its question ids.
    let number: String
    /// 1, 2 or 3.
    let section: Int
    let questionCount: Int
    /// Theme bits of each key question, in order; its length is the criterion's number of key questions.
    let keyThemes: [UInt8]
    /// Added to an area's quality for this criterion, in basis points (100 = 1 percentage point):
    /// Risk of Harm and outcomes work is found sufficient less often than Likelihood of Reoffending work.
    let difficulty: Int
    /// The typical share of this criterion's judgements that are `NA`, in basis points: outcome questions
    /// apply to fewer cases (e.g. no victim, no custodial phase).
    let notApplicableRate: Int

    /// `c1.1`: the measure id (dataset-layout.md), written in `questions.criterion`.
    var measureID: String { "c" + number }
    /// `section_1`: the measure id, written in `questions.section`.
    var sectionID: String { "section_\(section)" }
}

/// One scoring question of the synthetic inspection tool.
struct SyntheticQuestion {
    /// `1.1.01`: text, never a number or a date.
    let id: String
    let criterion: Int
    /// Bits of `SyntheticTheme`; 0 for a question that is not a key question.
    let themes: UInt8
}

/// The framework's fixed question set: 120 questions over criteria 1.1–3.2, 80 of them (two thirds) key
/// questions of a headline theme, some serving several themes. It does not depend on the seed.
enum SyntheticQuestionSet {
    private static let safe = SyntheticTheme.safeguarding.bit
    private static let harm = SyntheticTheme.riskOfHarm.bit
    private static let reoffending = SyntheticTheme.likelihoodOfReoffending.bit

    static let criteria: [SyntheticCriterion] = [
        SyntheticCriterion(
            number: "1.1", section: 1, questionCount: 18,
            keyThemes: Array(repeating: harm, count: 10) + [harm | safe, harm | safe],
            difficulty: -500, notApplicableRate: 1_000),
        SyntheticCriterion(
            number: "1.2", section: 1, questionCount: 16,
            keyThemes: Array(repeating: reoffending, count: 11), difficulty: 400, notApplicableRate: 900),
        SyntheticCriterion(
            number: "1.3", section: 1, questionCount: 14,
            keyThemes: Array(repeating: safe, count: 7) + [safe | harm, safe | harm],
            difficulty: -200, notApplicableRate: 1_400),
        SyntheticCriterion(
            number: "2.1", section: 2, questionCount: 16,
            keyThemes: Array(repeating: harm, count: 9) + [harm | safe, harm | safe],
            difficulty: -300, notApplicableRate: 2_000),
        SyntheticCriterion(
            number: "2.2", section: 2, questionCount: 18,
            keyThemes: Array(repeating: reoffending, count: 12), difficulty: 500, notApplicableRate: 1_700),
        SyntheticCriterion(
            number: "2.3", section: 2, questionCount: 14,
            keyThemes: Array(repeating: safe, count: 9), difficulty: 0, notApplicableRate: 2_000),
        SyntheticCriterion(
            number: "3.1", section: 3, questionCount: 14,
            keyThemes: [harm, harm, harm, reoffending, reoffending, reoffending, reoffending, safe, safe, safe],
            difficulty: -400, notApplicableRate: 2_800),
        SyntheticCriterion(
            number: "3.2", section: 3, questionCount: 10,
            keyThemes: [harm | reoffending | safe, harm | reoffending | safe, reoffending, reoffending, safe, harm],
            difficulty: -700, notApplicableRate: 3_300),
    ]

    /// All questions in id order. Key questions are spread evenly through each criterion.
    static let questions: [SyntheticQuestion] = {
        var questions: [SyntheticQuestion] = []
        for (criterionIndex, criterion) in criteria.enumerated() {
            let keyCount = criterion.keyThemes.count
            var keySeen = 0
            for index in 0..<criterion.questionCount {
                let isKey =
                    (index + 1) * keyCount / criterion.questionCount > index * keyCount / criterion.questionCount
                let themes = isKey ? criterion.keyThemes[keySeen] : 0
                if isKey { keySeen += 1 }
                let ordinal = index + 1
                let id = criterion.number + "." + (ordinal < 10 ? "0" : "") + String(ordinal)
                questions.append(SyntheticQuestion(id: id, criterion: criterionIndex, themes: themes))
            }
        }
        return questions
    }()
}
