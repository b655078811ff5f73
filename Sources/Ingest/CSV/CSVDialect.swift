/// Collects the fields of one record as byte arrays (header, sniffing: a few records only).
struct CollectingSink: CSVRecordSink {
    var fields: [(bytes: [UInt8], quoted: Bool)] = []

    mutating func field(_ index: Int, _ pointer: UnsafeRawPointer, _ length: Int, quoted: Bool) {
        let bytes = Array(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length))
        fields.append((bytes, quoted))
    }
}

/// Guesses the delimiter of a CSV file from its first records.
///
/// Rule: scan up to `sampleRecords` records of the first `sampleBytes` with each candidate (`,` `;` tab
/// `|`, in that order of preference); a candidate qualifies when every sampled record has the same number
/// of fields and that number is more than one; the qualifying candidate with the most fields wins, ties
/// going to the earlier candidate. With no qualifier, the file is read as comma-separated (one column).
enum CSVDialect {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    static let sampleRecords = 32
    static let sampleBytes = 1 << 16

    static func sniffDelimiter(base: UnsafePointer<UInt8>, start: Int, end: Int) -> UInt8 {
        let window = min(end, start + sampleBytes)
        var best: (delimiter: UInt8, fields: Int)?
        for candidate in candidates {
            var scanner = CSVScanner(base: base, end: window, delimiter: candidate)
            defer { scanner.release() }
            var position = start
            var counts: [Int] = []
            var sink = DiscardingSink()
            sampling: while counts.count < sampleRecords {
                switch scanner.scanRecord(at: &position, expectedFields: nil, into: &sink) {
                case .record(let fieldCount):
                    // A record cut by the sample window may be short: only count records that ended inside it.
                    if position >= window && window < end { break sampling }
                    counts.append(fieldCount)
                case .blankLine: continue
                case .endOfFile, .failure: break sampling
                }
            }
            guard let first = counts.first, first > 1, counts.allSatisfy({ $0 == first }) else { continue }
            if best == nil || first > best!.fields { best = (candidate, first) }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    /// Column names from a header record: kept as written, an empty name becomes `column<i>` (0-based),
    /// a repeated name (case-insensitively) gets `_1`, `_2`, … appended.
    static func columnNames(_ header: [String]) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for (index, raw) in header.enumerated() {
            var name = raw.isEmpty ? "column\(index)" : raw
            if seen.contains(name.lowercased()) {
                var suffix = 1
                while seen.contains("\(name)_\(suffix)".lowercased()) { suffix += 1 }
                name = "\(name)_\(suffix)"
            }
            seen.insert(name.lowercased())
            names.append(name)
        }
        return names
    }

    /// Names for a file without a header: `column0`, `column1`, …
    static func generatedNames(_ count: Int) -> [String] { (0..<count).map { "column\($0)" } }
}
