/// Runs a `RegexProgram` over a text of Unicode scalars by simulating every thread of the NFA in step
/// (Pike's VM): each position is visited once and each instruction at most once per position, so a
/// search costs O(text × program) however the pattern nests its repetitions. Threads are kept in
/// priority order, which gives RE2's leftmost-first matches and submatches.
struct PikeVM {
    private let program: RegexProgram
    /// Groups in the pattern, not counting the whole match.
    var captureCount: Int { program.captureCount }

    /// The text being searched, as scalar values.
    private(set) var text: [UInt32]
    /// Case variants of each text scalar, computed on first use when some set ignores case.
    private var variants: [[UInt32]?]

    private struct Thread {
        var pc: Int
        var slots: [Int]
    }

    /// The generation in which each instruction was last put on a list (a sparse-set stand-in).
    private var marks: [Int]
    private var generation = 0
    /// `addThread`'s work list, kept to reuse its storage.
    private var stack: [Thread] = []

    /// `matches()`'s lists of instruction addresses and work stack, kept to reuse their storage.
    private var currentPCs: [Int] = []
    private var nextPCs: [Int] = []
    private var pcStack: [Int] = []

    init(_ program: RegexProgram, text: [UInt32] = []) {
        self.program = program
        self.text = text
        variants = program.foldsCase ? Array(repeating: nil, count: text.count) : []
        marks = Array(repeating: -1, count: program.instructions.count)
    }

    /// Makes `string` the text to search, reusing this machine's storage (one machine serves every row
    /// of a column).
    mutating func load(_ string: String) {
        text.removeAll(keepingCapacity: true)
        for scalar in string.unicodeScalars { text.append(scalar.value) }
        if program.foldsCase {
            variants.removeAll(keepingCapacity: true)
            variants.append(contentsOf: repeatElement(nil, count: text.count))
        }
    }

    /// Whether the pattern matches somewhere in the text: `search` without submatches or priorities,
    /// threads being bare instruction addresses.
    mutating func matches() -> Bool {
        // The lists move out of `self` while `addPC` (mutating) fills them, and back at the end.
        var currentPCs = self.currentPCs, nextPCs = self.nextPCs
        self.currentPCs = []
        self.nextPCs = []
        defer {
            self.currentPCs = currentPCs
            self.nextPCs = nextPCs
        }
        currentPCs.removeAll(keepingCapacity: true)
        generation += 1
        var position = 0
        while true {
            if currentPCs.isEmpty {
                if program.anchoredAtStart && position > 0 { return false }
                position = skipToFirstScalar(from: position)
            }
            addPC(&currentPCs, 0, position: position)
            if currentPCs.isEmpty {
                if position >= text.count { return false }
                position += 1
                generation += 1
                continue
            }
            generation += 1
            nextPCs.removeAll(keepingCapacity: true)
            for pc in currentPCs {
                switch program.instructions[pc] {
                case .scalar(let c):
                    if position < text.count && text[position] == c { addPC(&nextPCs, pc + 1, position: position + 1) }
                case .set(let index):
                    if position < text.count, setContains(index, at: position) {
                        addPC(&nextPCs, pc + 1, position: position + 1)
                    }
                case .match: return true
                default: break
                }
            }
            swap(&currentPCs, &nextPCs)
            if position >= text.count { return false }
            position += 1
        }
    }

    /// With no thread running, the next position where a match could start: where the pattern's first
    /// literal occurs (the end of the text when it does not), else `position` itself.
    private func skipToFirstScalar(from position: Int) -> Int {
        guard let first = program.firstScalar else { return position }
        var p = position
        while p < text.count && text[p] != first { p += 1 }
        return p
    }

    private mutating func addPC(_ list: inout [Int], _ pc: Int, position: Int) {
        pcStack.append(pc)
        while let pc = pcStack.popLast() {
            if marks[pc] == generation { continue }
            marks[pc] = generation
            switch program.instructions[pc] {
            case .jump(let target): pcStack.append(target)
            case .split(let first, let second):
                pcStack.append(second)
                pcStack.append(first)
            case .save: pcStack.append(pc + 1)
            case .assert(let kind): if holds(kind, at: position) { pcStack.append(pc + 1) }
            case .scalar, .set, .match: list.append(pc)
            }
        }
    }

