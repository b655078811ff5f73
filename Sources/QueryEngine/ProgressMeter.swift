public import Ingest
import Synchronization

/// How far the running statement has got, for the shell's progress line: the file being read (bytes done
/// of its size) and the rows that scans have handed on so far.
///
/// Written from the reader's and executor's threads, read by the progress ticker on another; the shell
/// resets it when a statement starts, like `InterruptionFlag`.
public final class ProgressMeter: Sendable {
    public struct Snapshot: Sendable, Equatable {
        /// The file being read, as named in the statement (nil when no read is under way).
        public var file: String?
        public var bytesDone = 0
        public var bytesTotal = 0
        /// Rows of stored tables produced by scans so far (each scan counts its rows once).
        public var rowsScanned = 0

        public init(file: String? = nil, bytesDone: Int = 0, bytesTotal: Int = 0, rowsScanned: Int = 0) {
            self.file = file
            self.bytesDone = bytesDone
            self.bytesTotal = bytesTotal
            self.rowsScanned = rowsScanned
        }
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public func reset() { state.withLock { $0 = Snapshot() } }

    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Records a read's position; once the file is done the file name is cleared.
    public func reading(_ file: String, done: Int, total: Int) {
        state.withLock {
            $0.file = done < total ? file : nil
            $0.bytesDone = done
            $0.bytesTotal = total
        }
    }

    func scanned(rows: Int) { state.withLock { $0.rowsScanned += rows } }

    /// A `CSVOptions.progress` observer for `file`: records the position and stops the read once
    /// `interruption` is raised.
    public func observer(
        for file: String, interruption: InterruptionFlag
    ) -> ReadProgress {
        { [self] done, total in
            reading(file, done: done, total: total)
            return !interruption.isRaised
        }
    }
}
