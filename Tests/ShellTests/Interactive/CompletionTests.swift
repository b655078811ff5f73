import Foundation
import LineEditor
import Testing
@testable import Shell

@Suite struct CompletionTests {
    static let catalog = CompletionCatalog(
        relations: [
            ("areas", ["area_code", "area", "region"]),
            ("inspections", ["inspection_id", "area_code", "published"]),
            ("scores", ["inspection_id", "measure", "score", "band"]),
        ],
        functions: ["avg", "count", "lower", "sum"],
        tableFunctions: ["read_csv"],
        values: [
            "area": ["Barking and Dagenham", "Barnet", "Bristol"], "region": ["London", "South West"],
            "measure": ["M1", "M2"],
        ]
    )

    static let folders: [String: [(name: String, isDirectory: Bool)]] = [
        ".": [("Datasets", true), ("notes.sql", false), (".hidden", false)],
        "Datasets/": [("youth-2018", true), ("outcomes", true), ("readme.txt", false)],
    ]

    static let completer = StatementCompleter(catalog: catalog) { folders[$0] ?? [] }

    /// (text with `|` marking the cursor, the candidates expected, in order).
    static let cases: [(String, [String])] = [
        // Relations after FROM / JOIN / a comma in FROM.
        ("SELECT * FROM sc|", ["scores"]),
        ("select * from areas join in|", ["inspections"]),
        ("SELECT * FROM areas, s|", ["scores"]),
        ("SELECT * FROM r|", ["read_csv"]),
        // Columns scoped to the tables the statement names, wherever they are named.
        ("SELECT mea| FROM scores", ["measure"]),
        ("SELECT ban| FROM areas", []),
        ("SELECT reg| FROM areas JOIN scores USING (x)", ["region"]),
        ("SELECT * FROM scores WHERE sc|", ["score"]),
        // No table named yet: every table's columns, each once.
        ("SELECT are|", ["area_code", "area"]),
        ("SELECT inspection|", ["inspection_id"]),
        // Qualified names through an alias or a table name.
        ("SELECT s.me| FROM scores s", ["s.measure"]),
        ("SELECT a.| FROM areas AS a", ["a.area_code", "a.area", "a.region"]),
        ("SELECT areas.reg| FROM areas", ["areas.region"]),
        ("SELECT x.y| FROM areas", []),
        // Functions (with the scoped columns first).
        ("SELECT su| FROM scores", ["sum"]),
        ("SELECT lowe|", ["lower"]),
        // Only the statement the cursor is in.
        ("SELECT band FROM scores; SELECT ban| FROM areas", []),
        // Values inside quotes: those of the compared column, else all.
        ("SELECT * FROM areas WHERE region = 'Lo|", ["London"]),
        ("SELECT * FROM areas WHERE area = 'Bar|", ["Barking and Dagenham", "Barnet"]),
        ("SELECT * FROM areas WHERE area = 'barking a|", ["Barking and Dagenham"]),
        ("SELECT * FROM scores WHERE measure IN ('M1', 'M|", ["M1", "M2"]),
        ("SELECT * FROM areas WHERE a.region NOT IN ('S|", ["South West"]),
        ("SELECT 'B|", ["Barking and Dagenham", "Barnet", "Bristol"]),
        // Paths inside read_csv('.
        ("SELECT * FROM read_csv('Data|", ["Datasets/"]),
        ("SELECT * FROM read_csv('Datasets/|", ["Datasets/outcomes/", "Datasets/readme.txt", "Datasets/youth-2018/"]),
        // Quoted names.
        ("SELECT \"are|", ["areas", "area_code", "area"]),
        // Nothing inside comments.
        ("SELECT 1 -- from sc|", []),
        ("SELECT /* sc|", []),
        // Dot-commands and their arguments.
        (".mo|", [".mode"]),
        (".ex|", [".exit"]),
        (".h|", [".help", ".headers", ".history"]),
        (".mode b|", ["box"]),
        (".timer o|", ["on", "off"]),
        (".ti o|", ["on", "off"]),
        (".load Dat|", ["Datasets/"]),
        (".load Datasets/y|", ["Datasets/youth-2018/"]),
        (".read |", ["Datasets/", "notes.sql"]),
        (".read .h|", [".hidden"]),
        (".once 'Datasets/re|", ["Datasets/readme.txt"]),
        (".load x.csv a|", ["AS"]),
        (".schema sc|", ["scores"]),
        (".nonsense x|", []),
        // Verbs: a statement's first word is a verb or a keyword, never a column.
        ("comp|", ["compare"]),
        ("PRO|", ["PROFILE"]),
        ("dist|", ["distribution", "distinct"]),
        // Within a verb statement: unquoted names of several words, its clauses, a clause's choices.
        ("profile Bar|", ["Barking and Dagenham", "Barnet"]),
        ("profile barking and d|", ["Barking and Dagenham"]),
        ("compare Barnet, Bri|", ["Bristol"]),
        ("compare Barnet WI|", ["WITHIN"]),
        ("compare Barnet WITHIN r|", ["region"]),
        ("compare Barnet a|", ["AS OF"]),
        ("funnel M|", ["M1", "M2"]),
        ("profile Barnet AS OF 2012|", []),
    ]

