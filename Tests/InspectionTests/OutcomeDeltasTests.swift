import Columnar
import Testing
@testable import Inspection

@Suite struct OutcomeDeltasTests {
    @Test(arguments: [
        ("2014", 2014 * 12 + 11), ("2016/17", 2017 * 12 + 2), ("2017-18 cohort", 2018 * 12 + 2),
        ("Jul 2011-Jun 2012", 2012 * 12 + 5), ("Jan-Dec 2024", 2024 * 12 + 11),
        ("12 months to Mar 2023", 2023 * 12 + 2),
        ("Oct 2013-Sep 2014 cohort", 2014 * 12 + 8),
    ])
    func periodsAreOrderedByTheirEnd(text: String, end: Int) {
        #expect(OutcomeDeltasVerb.periodEnd(text) == end)
    }

    @Test func aPeriodWithoutAYearHasNoPlace() {
        #expect(OutcomeDeltasVerb.periodEnd("latest") == nil)
        #expect(OutcomeDeltasVerb.periodEnd("East of England") == nil)
    }

    static let outcomes = InspectionFixture.table(
        ["area", "period", "indicator", "value", "unit", "comparator"],
        [
            [.varchar("Alpha"), .varchar("2012"), .varchar("fte_rate"), .double(300), .varchar("per 100,000"), .null],
            [.varchar("Alpha"), .varchar("2010"), .varchar("fte_rate"), .double(400), .varchar("per 100,000"), .null],
            [
                .varchar("Alpha"), .varchar("2011"), .varchar("fte_rate"), .double(500), .varchar("per 100,000"),
                .varchar("England"),
            ],
            [.varchar("Alpha"), .varchar("2011"), .varchar("fte_rate"), .double(50), .varchar("per 1,000"), .null],
            [.varchar("Alpha"), .varchar("2013"), .varchar("fte_rate"), .double(40), .varchar("per 1,000"), .null],
        ])

    @Test func deltasFollowPeriodsWithinOneUnitAndSkipComparators() throws {
        let table = try OutcomeDeltasVerb.run(area: "alpha", indicator: "FTE_RATE", outcomes: Self.outcomes)
        #expect(InspectionFixture.column(table, "unit") == ["per 1,000", "per 100,000"])
        #expect(InspectionFixture.column(table, "before_period") == ["2011", "2010"])
        #expect(InspectionFixture.rounded(table, "change") == ["-10", "-100"])
        #expect(InspectionFixture.rounded(table, "change_percent") == ["-20", "-25"])
    }

    @Test func anUnknownIndicatorListsTheKnownOnes() {
        #expect(throws: InspectionError.unknownMeasure("fte", candidates: ["fte_rate"])) {
            try OutcomeDeltasVerb.run(area: nil, indicator: "fte", outcomes: Self.outcomes)
        }
    }
}