    /// The slots of the leftmost-first match starting at or after `start` (slot 0 and 1 bound the match,
    /// 2k and 2k+1 group k, -1 when a group took no part), or nil. With `captures` false only whether
    /// there is a match is worked out, and the slots are empty.
    mutating func search(from start: Int, captures: Bool) -> [Int]? {
        let slotCount = captures ? 2 * (program.captureCount + 1) : 0
        let initial = [Int](repeating: -1, count: slotCount)
        var current: [Thread] = []
        var next: [Thread] = []
        var matched: [Int]?
        generation += 1
        var position = start
        while true {
            if matched == nil {
                if current.isEmpty {
                    if program.anchoredAtStart && position > 0 { break }
                    position = skipToFirstScalar(from: position)
                }
                addThread(&current, pc: 0, position: position, slots: initial)
            }
            if current.isEmpty {
                if matched != nil || position >= text.count { break }
                position += 1
                generation += 1
                continue
            }
            generation += 1
            next.removeAll(keepingCapacity: true)
            threads: for thread in current {
                switch program.instructions[thread.pc] {
                case .scalar(let c):
                    if position < text.count && text[position] == c {
                        addThread(&next, pc: thread.pc + 1, position: position + 1, slots: thread.slots)
                    }
                case .set(let index):
                    if position < text.count, setContains(index, at: position) {
                        addThread(&next, pc: thread.pc + 1, position: position + 1, slots: thread.slots)
                    }
                case .match:
                    if !captures { return [] }
                    matched = thread.slots
                    // Threads after this one have lower priority: drop them.
                    break threads
                default:
                    break
                }
            }
            swap(&current, &next)
            if position >= text.count { break }
            position += 1
        }
        return matched
    }

    private mutating func setContains(_ index: Int, at position: Int) -> Bool {
        let set = program.sets[index]
        let scalar = text[position]
        guard set.caseInsensitive else { return set.contains(scalar, variants: []) }
        if scalar < 128 { return set.containsASCII(scalar) }
        if variants[position] == nil { variants[position] = RegexCaseFolding.variants(of: scalar) }
        return set.contains(scalar, variants: variants[position]!)
    }

    /// Adds the thread at `pc` and every thread reachable from it without consuming a scalar, in
    /// priority order; an instruction already on the list this step is not added again.
    private mutating func addThread(_ list: inout [Thread], pc: Int, position: Int, slots: [Int]) {
        stack.append(Thread(pc: pc, slots: slots))
        while let thread = stack.popLast() {
            let pc = thread.pc
            if marks[pc] == generation { continue }
            marks[pc] = generation
            switch program.instructions[pc] {
            case .jump(let target):
                stack.append(Thread(pc: target, slots: thread.slots))
            case .split(let first, let second):
                stack.append(Thread(pc: second, slots: thread.slots))
                stack.append(Thread(pc: first, slots: thread.slots))
            case .save(let slot):
                var slots = thread.slots
                if slot < slots.count { slots[slot] = position }
                stack.append(Thread(pc: pc + 1, slots: slots))
            case .assert(let kind):
                if holds(kind, at: position) { stack.append(Thread(pc: pc + 1, slots: thread.slots)) }
            case .scalar, .set, .match:
                list.append(thread)
            }
        }
    }

    private func holds(_ kind: RegexAssertion, at position: Int) -> Bool {
        switch kind {
        case .textStart: return position == 0
        case .textEnd: return position == text.count
        case .lineStart: return position == 0 || text[position - 1] == 10
        case .lineEnd: return position == text.count || text[position] == 10
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && RegexScalarSet.word.contains(text[position - 1], variants: [])
            let after = position < text.count && RegexScalarSet.word.contains(text[position], variants: [])
            return (before != after) == (kind == .wordBoundary)
        }
    }
}
