import QueryEngine

/// The words of the progress line, from a `ProgressMeter` snapshot: what is being read or how many rows
/// have been scanned, and how fast. Rates are measured from when the current file (or the scanning) was
/// first seen, so a statement that reads then computes shows each phase's own rate.
struct RateTracker {
    private var file: (name: String, since: ContinuousClock.Instant, bytesAtStart: Int)?
    private var rows: (since: ContinuousClock.Instant, atStart: Int)?

    /// E.g. `running 3.2 s · judgements.csv 86 of 173 MB (50%) at 190 MB/s · Ctrl-C cancels`.
    mutating func describe(_ snapshot: ProgressMeter.Snapshot, elapsed: Double, now: ContinuousClock.Instant) -> String
    {
        var parts = ["running " + Self.decimal(elapsed) + " s"]
        if let name = snapshot.file, snapshot.bytesTotal > 0 {
            if file?.name != name || snapshot.bytesDone < (file?.bytesAtStart ?? 0) {
                file = (name, now, snapshot.bytesDone)
            }
            let percent = Int((Double(snapshot.bytesDone) / Double(snapshot.bytesTotal) * 100).rounded(.down))
            var text =
                Self.fileName(name) + " " + Self.megabytes(snapshot.bytesDone) + " of "
                + Self.megabytes(snapshot.bytesTotal) + " MB (\(percent)%)"
            if let file, let rate = Self.rate(snapshot.bytesDone - file.bytesAtStart, since: file.since, now: now) {
                text += " at " + Self.megabytes(Int(rate)) + " MB/s"
            }
            parts.append(text)
        } else if snapshot.rowsScanned > 0 {
            if rows == nil { rows = (now, snapshot.rowsScanned) }
            var text = Self.count(snapshot.rowsScanned) + " rows scanned"
            if let rows, let rate = Self.rate(snapshot.rowsScanned - rows.atStart, since: rows.since, now: now) {
                text += " at " + Self.count(Int(rate)) + " rows/s"
            }
            parts.append(text)
        }
        parts.append("Ctrl-C cancels")
        return parts.joined(separator: " · ")
    }

    /// Per second over at least a quarter second of observation (shorter spans give wild figures).
    private static func rate(_ amount: Int, since: ContinuousClock.Instant, now: ContinuousClock.Instant) -> Double? {
        let seconds = (now - since).seconds
        guard seconds >= 0.25, amount > 0 else { return nil }
        return Double(amount) / seconds
    }

    /// The last path component: the line must fit a terminal.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Whole megabytes (10^6 bytes) from 10 MB up, else one decimal.
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1e6
        return value >= 10 ? String(Int(value.rounded())) : decimal(value)
    }

    /// `950`, `12.3K`, `4.1M`: counts shortened to stay readable as they change ten times a second.
    static func count(_ value: Int) -> String {
        switch value {
        case ..<1_000: String(value)
        case ..<1_000_000: decimal(Double(value) / 1e3) + "K"
        case ..<1_000_000_000: decimal(Double(value) / 1e6) + "M"
        default: decimal(Double(value) / 1e9) + "G"
        }
    }

    /// One decimal place, rounded half up (`3.25` → `3.3`).
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return String(tenths / 10) + "." + String(tenths % 10)
    }
}
