/// A deterministic, seeded, entirely SYNTHETIC case-level inspection dataset in the canonical layout
/// (`docs/dataset-layout.md`).
///
/// Shaped like the Core Case Inspection (seed report, Appendices 3 and 5): 158 areas in the nine English
/// regions and Wales; one inspection an area a round; 38–99 cases an inspection; 120 questions a case over
/// criteria 1.1–3.2, two thirds of them key questions of a headline theme; about 18% of judgements `NA` —
/// about 1.27 million judgement rows a round. No name or figure describes a real Youth Offending Team:
/// area codes read `SYN001`, names `Synthetic Area 001`.
///
/// So that analyses have something to find, each area has a latent quality that drifts between rounds,
/// criteria differ in difficulty, and a few areas score below 45% on Safeguarding or Risk of Harm; such an
/// area is re-inspected early in the next round (programme `CCI-RE`, at the start of the round's window) and
/// tends to improve. Round 1 runs April 2009 – March 2012, each later round the next three years, so an
/// area's `published` dates differ between rounds.
///
/// The same `(rounds, seed)` gives byte-identical files on every machine (integer arithmetic only).
/// The generator does no I/O: `write(_:to:)` streams one file's CSV bytes into a caller's `ByteSink`.
public struct SyntheticDataset: Sendable {
    /// The files of the canonical layout the generator writes, in the order a loader may want them.
    public enum File: String, CaseIterable, Sendable {
        case areas
        case inspections
        case questions
        case questionThemes = "question_themes"
        case judgements

        /// `areas.csv`, `question_themes.csv`, ...
        public var fileName: String { rawValue + ".csv" }
    }

    /// The largest number of rounds: inspection ids are `round × 1000 + area`.
    public static let maximumRounds = 99

    public let rounds: Int
    public let seed: UInt64

    let areas: [SyntheticArea]
    /// Ordered by id (round, then area).
    let inspections: [SyntheticInspection]
    let judgementModel: SyntheticJudgementModel

    /// Simulates every inspection (drawing all judgements once, to know which areas trigger an early
    /// re-inspection); the files are formatted later by `write(_:to:)`.
    /// - Throws: `SyntheticDatasetError` when `rounds` is outside `1...maximumRounds`.
    public init(rounds: Int = 1, seed: UInt64 = 1) throws(SyntheticDatasetError) {
        guard (1...SyntheticDataset.maximumRounds).contains(rounds) else {
            throw SyntheticDatasetError(
                "rounds must be between 1 and \(SyntheticDataset.maximumRounds), not \(rounds)")
        }
        self.rounds = rounds
        self.seed = seed
        areas = SyntheticArea.all(seed: seed)
        judgementModel = SyntheticJudgementModel(seed: seed)
        inspections = SyntheticDataset.simulate(rounds: rounds, seed: seed, areas: areas, model: judgementModel)
    }

    /// Number of rows `inspections.csv` will hold: 158 a round.
    public var inspectionCount: Int { inspections.count }

    /// Number of rows `judgements.csv` will hold (120 a case).
    public var judgementRowCount: Int {
        inspections.reduce(0) { $0 + $1.cases } * SyntheticQuestionSet.questions.count
    }

    /// Streams one file, header row first, as UTF-8 CSV with `\n` line ends, into `sink`.
    /// - Throws: only what the sink throws.
    public func write<Sink: ByteSink>(_ file: File, to sink: inout Sink) throws(Sink.Failure) {
        let buffer = CSVByteBuffer()
        switch file {
        case .areas: try writeAreas(buffer, to: &sink)
        case .inspections: try writeInspections(buffer, to: &sink)
        case .questions: try writeQuestions(buffer, to: &sink)
        case .questionThemes: try writeQuestionThemes(buffer, to: &sink)
        case .judgements: try writeJudgements(buffer, to: &sink)
        }
        try buffer.flush(to: &sink)
    }

    /// Streams one file into a closure, called with consecutive chunks (valid only during the call).
    public func write<Failure: Error>(
        _ file: File, to body: (UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(Failure) {
        try withoutActuallyEscaping(body) { (escapable) throws(Failure) in
            var sink = ClosureByteSink(escapable)
            try write(file, to: &sink)
        }
    }
}
