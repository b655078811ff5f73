import FileOutput
import Rendering
import Testing
@testable import Shell

@Suite struct VerbStatementTests {
    @Test(arguments: [
        ("compare Harrow;", "SELECT * FROM compare('Harrow')"),
        ("compare Harrow, Brent WITHIN region", "SELECT * FROM compare('Harrow', 'Brent', within := 'region')"),
        ("profile 'Richmond upon Thames';", "SELECT * FROM profile('Richmond upon Thames')"),
        ("profile Richmond upon Thames", "SELECT * FROM profile('Richmond upon Thames')"),
        ("triggers AS OF 2012-06-30;", "SELECT * FROM triggers(as_of := DATE '2012-06-30')"),
        ("TRIGGERS as of '2012-06-30'", "SELECT * FROM triggers(as_of := DATE '2012-06-30')"),
        ("ranges total BY region", "SELECT * FROM ranges('total', by := 'region')"),
        ("ranges", "SELECT * FROM ranges()"),
        ("distribution overall BINS 4", "SELECT * FROM distribution('overall', bins := 4)"),
        ("deltas 'North Lincolnshire' RoH", "SELECT * FROM deltas('North Lincolnshire', 'RoH')"),
        ("profile Harrow IN FRAMEWORK cci-2009", "SELECT * FROM profile('Harrow', framework := 'cci-2009')"),
        ("profile 'O''Brien'", "SELECT * FROM profile('O''Brien')"),
        ("funnel 'risk of harm' AS OF 2012-06-30", "SELECT * FROM funnel('risk of harm', as_of := DATE '2012-06-30')"),
        ("funnel RoH ADJUST none", "SELECT * FROM funnel('RoH', adjust := 'none')"),
        (
            "funnel safeguarding ADJUST multiplicative AS OF 2012-06-30",
            "SELECT * FROM funnel('safeguarding', adjust := 'multiplicative', as_of := DATE '2012-06-30')"
        ),
    ])
    func verbStatementsBecomeTableFunctionCalls(text: String, sql: String) throws {
        #expect(try VerbStatement.rewrite(text) == sql)
    }

    @Test(arguments: ["SELECT 1", "select * from compare('Harrow')", "FROM scores", "  -- profile\nSELECT 2"])
    func sqlIsLeftAlone(text: String) throws {
        #expect(try VerbStatement.rewrite(text) == nil)
    }

    @Test(arguments: [
        "profile 'Harrow", "triggers AS OF", "distribution overall BINS many", "compare Harrow ADJUST none",
        "funnel RoH ADJUST",
    ])
    func malformedVerbStatementsFail(text: String) {
        #expect(throws: VerbStatement.Failure.self) { try VerbStatement.rewrite(text) }
    }
}

extension VerbStatementTests {
    @Test(arguments: [
        ("-- the seed's area\nprofile Harrow", true), ("compare(1)", false), ("profiles", false), ("ranges", true),
        ("SELECT 1", false), ("  Triggers;", true), ("funnel_x", false),
    ])
    func theFirstWordDecides(text: String, isVerb: Bool) {
        #expect(VerbStatement.startsWithVerb(text) == isVerb)
    }

    @Test(arguments: [
        ("compre Harrow", ["compare"]), ("  profle 'Brent'", ["profile"]), ("SELECT 1", []), ("compare x", []),
    ])
    func aMisspelledVerbIsSuggested(text: String, expected: [String]) {
        #expect(VerbStatement.suggestions(forMisspelled: text) == expected)
    }

    @Test func theSuggestionReachesTheError() {
        let run = CapturedRun()
        #expect(run.run("compre Harrow;") == .failure)
        #expect(run.errors.text.hasSuffix("did you mean: compare?\n"))
    }
}
