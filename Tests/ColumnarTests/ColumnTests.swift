import Testing
@testable import Columnar

@Suite struct ColumnTests {
    @Test func builderKeepsNullsAndValues() {
        let column = Column(type: .bigint, values: [.bigint(1), .null, .bigint(3)])
        #expect(column.count == 3)
        #expect(column.nullCount == 1)
        #expect(column.values == [.bigint(1), .null, .bigint(3)])
    }

    /// Equal values must hash alike, or a `Set<Value>` (an `IN (subquery)`) finds -0.0 against 0.0 only
    /// when the two hashes happen to land together.
    @Test func equalDoublesHashAlike() {
        #expect(Value.double(-0.0) == Value.double(0.0))
        #expect(Value.double(-0.0).hashValue == Value.double(0.0).hashValue)
        let negativeNaN = -Double.nan, signalling = Double.signalingNaN
        #expect(Value.double(negativeNaN) == Value.double(.nan))
        #expect(Value.double(negativeNaN).hashValue == Value.double(.nan).hashValue)
        #expect(Value.double(signalling).hashValue == Value.double(.nan).hashValue)
        #expect(Set([Value.double(0.0)]).contains(.double(-0.0)))
    }

    /// Years no DATE reaches are refused before the day arithmetic (Int.min once trapped there).
    @Test(arguments: [Int.min, Int.max, -6_000_001, 6_000_001])
    func implausibleYearsAreNotDates(year: Int) {
        #expect(Date32(year: year, month: 1, day: 1) == nil)
        #expect(Date32.dayNumber(year: year, month: 1, day: 1) == nil)
    }

    @Test func gatherSharesDictionaryAndKeepsNulls() {
        let column = Column(type: .varchar, values: [.varchar("a"), .varchar("b"), .null, .varchar("a")])
        let picked = column.gather([3, 2, 1])
        #expect(picked.values == [.varchar("a"), .null, .varchar("b")])
        guard case .varchar(let codes, let dictionary) = column.storage else { Issue.record("not varchar"); return }
        #expect(dictionary.count == 2)
        #expect(codes[0] == codes[3])
    }

    @Test func stringsCompareByCodePointNotCanonicalEquivalence() {
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}"
        #expect(precomposed == decomposed)  // Swift's own rule
        #expect(!precomposed.binaryEquals(decomposed))
        let column = Column(type: .varchar, values: [.varchar(precomposed), .varchar(decomposed)])
        guard case .varchar(_, let dictionary) = column.storage else { Issue.record("not varchar"); return }
        #expect(dictionary.count == 2)
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("2011-12-01", 15309), ("2000-02-29", 11016), ("1969-12-31", -1), ("2024-03-01", 19783),
    ])
    func isoDatesRoundTrip(text: String, days: Int32) {
        let date = Date32(iso: text)
        #expect(date?.daysSinceEpoch == days)
        #expect(date?.description == text)
    }

    @Test(arguments: ["2011-02-29", "2011-13-01", "11-12-01", "2011-1-01", "2011/12/01", "2011-12-00"])
    func invalidIsoDatesAreRejected(text: String) {
        #expect(Date32(iso: text) == nil)
    }

    @Test func validityCountsNulls() {
        var validity = Validity(allValid: 130)
        validity.set(0, valid: false)
        validity.set(129, valid: false)
        #expect(validity.nullCount == 2)
        #expect(!validity.isValid(129))
        #expect(validity.isValid(64))
    }
}
