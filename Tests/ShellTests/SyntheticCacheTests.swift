import Foundation
import Testing
@testable import Shell

@Suite struct SyntheticCacheTests {
    @Test func theSyntheticDatasetIsGeneratedOnceIntoTheCacheThenReused() throws {
        let cache = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let environment = ["XDG_CACHE_HOME": cache.path]
        let folder = try SyntheticFiles.cachedFolder(rounds: 1, seed: 5, environment: environment)
        #expect(folder == cache.path + "/yotq/synthetic-r1-s5")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            files == [
                "README.md", "areas.csv", "inspections.csv", "judgements.csv", "question_themes.csv", "questions.csv",
            ])
        #expect(try String(contentsOfFile: folder + "/README.md", encoding: .utf8).lowercased().contains("synthetic"))

        let judgements = folder + "/judgements.csv"
        let written = try FileManager.default.attributesOfItem(atPath: judgements)[.modificationDate] as? Date
        #expect(try SyntheticFiles.cachedFolder(rounds: 1, seed: 5, environment: environment) == folder)
        let after = try FileManager.default.attributesOfItem(atPath: judgements)[.modificationDate] as? Date
        #expect(written == after)
    }
}
