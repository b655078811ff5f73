import Kernels
import Synchronization

/// A flag the shell's SIGINT handler raises; running operators check it between chunks and stop with
/// `QueryError` kind `.interrupted`. Reset by the engine at the start of each statement.
public final class InterruptionFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Requests that the running statement stop. Safe from any thread (async-signal-safe: one atomic store).
    public func raise() { raised.store(true, ordering: .relaxed) }

    public func reset() { raised.store(false, ordering: .relaxed) }

    public var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// The flag as kernels see it.
    var cancellation: Cancellation { Cancellation { [self] in isRaised } }

    /// Throws `.interrupted` when raised.
    func check() throws(QueryError) {
        if isRaised { throw QueryError(.interrupted, "Interrupted") }
    }
}
