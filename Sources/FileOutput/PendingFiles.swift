import Platform
import Synchronization

/// The temporary files of writes under way, so a process stopped by a signal (Ctrl-C in batch mode,
/// `kill`) removes them rather than leaving hidden partial files beside their targets.
///
/// `AtomicFileWriter` registers each temporary file until it commits or discards it. The signal handler
/// (`removeOnSignals`) only reads atomics and calls `unlink`, which are async-signal-safe, then lets the
/// signal do what it would have done.
public enum PendingFiles {
    /// Room for this many writes under way at once (a notebook stages its document and charts); past
    /// it a temporary file is simply not cleaned up on a signal.
    static let capacity = 64
    private static let slots = Slots()

    private final class Slots: Sendable {
        /// Each slot holds the bits of a `strdup`ed path, or 0.
        let cells: InlineArray<64, Atomic<UInt>>
        init() { cells = InlineArray { _ in Atomic<UInt>(0) } }
    }

    /// Remembers `path` until `forget` is called with the token returned; nil when every slot is taken.
    static func remember(_ path: String) -> UInt? {
        guard let copy = strdup(path) else { return nil }
        let bits = UInt(bitPattern: copy)
        for index in 0..<capacity
        where slots.cells[index].compareExchange(expected: 0, desired: bits, ordering: .acquiringAndReleasing).exchanged
        {
            return bits
        }
        free(copy)
        return nil
    }

    /// Forgets a remembered path (its file was renamed or removed).
    static func forget(_ token: UInt) {
        for index in 0..<capacity
        where slots.cells[index].compareExchange(expected: token, desired: 0, ordering: .acquiringAndReleasing)
            .exchanged
        {
            free(UnsafeMutablePointer<CChar>(bitPattern: token))
            return
        }
    }

    /// The paths remembered now (for tests).
    static var paths: [String] {
        (0..<capacity).compactMap { index in
            UnsafePointer<CChar>(bitPattern: slots.cells[index].load(ordering: .acquiring)).map { String(cString: $0) }
        }
    }

    /// Installs handlers for SIGTERM, SIGHUP and (unless the interactive shell handles Ctrl-C itself)
    /// SIGINT that remove every pending temporary file and then die of the signal as before.
    public static func removeOnSignals(includingInterrupt: Bool) {
        _ = slots  // initialise before any handler can run
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in [SIGTERM, SIGHUP] + (includingInterrupt ? [SIGINT] : []) {
            signal(number, removeAndDie)
            sigaddset(&unblock, number)
        }
        // A parent that blocked them (some launchers do) must not keep them from stopping the process.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}

private func removeAndDie(_ number: Int32) {
    for index in 0..<PendingFiles.capacity {
        if let path = UnsafePointer<CChar>(bitPattern: PendingFiles.load(index)) { unlink(path) }
    }
    signal(number, SIG_DFL)
    raise(number)
}

extension PendingFiles {
    /// The slot's bits (for the handler, which cannot reach the private storage by name).
    fileprivate static func load(_ index: Int) -> UInt { slots.cells[index].load(ordering: .relaxed) }
}
