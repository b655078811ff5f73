import Columnar

/// A compiled regular expression: instructions for `PikeVM`, a Thompson NFA simulation that runs in
/// time proportional to pattern size × text length, whatever the pattern (`(a*)*b`, `^(a+)+$` took
/// exponential time in the backtracking engine used before).
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume this scalar.
        case scalar(UInt32)
        /// Consume a scalar in `sets[index]`.
        case set(Int)
        /// Continue at both; the first has priority (leftmost-first, as RE2 and Perl).
        case split(Int, Int)
        case jump(Int)
        /// Record the position in capture slot `n` (2k and 2k+1 bound group k; group 0 is the match).
        case save(Int)
        case assert(RegexAssertion)
        case match
    }

    private(set) var instructions: [Instruction] = []
    private(set) var sets: [RegexScalarSet] = []
    /// Groups in the pattern, not counting the whole match.
    let captureCount: Int
    /// Whether some set ignores case (the matcher then computes case variants of the text).
    private(set) var foldsCase = false

    /// Instructions allowed in one program: `(a{1000}){1000}` would need a million.
    static let maximumSize = 100_000

    init(pattern: String, caseInsensitive: Bool) throws(KernelError) {
        var parser = RegexParser(pattern)
        let node = try parser.parse(caseInsensitive: caseInsensitive)
        captureCount = parser.captureCount
        emit(.save(0))
        try compile(node, pattern: pattern)
        emit(.save(1))
        emit(.match)
        var pc = 0
        while case .save = instructions[pc] { pc += 1 }
        switch instructions[pc] {
        case .assert(.textStart): anchoredAtStart = true
        case .scalar(let c): firstScalar = c
        default: break
        }
    }

    /// Every match starts at the start of the text (`^…` without `m`, `\A…`): a search gives up once
    /// no thread is left past position 0.
    private(set) var anchoredAtStart = false
    /// The scalar every match starts with, when the pattern begins with a literal: a search with no
    /// thread running skips ahead to its next occurrence.
    private(set) var firstScalar: UInt32?

    private mutating func emit(_ instruction: Instruction) {
        instructions.append(instruction)
    }

    private mutating func compile(_ node: RegexNode, pattern: String) throws(KernelError) {
        guard instructions.count <= Self.maximumSize else {
            throw KernelError(
                .invalidArgument, "regexp: pattern '\(pattern)' is too large once repetitions are expanded")
        }
        switch node {
        case .empty: break
        case .set(let set):
            if !set.negated, !set.caseInsensitive, set.categories.isEmpty, set.nested.isEmpty, set.ranges.count == 1,
                set.ranges[0].lowerBound == set.ranges[0].upperBound
            {
                emit(.scalar(set.ranges[0].lowerBound))
            } else {
                if set.caseInsensitive { foldsCase = true }
                sets.append(set)
                emit(.set(sets.count - 1))
            }
        case .assertion(let kind): emit(.assert(kind))
        case .group(let inner, let capture):
            if let capture { emit(.save(2 * capture)) }
            try compile(inner, pattern: pattern)
            if let capture { emit(.save(2 * capture + 1)) }
        case .concatenation(let items):
            for item in items { try compile(item, pattern: pattern) }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split ...
            var jumps: [Int] = []
            for (i, branch) in branches.enumerated() {
                if i < branches.count - 1 {
                    let split = instructions.count
                    emit(.split(split + 1, -1))
                    try compile(branch, pattern: pattern)
                    jumps.append(instructions.count)
                    emit(.jump(-1))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try compile(branch, pattern: pattern)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .repetition(let inner, let min, let max, let greedy):
            for _ in 0..<min { try compile(inner, pattern: pattern) }
            if let max {
                // (x(x(x)?)?)? for the optional copies: each split skips to the common end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(instructions.count)
                    emit(.split(-1, -1))
                    try compile(inner, pattern: pattern)
                }
                let end = instructions.count
                for split in splits { instructions[split] = prefer(split + 1, end, greedy) }
            } else {
                // L: split body, end; body; jump L; end.
                let loop = instructions.count
                emit(.split(-1, -1))
                try compile(inner, pattern: pattern)
                emit(.jump(loop))
                instructions[loop] = prefer(loop + 1, instructions.count, greedy)
            }
        }
    }

    private func prefer(_ body: Int, _ skip: Int, _ greedy: Bool) -> Instruction {
        greedy ? .split(body, skip) : .split(skip, body)
    }
}
