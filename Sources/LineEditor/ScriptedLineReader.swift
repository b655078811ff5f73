/// Plays back a fixed list of inputs, recording the prompts shown and the history kept; for tests.
public final class ScriptedLineReader: LineReader {
    private var inputs: [LineInput]
    public private(set) var prompts: [String] = []
    public private(set) var remembered: [String] = []

    public init(_ inputs: [LineInput]) { self.inputs = inputs }

    /// Convenience: each string is one typed line.
    public convenience init(lines: [String]) { self.init(lines.map { .line($0) }) }

    public func read(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    public func remember(_ entry: String) { remembered.append(entry) }
}
