import Spelling
import Testing

@Suite struct SuggestionsTests {
    @Test(arguments: [
        ("tabels", ["tables"], "tables"),
        ("inspection", ["inspections", "questions"], "inspections"),
        ("REGION", ["region", "area"], "region"),
        ("xyz", ["inspections"], nil),
    ])
    func closestCloseNameComesFirst(word: String, candidates: [String], expected: String?) {
        #expect(Suggestions.closest(to: word, among: candidates).first == expected)
    }

    @Test func atMostThreeClosestFirstAndNoDuplicates() {
        let found = Suggestions.closest(to: "area", among: ["areas", "Areas", "arena", "era", "zone", "ares"])
        #expect(found == ["areas", "arena", "ares"])
    }

    @Test(arguments: [
        ("", "abc", 3), ("kitten", "sitting", 3), ("tabels", "tables", 1), ("same", "same", 0), ("ab", "ba", 1),
    ])
    func editDistanceCountsSwapsOfNeighboursAsOne(a: String, b: String, distance: Int) {
        #expect(Suggestions.editDistance(Array(a), Array(b)) == distance)
    }
}
