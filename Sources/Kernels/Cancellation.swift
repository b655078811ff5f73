/// Lets a long kernel (a sort of millions of rows) give up part-way when the user presses Ctrl-C.
///
/// Kernels stay non-throwing: a cancelled kernel returns early with an unfinished result, and the caller,
/// which owns the flag behind `isRequested`, checks it again and throws before using that result.
public struct Cancellation: Sendable {
    public let isRequested: @Sendable () -> Bool

    public init(_ isRequested: @escaping @Sendable () -> Bool) { self.isRequested = isRequested }

    /// For callers that cannot be interrupted.
    public static let never = Cancellation { false }
}

extension Cancellation {
    /// Elements a long pass covers between two looks at the flag: ~0.1-1 ms of work, so a look costs
    /// nothing measurable and Ctrl-C is heard within a few milliseconds.
    static let slice = 1 << 16

    /// Runs `body` on consecutive slices of `0..<count` (the last slice first when `backwards`), stopping
    /// before the next slice once cancellation is requested. Returns false when it stopped early.
    @discardableResult
    func forEachSlice(of count: Int, backwards: Bool = false, _ body: (Range<Int>) -> Void) -> Bool {
        let starts = stride(from: 0, to: count, by: Cancellation.slice)
        for start in backwards ? Array(starts.reversed()) : Array(starts) {
            if isRequested() { return false }
            body(start..<min(count, start + Cancellation.slice))
        }
        return true
    }
}
