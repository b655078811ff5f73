import FileOutput
import Foundation
import Rendering
import Testing
@testable import Shell

/// Scores computed from generated judgements (one synthetic round, about 1.27 million judgements) equal
/// an independent SQL computation of Appendix 5 over the same tables.
@Suite struct SyntheticScoringSQLTests {
    @Test func everyComputedScoreEqualsTheSQLComputation() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Launcher.generate(folder: folder.path, rounds: 1, seed: 7) == .success)
        let run = CapturedRun()
        // The real datasets first: loading the synthetic one must not carry their published scores over.
        try DatasetLoader(session: run.session).loadFolder(BundledVerbTests.datasets)
        try DatasetLoader(session: run.session).loadFolder(folder.path)
        run.run(
            """
            SELECT count(*) AS published FROM scores WHERE source <> 'computed';
            SELECT inspection_id, measure, sufficient, n FROM scores WHERE source = 'computed' ORDER BY 1, 2;
            SELECT CAST(j.inspection_id AS VARCHAR) AS inspection_id, q.criterion AS measure,
                   sum(CASE WHEN j.answer = 'Y' THEN 1 ELSE 0 END) AS y, sum(CASE WHEN j.answer <> 'NA' THEN 1 ELSE 0 END) AS n
              FROM judgements j JOIN questions q ON j.question = q.question GROUP BY 1, 2
            UNION ALL
            SELECT CAST(j.inspection_id AS VARCHAR), q.section,
                   sum(CASE WHEN j.answer = 'Y' THEN 1 ELSE 0 END), sum(CASE WHEN j.answer <> 'NA' THEN 1 ELSE 0 END)
              FROM judgements j JOIN questions q ON j.question = q.question GROUP BY 1, 2
            UNION ALL
            SELECT CAST(j.inspection_id AS VARCHAR), t.theme,
                   sum(CASE WHEN j.answer = 'Y' THEN 1 ELSE 0 END), sum(CASE WHEN j.answer <> 'NA' THEN 1 ELSE 0 END)
              FROM judgements j JOIN (SELECT DISTINCT question, theme FROM question_themes) t ON j.question = t.question
              GROUP BY 1, 2
            ORDER BY 1, 2;
            """)
        #expect(run.errorText == "")
        #expect(run.output.text.hasPrefix("published\n0\n"))
        let blocks = run.output.text.components(separatedBy: "inspection_id,")
        try #require(blocks.count == 3)
        let computed = Set(blocks[1].split(separator: "\n").dropFirst())
        let expected = Set(blocks[2].split(separator: "\n").dropFirst())
        #expect(computed.count == 158 * 14)
        #expect(computed == expected)
    }
}
