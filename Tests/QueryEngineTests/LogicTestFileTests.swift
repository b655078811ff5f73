import Testing

/// The `.test` parser refuses what would let a record pass without checking anything.
@Suite struct LogicTestFileTests {
    @Test func aStatementErrorNamesItsMessage() {
        let file = LogicTestFile(text: "statement error\nSELECT * FROM nope\n----\nnope\n")
        #expect(file.problems.isEmpty)
        guard case .error(let message) = file.records.first?.expectation else {
            Issue.record("not an error record")
            return
        }
        #expect(message == "nope")
    }

    @Test(arguments: [
        "statement error\nSELECT * FROM nope\n",
        "statement error\nSELECT * FROM nope\n----\n",
        "statement error\nSELECT * FROM nope\n----\nnope\nand more\n",
    ])
    func aBareStatementErrorIsRejected(_ text: String) {
        let file = LogicTestFile(text: text)
        #expect(file.problems.map(\.line) == [1])
    }

    @Test func unknownDirectivesAndStrayResultsAreRejected() {
        let file = LogicTestFile(
            text: "statment ok\nSELECT 1\n\nstatement ok\nSELECT 1\n----\n1\n\nstatement maybe\nSELECT 1\n")
        #expect(file.problems.map(\.line) == [1, 4, 9])
        #expect(file.records.count == 2)
    }

    @Test func aFileOfOnlySkippedRecordsRunsNothing() {
        let file = LogicTestFile(text: "skipif yotq\nstatement ok\nSELECT 1\n")
        let outcome = LogicTestRunner.run(file, logicPath: "/", temporaryPath: "/tmp")
        #expect(outcome.passed == 0 && outcome.failures.isEmpty && outcome.skipped == 1)
    }
}
