/// A source of input lines for the shell: readline on a terminal, plain reads on a pipe, a script in tests.
/// (Placeholder: the interactive-shell work fills this module in.)
public protocol LineReader: AnyObject {
    /// The next line without its newline, or nil at end of input.
    func readLine(prompt: String) -> String?
}
