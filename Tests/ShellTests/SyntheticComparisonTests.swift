import FileOutput
import Foundation
import Rendering
import Testing
@testable import Shell

/// Issue 11 on seeded synthetic data (two rounds, seed 7), whose areas differ by far more than sampling:
/// the funnel's adjusted limits leave no more than about 5% of areas beyond 99.8%, and no p-value of
/// `deltas` prints as a bare 0 in the terminal's grid.
@Suite struct SyntheticComparisonTests {
    @Test func adjustedFunnelLimitsAndReadablePValues() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Launcher.generate(folder: folder.path, rounds: 2, seed: 7) == .success)
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(folder.path)
        run.run(
            """
            .mode csv
            SELECT measure, adjustment, count(*) AS areas,
                   sum(CASE WHEN position LIKE '%99.8%' THEN 1 ELSE 0 END) AS beyond
              FROM (SELECT * FROM funnel('safeguarding') UNION ALL SELECT * FROM funnel('RoH')
                    UNION ALL SELECT * FROM funnel('LoR'))
             GROUP BY measure, adjustment ORDER BY measure;
            SELECT count(*) AS beyond FROM funnel('RoH', adjust := 'none') WHERE position LIKE '%99.8%';
            SELECT count(*) AS tiny FROM deltas() WHERE p_value < 0.0001;
            """)
        #expect(run.errorText == "")
        let lines = run.output.text.split(separator: "\n").map(String.init)
        let funnel = lines[1...3].map { $0.split(separator: ",").map(String.init) }
        for row in funnel {
            #expect(row[1] == "additive", "\(row)")
            #expect(Int(row[2]) == 158)
            // At most about 5% beyond the adjusted 99.8% limits (seed 7: 3 of 158 for each measure).
            #expect(Int(row[3])! <= 8, "\(row)")
        }
        // Unadjusted, most areas are beyond them: the between-area variation is real.
        #expect(Int(lines[5])! > 50)
        // Many p-values are tiny; in the grid none of them prints as 0.
        #expect(Int(lines[7])! > 0)
        let grid = CapturedRun()
        try DatasetLoader(session: grid.session).loadFolder(folder.path)
        grid.run(".maxrows 0\n.mode box\nSELECT p_value FROM deltas() WHERE p_value IS NOT NULL;")
        let cells = grid.output.text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("│") else { return nil }
            return line.trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
        }.dropFirst(2)
        #expect(cells.count > 100)
        #expect(!cells.contains("0"))
        #expect(cells.contains { $0.contains("e-") })
    }
}
