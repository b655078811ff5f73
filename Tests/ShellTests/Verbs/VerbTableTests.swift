import FileOutput
import Foundation
import Inspection
import Reporting
import TestSupport
import Testing
@testable import Shell

/// Walks the one table of verbs: every verb is whole (help text, example, chart decision, terminal
/// columns), and everything the shell derives from the table — statements, table functions, `.help`,
/// completion — knows it.
@Suite struct VerbTableTests {
    @Test func namesAreUniqueLowerCaseWords() {
        let names = Verb.all.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names { #expect(name == name.lowercased() && name.allSatisfy(\.isLetter), "\(name)") }
        #expect(VerbStatement.verbs == Set(names))
    }

    @Test(arguments: Verb.all.map(\.name))
    func everyVerbIsWhole(name: String) throws {
        let verb = try #require(Verb.named(name))
        #expect(!verb.summary.isEmpty && !verb.summary.hasSuffix("."))
        #expect(verb.example.hasPrefix(verb.name + " ") || verb.example == verb.name + ";")
        #expect(verb.example.hasSuffix(";"))
        #expect(Set(verb.clauses).count == verb.clauses.count)
        #expect(!verb.terminalColumns.isEmpty)
        // The example is a statement the shell rewrites to a call of the verb's table function.
        let sql = try #require(try VerbStatement.rewrite(verb.example))
        #expect(sql.hasPrefix("SELECT * FROM \(verb.name)("))
        // Help names the form, every clause and the example.
        let help = VerbHelp.detail(verb)
        for clause in verb.clauses { #expect(help.contains(clause.usage)) }
        #expect(help.contains(verb.example))
        #expect(VerbHelp.list.contains(verb.name))
    }

    /// Each example runs on the bundled data (or, for a verb that needs case-level judgements, on a
    /// synthetic round), and its terminal columns are columns of the result.
    @Test(arguments: Verb.all.map(\.name))
    func everyExampleRunsAndShowsItsTerminalColumns(name: String) throws {
        let verb = try #require(Verb.named(name))
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(BundledVerbTests.datasets)
        run.run(verb.example)
        var output = run.output.text
        if run.errorText.contains("known n") {
            let synthetic = try VerbTableTests.syntheticRound()
            let again = CapturedRun()
            try DatasetLoader(session: again.session).loadFolder(synthetic)
            again.run(verb.example)
            #expect(again.errorText == "")
            output = again.output.text
        } else {
            #expect(run.errorText == "")
        }
        let header = output.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        #expect(output.split(separator: "\n").count > 1, "\(verb.example) returned no rows")
        for column in verb.terminalColumns { #expect(header.contains(column), "\(name): no column \(column)") }
    }

    @Test func aVerbsClauseItDoesNotTakeIsAnErrorNamingThoseItDoes() {
        #expect(throws: VerbStatement.Failure.self) { try VerbStatement.rewrite("profile Harrow WITHIN region") }
        do {
            _ = try VerbStatement.rewrite("profile Harrow BINS 3")
        } catch {
            #expect(error.description == "profile takes no BINS clause (it takes AS OF and IN FRAMEWORK)")
        }
    }

    @Test func helpListsTheVerbsAndDescribesOne() {
        let run = CapturedRun()
        run.run(".help\n.help compare\n.help comapre\n")
        for verb in Verb.all { #expect(run.output.text.contains("  " + verb.name + " ")) }
        #expect(run.output.text.contains("compare AREA [, AREA ...] [WITHIN region|country|all]"))
        #expect(run.errorText.contains("no verb or command named comapre"))
        #expect(run.errorText.contains("did you mean: compare?"))
    }

    /// One synthetic round, generated once per test process.
    static func syntheticRound() throws -> String {
        try SyntheticRound.shared.folder()
    }
}

/// A generated dataset shared by the tests that need case-level judgements.
final class SyntheticRound: @unchecked Sendable {
    static let shared = SyntheticRound()
    private let lock = NSLock()
    private var made: String?

    func folder() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        // One fixed folder per seed, kept between runs: generation is deterministic (and its files are
        // written atomically), so a folder with its README is complete.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-test-synthetic-r1-s11").path
        if FileManager.default.fileExists(atPath: folder + "/README.md") {
            made = folder
            return folder
        }
        guard Launcher.generate(folder: folder, rounds: 1, seed: 11) == .success else {
            throw CocoaError(.fileWriteUnknown)
        }
        made = folder
        return folder
    }
}