    @Test(arguments: cases)
    func candidatesForTextAndCursor(_ text: String, _ expected: [String]) {
        let cursor = text.utf8.firstIndex(of: UInt8(ascii: "|")).map {
            text.utf8.distance(from: text.utf8.startIndex, to: $0)
        }!
        let statement = text.replacingOccurrences(of: "|", with: "")
        #expect(Self.completer.complete(statement, cursor: cursor).candidates == expected, "\(text)")
    }

    @Test func theReplacedWordStartsAfterAnOpeningQuote() {
        let text = "SELECT * FROM areas WHERE region = 'So"
        let answer = Self.completer.complete(text, cursor: text.utf8.count)
        #expect(answer.wordStart == text.utf8.count - 2)
        #expect(answer.candidates == ["South West"])
    }

    @Test func aNameOfSeveralWordsIsReplacedWhole() {
        let text = "profile barking and d"
        let answer = Self.completer.complete(text, cursor: text.utf8.count)
        #expect(answer.wordStart == 8)
        #expect(answer.candidates == ["Barking and Dagenham"])
    }

    @Test func theReplacedWordIsTheWholeQualifiedName() {
        let text = "SELECT s.me FROM scores s"
        #expect(Self.completer.complete(text, cursor: 11).wordStart == 7)
    }

    @Test func aFolderIsNotFollowedByASpaceButAFileIs() {
        #expect(Self.completer.complete(".load Dat", cursor: 9).appendsSpace == false)
        #expect(Self.completer.complete(".read no", cursor: 8).appendsSpace == true)
    }

    @Test func keywordsFollowTheCaseTyped() {
        let lower = Self.completer.complete("SELECT * FROM areas wh", cursor: 22).candidates
        let upper = Self.completer.complete("SELECT * FROM areas WH", cursor: 22).candidates
        #expect(lower.contains("where"))
        #expect(upper.contains("WHERE"))
        #expect(!upper.contains("where"))
    }

    @Test func aLaterLineOfAPendingStatementSeesTheTablesNamedEarlier() {
        let text = "SELECT *\nFROM scores\nWHERE mea"
        #expect(Self.completer.complete(text, cursor: text.utf8.count).candidates == ["measure"])
    }

    @Test func theCatalogSnapshotReadsTablesColumnsFunctionsAndValues() throws {
        let run = CapturedRun()
        run.run(
            "CREATE TABLE areas AS SELECT * FROM (VALUES ('E1', 'Barnet', 'London'), ('E2', 'Bristol', 'South West')) t(area_code, area, region);"
        )
        let catalog = CompletionCatalog(database: run.session.database)
        #expect(catalog.columns(of: "AREAS") == ["area_code", "area", "region"])
        #expect(catalog.values["region"] == ["London", "South West"])
        #expect(catalog.values["area"] == ["Barnet", "Bristol"])
        #expect(catalog.functions.contains("count"))
        #expect(catalog.functions.contains("lower"))
    }
}
