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
