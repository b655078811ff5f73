/// A judgement's answer: `Y` (sufficient, "above the line"), `N`, or `NA` (not applicable).
enum SyntheticAnswer: Int {
    case yes = 0
    case no = 1
    case notApplicable = 2
}

/// Receives an inspection's judgements in order: case by case, question by question.
protocol SyntheticJudgementVisitor {
    mutating func beginCase(_ caseNumber: Int)
    mutating func visit(question: Int, answer: SyntheticAnswer)
}

/// How a case's work is judged: the probability of `Y` is the inspection's criterion quality plus the
/// question's own difficulty plus a per-case effect (some cases are handled better than others).
///
/// Each inspection draws from its own stream keyed by its id, so tallying (at init) and writing (later)
/// replay exactly the same judgements.
struct SyntheticJudgementModel: Sendable {
    let seed: UInt64
    /// Per question, added to its criterion's quality, in basis points.
    let questionOffset: [Int]
    /// Per question, the probability of `NA` scaled to 2³² (compared with the low 32 bits of a draw).
    let notApplicableThreshold: [UInt32]

    /// Spread of the per-case effect, in basis points.
    static let caseSpread = 900
    /// Bounds of a judgement's probability of `Y`, in basis points: no work is certain either way.
    static let probabilityRange = 300...9_700

    init(seed: UInt64) {
        self.seed = seed
        var random = SplitMix64(seed: seed, purpose: .questions)
        var offsets: [Int] = []
        var thresholds: [UInt32] = []
        for question in SyntheticQuestionSet.questions {
            let criterion = SyntheticQuestionSet.criteria[question.criterion]
            offsets.append(random.bell(standardDeviation: 700))
            let rate = max(100, criterion.notApplicableRate + random.uniform(in: -800...800))
            thresholds.append(UInt32(rate * 429_496))  // 2³² / 10 000, rounded down
        }
        questionOffset = offsets
        notApplicableThreshold = thresholds
    }

    /// Replays `inspection`'s judgements into `visitor`.
    /// - Complexity: O(cases × questions), one 64-bit draw a judgement.
    @inline(__always)
    func simulate<Visitor: SyntheticJudgementVisitor>(_ inspection: SyntheticInspection, into visitor: inout Visitor) {
        var random = SplitMix64(seed: seed, purpose: .judgements, index: inspection.id)
        let questions = SyntheticQuestionSet.questions
        let low = SyntheticJudgementModel.probabilityRange.lowerBound
        let high = SyntheticJudgementModel.probabilityRange.upperBound
        withUnsafeTemporaryAllocation(of: Int.self, capacity: questions.count) { baseline in
            for (index, question) in questions.enumerated() {
                baseline[index] = inspection.criterionQuality[question.criterion] + questionOffset[index]
            }
            notApplicableThreshold.withUnsafeBufferPointer { notApplicable in
                for caseNumber in 1...inspection.cases {
                    visitor.beginCase(caseNumber)
                    let caseEffect = random.bell(standardDeviation: SyntheticJudgementModel.caseSpread)
                    for index in 0..<questions.count {
                        let draw = random.next()
                        let answer: SyntheticAnswer
                        if UInt32(truncatingIfNeeded: draw) < notApplicable[index] {
                            answer = .notApplicable
                        } else {
                            let probability = min(max(baseline[index] + caseEffect, low), high)
                            answer = draw >> 32 < UInt64(probability) &* 429_497 ? .yes : .no
                        }
                        visitor.visit(question: index, answer: answer)
                    }
                }
            }
        }
    }
}

/// Counts sufficient and applicable judgements per headline theme (the inspectorate's pooled method).
struct SyntheticThemeTally: SyntheticJudgementVisitor {
    private let themes: [UInt8] = SyntheticQuestionSet.questions.map(\.themes)
    var sufficient = [0, 0, 0]
    var judged = [0, 0, 0]

    mutating func beginCase(_ caseNumber: Int) {}

    mutating func visit(question: Int, answer: SyntheticAnswer) {
        let bits = themes[question]
        guard bits != 0, answer != .notApplicable else { return }
        for theme in 0..<3 where bits & (1 << UInt8(theme)) != 0 {
            judged[theme] += 1
            if answer == .yes { sufficient[theme] += 1 }
        }
    }
}
