/// What one read of the terminal (or a pipe, or a test script) produced.
public enum LineInput: Sendable, Equatable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C while typing: the line was dropped; the shell drops any pending statement and prompts afresh.
    case interrupted
    /// Ctrl-D on an empty line, or the end of a pipe.
    case endOfInput
}

/// A source of input lines for the shell: readline on a terminal, plain reads on a pipe, a script in tests.
public protocol LineReader: AnyObject {
    /// The next line, showing `prompt` first where there is someone to see it.
    func read(prompt: String) -> LineInput
    /// Makes `entry` (a whole statement, possibly several lines) reachable with Up and Ctrl-R.
    func remember(_ entry: String)
}

/// Tab completion's answer for a line being edited.
public struct LineCompletion: Sendable, Equatable {
    /// UTF-8 byte offset in the line where the replaced word starts (the word ends at the cursor).
    public var wordStart: Int
    /// Replacements for the word, best first; empty when nothing fits.
    public var candidates: [String]
    /// Whether a single candidate is finished (a space follows) or continues (a folder's `/`).
    public var appendsSpace: Bool

    public init(wordStart: Int, candidates: [String], appendsSpace: Bool = true) {
        self.wordStart = wordStart
        self.candidates = candidates
        self.appendsSpace = appendsSpace
    }
}
