import Inspection
import Testing

@Suite struct SyntheticDatasetDeterminismTests {
    @Test func sameSeedGivesIdenticalBytesInEveryFile() throws {
        let again = SyntheticFixture.generate(try SyntheticDataset(rounds: 2, seed: 7))
        for file in SyntheticDataset.File.allCases {
            #expect(again[file] == SyntheticFixture.shared.bytes[file], "\(file.fileName) differs")
        }
    }

    @Test func differentSeedGivesDifferentJudgementsAndInspections() throws {
        let one = SyntheticFixture.generate(try SyntheticDataset(rounds: 1, seed: 7))
        let other = SyntheticFixture.generate(try SyntheticDataset(rounds: 1, seed: 8))
        #expect(other[.judgements] != one[.judgements])
        #expect(other[.inspections] != one[.inspections])
        // The framework itself does not depend on the seed.
        #expect(other[.questions] == one[.questions] && other[.questionThemes] == one[.questionThemes])
    }

    @Test func earlierRoundsDoNotDependOnHowManyFollow() throws {
        let oneRound = try SyntheticDataset(rounds: 1, seed: 7)
        var judgements: [UInt8] = []
        oneRound.write(.judgements, to: &judgements)
        let twoRounds = SyntheticFixture.shared.bytes[.judgements]!
        #expect(judgements.count < twoRounds.count)
        #expect(Array(twoRounds.prefix(judgements.count)) == judgements)
    }

    @Test func closureSinkReceivesTheSameBytesInBoundedChunks() throws {
        let dataset = SyntheticFixture.shared.dataset
        var joined: [UInt8] = []
        var largestChunk = 0
        dataset.write(.judgements) { (chunk: UnsafeRawBufferPointer) in
            largestChunk = max(largestChunk, chunk.count)
            joined.append(contentsOf: chunk)
        }
        #expect(joined == SyntheticFixture.shared.bytes[.judgements])
        #expect(largestChunk <= 1 << 20)
    }

    struct DiskFull: Error, Equatable {}

    struct FailingSink: ByteSink {
        var writesBeforeFailure: Int
        mutating func write(_ bytes: UnsafeRawBufferPointer) throws(DiskFull) {
            guard writesBeforeFailure > 0 else { throw DiskFull() }
            writesBeforeFailure -= 1
        }
    }

    @Test func sinkFailureIsPassedThrough() throws {
        var sink = FailingSink(writesBeforeFailure: 2)
        #expect(throws: DiskFull()) {
            try SyntheticFixture.shared.dataset.write(.judgements, to: &sink)
        }
    }

    @Test(arguments: [0, -1, 100])
    func roundsOutsideTheRangeAreRejected(rounds: Int) {
        #expect(throws: SyntheticDatasetError.self) {
            _ = try SyntheticDataset(rounds: rounds, seed: 1)
        }
    }

    @Test func everyFileIsNamedAfterItsTable() {
        #expect(
            SyntheticDataset.File.allCases.map(\.fileName) == [
                "areas.csv", "inspections.csv", "questions.csv", "question_themes.csv", "judgements.csv",
            ])
    }
}
