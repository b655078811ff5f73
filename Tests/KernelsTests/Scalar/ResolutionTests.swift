import Columnar
import Kernels
import Testing

@Suite struct ResolutionTests {
    static func resolve(_ name: String, _ types: [DataType?]) -> ScalarOverload? {
        ScalarFunctions.standard[name]?.resolve(types)
    }

    @Test func exactMatchBeatsWidening() {
        #expect(Self.resolve("+", [.bigint, .bigint])?.returnType == .bigint)
        #expect(Self.resolve("+", [.bigint, .double])?.parameterTypes == [.double, .double])
        #expect(Self.resolve("abs", [.double])?.returnType == .double)
        #expect(Self.resolve("round", [.bigint, .bigint])?.returnType == .bigint)
        #expect(Self.resolve("round", [.double, .bigint])?.returnType == .double)
    }

    @Test func untypedNullAdoptsTheOtherType() {
        #expect(Self.resolve("+", [.double, nil])?.parameterTypes == [.double, .double])
        #expect(Self.resolve("+", [nil, nil])?.parameterTypes == [.bigint, .bigint])
        #expect(Self.resolve("-", [.date, nil])?.parameterTypes == [.date, .bigint])
        #expect(Self.resolve("upper", [nil])?.parameterTypes == [.varchar])
        #expect(Self.resolve("<", [nil, .varchar])?.parameterTypes == [.varchar, .varchar])
    }

    @Test func dateArithmeticOverloads() {
        #expect(Self.resolve("-", [.date, .date])?.returnType == .bigint)
        #expect(Self.resolve("+", [.date, .bigint])?.returnType == .date)
        #expect(Self.resolve("+", [.bigint, .date])?.returnType == .date)
        #expect(Self.resolve("+", [.date, .date]) == nil)
        #expect(Self.resolve("*", [.date, .bigint]) == nil)
    }

    @Test func nothingFitsGivesNil() {
        #expect(Self.resolve("+", [.bigint, .varchar]) == nil)
        #expect(Self.resolve("upper", [.bigint]) == nil)
        #expect(Self.resolve("abs", [.bigint, .bigint]) == nil)
        #expect(Self.resolve("substr", [.varchar]) == nil)
        #expect(Self.resolve("like", [.varchar, .bigint]) == nil)
        #expect(Self.resolve("and", [.boolean, .bigint]) == nil)
        #expect(Self.resolve("year", [.varchar]) == nil)
        #expect(Self.resolve("||", [.varchar]) == nil)
    }

    @Test func concatenationAcceptsAnyTypeAsText() {
        #expect(Self.resolve("||", [.varchar, .bigint])?.parameterTypes == [.varchar, .varchar])
        #expect(Self.resolve("concat", [.date, .boolean, nil])?.parameterTypes == [.varchar, .varchar, .varchar])
    }

    @Test func registryIsKeyedByLowerCaseNameWithSummaries() {
        #expect(ScalarFunctions.standard.count > 70)
        for (key, function) in ScalarFunctions.standard {
            #expect(key == function.name.lowercased())
            #expect(!function.summary.isEmpty)
            #expect(function.summary.contains("—"), "\(key): \(function.summary)")
        }
        for alias in ["ceiling", "pow", "substring", "datediff", "strpos", "ltrim", "rtrim", "ilike"] {
            #expect(ScalarFunctions.standard[alias] != nil, "\(alias)")
        }
    }
}
