import Testing
@testable import QueryEngine

@Suite struct CrossPairsTests {
    @Test func crossPairsAreLeftMajor() throws {
        let (left, right) = try Executor(interruption: InterruptionFlag()).crossPairs(2, 3)
        #expect(left == [0, 0, 0, 1, 1, 1])
        #expect(right == [0, 1, 2, 0, 1, 2])
    }

    @Test func aRaisedFlagStopsALargeCrossProductPartWay() {
        let flag = InterruptionFlag()
        flag.raise()
        #expect {
            _ = try Executor(interruption: flag).crossPairs(1_000, 1_000)
        } throws: { error in
            (error as? QueryError)?.kind == .interrupted
        }
    }
}
