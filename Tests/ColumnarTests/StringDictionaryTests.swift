import Columnar
import TestSupport
import Testing

/// `StringDictionary` and its builder: codes, lookups by bytes, re-coding between dictionaries.
@Suite struct StringDictionaryTests {
    @Test func codesAreEntryPositionsAndLookupsFindThem() {
        let dictionary = StringDictionary(distinct: ["beta", "alpha", "", "Zulu"])
        #expect(dictionary.count == 4)
        for (code, string) in dictionary.strings.enumerated() {
            #expect(dictionary[UInt32(code)] == string)
            #expect(dictionary.code(of: string) == UInt32(code))
        }
        #expect(dictionary.code(of: "gamma") == nil)
        #expect(dictionary.code(of: "ALPHA") == nil)
        #expect(ColumnarInvariants.violations(dictionary).isEmpty)
    }

    @Test func canonicallyEquivalentStringsAreDifferentEntries() {
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}"
        let dictionary = StringDictionary(distinct: [precomposed, decomposed])
        #expect(dictionary.code(of: precomposed) == 0)
        #expect(dictionary.code(of: decomposed) == 1)
        #expect(ColumnarInvariants.violations(dictionary).isEmpty)
    }

    @Test func theEmptyDictionaryHasNoEntries() {
        #expect(StringDictionary.empty.count == 0)
        #expect(StringDictionary.empty.code(of: "") == nil)
    }

    @Test func theBuilderInternsEachStringOnceInOrderOfArrival() {
        var builder = StringDictionaryBuilder()
        let codes = ["b", "a", "b", "", "a", "c", ""].map { builder.intern($0) }
        #expect(codes == [0, 1, 0, 2, 1, 3, 2])
        #expect(builder.strings == ["b", "a", "", "c"])
        let dictionary = builder.build()
        #expect(dictionary.strings == builder.strings)
        #expect(dictionary.code(of: "c") == 3)
        #expect(ColumnarInvariants.violations(dictionary).isEmpty)
    }

    @Test func theBuilderTellsCanonicallyEquivalentStringsApart() {
        var builder = StringDictionaryBuilder()
        #expect(builder.intern("\u{E9}") == 0)
        #expect(builder.intern("e\u{301}") == 1)
        #expect(ColumnarInvariants.violations(builder.build()).isEmpty)
    }

    @Test func aRecoderMapsCodesIntoTheBuilderInterningEachStringOnce() {
        let source = StringDictionary(distinct: ["x", "y", "z"])
        var builder = StringDictionaryBuilder()
        #expect(builder.intern("z") == 0)
        var recoder = builder.recoder(from: source)
        let mapped = [1, 2, 1, 0, 2].map { recoder.code(for: UInt32($0), into: &builder) }
        #expect(mapped == [1, 0, 1, 2, 0])
        #expect(builder.strings == ["z", "y", "x"])
        let merged = builder.build()
        for (sourceCode, code) in zip([1, 2, 1, 0, 2], mapped) {
            #expect(merged[code] == source[UInt32(sourceCode)])
        }
        #expect(ColumnarInvariants.violations(merged).isEmpty)
    }
}
