/// The parsed form of a regular expression (see `RegexParser`), compiled by `RegexProgram`.
indirect enum RegexNode {
    case empty
    /// One scalar from the set: a literal, a class, `.`, `\d`, ...
    case set(RegexScalarSet)
    case assertion(RegexAssertion)
    /// `( ... )`; `capture` is the group's number (1-based), nil for `(?: ... )`.
    case group(RegexNode, capture: Int?)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    /// `x*`, `x+`, `x?`, `x{m,n}`; `max` nil is unbounded; `greedy` false for `x*?` and the like.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
}

/// Zero-width conditions on the position between two scalars.
enum RegexAssertion: Sendable {
    /// `^` (without `m`), `\A`.
    case textStart
    /// `$` (without `m`), `\z`.
    case textEnd
    /// `^` with `(?m)`: after a `\n` or at the start.
    case lineStart
    /// `$` with `(?m)`: before a `\n` or at the end.
    case lineEnd
    /// `\b`, between an ASCII word character and a non-word one (or an end).
    case wordBoundary
    /// `\B`.
    case notWordBoundary
}
