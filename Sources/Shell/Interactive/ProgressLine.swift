import Foundation
import QueryEngine
import Rendering
import FileOutput

import Platform

/// A line on standard error while a statement or load runs for over a second — `running 3.2 s ·
/// judgements.csv 86 of 173 MB (50%) at 190 MB/s · Ctrl-C cancels` — erased when it ends or the moment
/// anything else is printed (output goes through `ProgressAwareSink`, which erases first, under the same
/// lock, so the two never interleave). Bytes and rows come from the database's `ProgressMeter`.
final class ProgressLine: @unchecked Sendable {
    /// Seconds before the line appears, and between updates.
    static let delay = 1.0
    static let interval = 0.1

    private let lock = NSLock()
    private let descriptor: Int32
    /// Counts activities; a ticker stops when the activity it was started for is over.
    private var activity = 0
    private var running = false
    private var shown = false

    /// - Parameter descriptor: a terminal (standard error).
    init(descriptor: Int32 = 2) { self.descriptor = descriptor }

    /// A statement or command starts; `meter` tells how far it has got (the caller has reset it).
    func begin(meter: ProgressMeter = ProgressMeter()) {
        let current: Int = lock.withLock {
            activity += 1
            running = true
            return activity
        }
        let started = ContinuousClock.now
        let thread = Thread { [self] in
            Thread.sleep(forTimeInterval: Self.delay)
            var rates = RateTracker()
            while true {
                let now = ContinuousClock.now
                let text = rates.describe(meter.snapshot, elapsed: (now - started).seconds, now: now)
                guard tick(current, text: text) else { break }
                Thread.sleep(forTimeInterval: Self.interval)
            }
        }
        thread.start()
    }

    /// The statement or command is over: erase the line.
    func end() {
        lock.withLock {
            eraseLocked()
            running = false
        }
    }

    /// Something is about to be printed: erase the line and show it no more for this statement.
    func outputWillAppear() {
        lock.withLock {
            eraseLocked()
            running = false
        }
    }

    /// Shows the line if `current` is still running; false when the ticker should stop.
    private func tick(_ current: Int, text: String) -> Bool {
        lock.withLock {
            guard running, activity == current else { return false }
            put("\r\u{1B}[2K" + text)
            shown = true
            return true
        }
    }

    private func eraseLocked() {
        if shown { put("\r\u{1B}[2K") }
        shown = false
    }

    private func put(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}

/// A sink that erases the progress line before passing anything on.
final class ProgressAwareSink: TextSink {
    private let destination: any TextSink
    private let progress: ProgressLine

    init(_ destination: any TextSink, progress: ProgressLine) {
        self.destination = destination
        self.progress = progress
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        progress.outputWillAppear()
        try destination.write(bytes)
    }
}
