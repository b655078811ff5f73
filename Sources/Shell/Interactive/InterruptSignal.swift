import Foundation
import QueryEngine
import Synchronization

import Platform

/// Ctrl-C in the interactive shell. The SIGINT handler only stores to atomics (async-signal-safe): it
/// marks an interrupt as pending — the line editor drops the line being typed — and, while a statement
/// runs, raises that database's `InterruptionFlag`, which the executor checks between chunks.
enum InterruptSignal {
    /// Set by the handler; taken by whoever consumes the Ctrl-C.
    static let pending = Atomic<Bool>(false)
    /// The running statement's flag as an unretained pointer's bits; 0 while no statement runs.
    static let target = Atomic<UInt>(0)

    /// Installs the handler (once per process; later calls change nothing).
    static func install() {
        // Touch the atomics first: lazy initialisation must never happen inside the handler.
        pending.store(false, ordering: .relaxed)
        target.store(0, ordering: .relaxed)
        signal(SIGINT, handleInterrupt)
        // A parent that blocked SIGINT (some launchers do) must not disable Ctrl-C.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// True once per Ctrl-C since the last call.
    static func take() -> Bool { pending.exchange(false, ordering: .relaxed) }

    /// Runs `body` with Ctrl-C routed to `flag`; a Ctrl-C during it is consumed (not also dropping the next line).
    /// The script runner lowers the flag as each statement starts, before parsing, so a Ctrl-C at any
    /// point of a statement stops it.
    static func routing<T>(to flag: InterruptionFlag, _ body: () -> T) -> T {
        _ = take()
        target.store(UInt(bitPattern: Unmanaged.passUnretained(flag).toOpaque()), ordering: .relaxed)
        defer {
            target.store(0, ordering: .relaxed)
            _ = take()
        }
        return withExtendedLifetime(flag) { body() }
    }
}

private func handleInterrupt(_ signal: Int32) {
    InterruptSignal.pending.store(true, ordering: .relaxed)
    let bits = InterruptSignal.target.load(ordering: .relaxed)
    if let pointer = UnsafeRawPointer(bitPattern: bits) {
        Unmanaged<InterruptionFlag>.fromOpaque(pointer)._withUnsafeGuaranteedRef { $0.raise() }
    }
}
