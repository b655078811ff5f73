import Columnar
import Kernels
import Testing

@Suite struct CastTests {
    /// One conversion of a single value.
    struct Conversion: Sendable, CustomStringConvertible {
        var value: Value
        var target: DataType
        var expected: Value
        init(_ value: Value, _ target: DataType, _ expected: Value) {
            (self.value, self.target, self.expected) = (value, target, expected)
        }
        var description: String { "CAST(\(value) AS \(target)) = \(expected)" }
    }

    static func cast(_ value: Value, _ target: DataType, mode: CastKernel.Mode = .strict) throws -> Value {
        let column = Column(type: value.type ?? target, values: [value])
        return try CastKernel.cast(column, to: target, mode: mode)[0]
    }

    static let conversions: [Conversion] = [
        Conversion(.varchar("42"), .bigint, .bigint(42)),
        Conversion(.varchar(" 42 "), .bigint, .bigint(42)),
        Conversion(.varchar("\t-17\n"), .bigint, .bigint(-17)),
        Conversion(.varchar("+5"), .bigint, .bigint(5)),
        Conversion(.varchar("2.5"), .bigint, .bigint(3)),
        Conversion(.varchar("-2.5"), .bigint, .bigint(-3)),
        Conversion(.varchar("2.49"), .bigint, .bigint(2)),
        Conversion(.varchar("7."), .bigint, .bigint(7)),
        Conversion(.varchar("1_000"), .bigint, .bigint(1000)),
        Conversion(.varchar("007"), .bigint, .bigint(7)),
        Conversion(.varchar("9223372036854775807"), .bigint, .bigint(.max)),
        Conversion(.varchar("-9223372036854775808"), .bigint, .bigint(.min)),
        Conversion(.varchar("3.25"), .double, .double(3.25)),
        Conversion(.varchar(" 2 "), .double, .double(2)),
        Conversion(.varchar("1e3"), .double, .double(1000)),
        Conversion(.varchar("-0.5E-1"), .double, .double(-0.05)),
        Conversion(.varchar("nan"), .double, .double(.nan)),
        Conversion(.varchar("inf"), .double, .double(.infinity)),
        Conversion(.varchar("-Infinity"), .double, .double(-.infinity)),
        Conversion(.varchar("2024-02-29"), .date, .day("2024-02-29")),
        Conversion(.varchar(" 2024-2-9 "), .date, .day("2024-02-09")),
        Conversion(.varchar("2024/02/29"), .date, .day("2024-02-29")),
        Conversion(.varchar("1900-02-28"), .date, .day("1900-02-28")),
        Conversion(.varchar("true"), .boolean, .boolean(true)),
        Conversion(.varchar("T"), .boolean, .boolean(true)),
        Conversion(.varchar("yes"), .boolean, .boolean(true)),
        Conversion(.varchar(" FALSE "), .boolean, .boolean(false)),
        Conversion(.varchar("0"), .boolean, .boolean(false)),
        Conversion(.varchar("n"), .boolean, .boolean(false)),
        Conversion(.double(2.5), .bigint, .bigint(3)),
        Conversion(.double(-2.5), .bigint, .bigint(-3)),
        Conversion(.double(2.4), .bigint, .bigint(2)),
        Conversion(.double(-0.4), .bigint, .bigint(0)),
        Conversion(.double(9.2233720368547748e18), .bigint, .bigint(9_223_372_036_854_774_784)),
        Conversion(.double(-9.2233720368547758e18), .bigint, .bigint(.min)),
        Conversion(.bigint(9_007_199_254_740_993), .double, .double(9_007_199_254_740_992)),
        Conversion(.bigint(-3), .double, .double(-3)),
        Conversion(.double(1), .varchar, .varchar("1.0")),
        Conversion(.double(0.1), .varchar, .varchar("0.1")),
        Conversion(.double(1e16), .varchar, .varchar("1e+16")),
        Conversion(.double(.nan), .varchar, .varchar("nan")),
        Conversion(.double(-.infinity), .varchar, .varchar("-inf")),
        Conversion(.bigint(-5), .varchar, .varchar("-5")),
        Conversion(.boolean(true), .varchar, .varchar("true")),
        Conversion(.boolean(false), .varchar, .varchar("false")),
        Conversion(.day("2024-02-29"), .varchar, .varchar("2024-02-29")),
        Conversion(.day("0099-01-01"), .varchar, .varchar("0099-01-01")),
        Conversion(.boolean(true), .bigint, .bigint(1)),
        Conversion(.boolean(false), .double, .double(0)),
        Conversion(.bigint(0), .boolean, .boolean(false)),
        Conversion(.bigint(-5), .boolean, .boolean(true)),
        Conversion(.double(0.5), .boolean, .boolean(true)),
        Conversion(.null, .bigint, .null),
        Conversion(.varchar("x"), .varchar, .varchar("x")),
    ]

    @Test(arguments: conversions)
    func convertsValue(_ conversion: Conversion) throws {
        let result = try Self.cast(conversion.value, conversion.target)
        #expect(result == conversion.expected && result.type == conversion.expected.type, "\(conversion): \(result)")
    }

    static let failures: [(Value, DataType, String)] = [
        (.varchar("abc"), .bigint, "Could not convert string 'abc' to BIGINT"),
        (.varchar(""), .bigint, "Could not convert string '' to BIGINT"),
        (.varchar("1e3"), .bigint, "'1e3'"),
        (.varchar("12a"), .bigint, "'12a'"),
        (.varchar("1 2"), .bigint, "'1 2'"),
        (.varchar("9223372036854775808"), .bigint, "9223372036854775808"),
        (.varchar("9223372036854775807.5"), .bigint, "9223372036854775807.5"),
        (.varchar("1__0"), .bigint, "1__0"),
        (.varchar("x"), .double, "Could not convert string 'x' to DOUBLE"),
        (.varchar("0x10"), .double, "0x10"),
        (.varchar("2023-02-29"), .date, "Could not convert string '2023-02-29' to DATE"),
        (.varchar("2024-02-29x"), .date, "2024-02-29x"),
        (.varchar("2024-02/29"), .date, "2024-02/29"),
        (.varchar("29/02/2024"), .date, "29/02/2024"),
        (.varchar("maybe"), .boolean, "Could not convert string 'maybe' to BOOLEAN"),
        (.double(1e19), .bigint, "1e+19"),
        (.double(.nan), .bigint, "nan"),
        (.double(.infinity), .bigint, "inf"),
        (.day("2024-01-01"), .bigint, "Unimplemented type for cast (DATE -> BIGINT)"),
        (.bigint(1), .date, "(BIGINT -> DATE)"),
        (.boolean(true), .date, "(BOOLEAN -> DATE)"),
    ]

    @Test(arguments: failures)
    func strictCastFailureNamesValueAndType(_ value: Value, _ target: DataType, _ fragment: String) {
        do {
            let result = try Self.cast(value, target)
            Issue.record("CAST(\(value) AS \(target)) gave \(result)")
        } catch let error as KernelError {
            #expect(error.kind == .conversion)
            #expect(error.message.contains(fragment), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: failures.filter { CastKernel.isSupported(from: $0.0.type!, to: $0.1) })
    func tryCastGivesNull(_ value: Value, _ target: DataType, _ fragment: String) throws {
        #expect(try Self.cast(value, target, mode: .try) == .null)
    }

    @Test func unreferencedAndNullEntriesDoNotFail() throws {
        // 'abc' is in the dictionary but only under a NULL row and an unused entry: strict cast succeeds.
        let dictionary = StringDictionary(distinct: ["abc", "1", "2"])
        let column = Column(
            .varchar(codes: [1, 0, 2, 1], dictionary: dictionary), validity: Validity([true, false, true, true]))
        let result = try CastKernel.cast(column, to: .bigint, mode: .strict)
        #expect(result.values == [.bigint(1), .null, .bigint(2), .bigint(1)])
    }

    @Test func tryCastKeepsGoodRows() throws {
        let column = Column(type: .varchar, values: [.varchar("1"), .varchar("x"), .null, .varchar("2.5")])
        #expect(try CastKernel.cast(column, to: .bigint, mode: .try).values == [.bigint(1), .null, .null, .bigint(3)])
        let doubles = Column(.double([1.5, .nan, 1e300, -2.5]))
        #expect(
            try CastKernel.cast(doubles, to: .bigint, mode: .try).values == [.bigint(2), .null, .null, .bigint(-3)])
    }

    @Test func formattingSharesCodesForEqualValues() throws {
        let column = Column(.bigint([3, 1, 3, 3, 1]))
        let text = try CastKernel.cast(column, to: .varchar, mode: .strict)
        guard case .varchar(let codes, let dictionary) = text.storage else { Issue.record("not text"); return }
        #expect(dictionary.count == 2)
        #expect(codes[0] == codes[2] && codes[1] == codes[4])
        #expect(text.values == ["3", "1", "3", "3", "1"].map(Value.varchar))
    }

    @Test func allNullColumnCastsToAnyType() throws {
        let nulls = Column(nullsOf: .bigint, count: 3)
        let dates = try CastKernel.cast(nulls, to: .date, mode: .strict)
        #expect(dates.type == .date && dates.nullCount == 3)
        let empty = try CastKernel.cast(Column(nullsOf: .date, count: 0), to: .boolean, mode: .strict)
        #expect(empty.type == .boolean && empty.count == 0)
    }

    @Test func supportMatrixCoversEveryPair() {
        for source in DataType.allCases {
            for target in DataType.allCases {
                let dateMixed = (source == .date) != (target == .date) && source != .varchar && target != .varchar
                #expect(CastKernel.isSupported(from: source, to: target) == !dateMixed, "\(source) -> \(target)")
            }
        }
    }
}

@Suite struct TypeCoercionTests {
    @Test func onlyBigintWidensImplicitly() {
        for source in DataType.allCases {
            for target in DataType.allCases {
                let expected = source == target || (source == .bigint && target == .double)
                #expect(TypeCoercion.canImplicitlyCast(source, to: target) == expected, "\(source) -> \(target)")
            }
        }
    }

    @Test func commonSupertype() {
        #expect(TypeCoercion.commonSupertype(.bigint, .double) == .double)
        #expect(TypeCoercion.commonSupertype(.double, .bigint) == .double)
        #expect(TypeCoercion.commonSupertype(.varchar, .varchar) == .varchar)
        #expect(TypeCoercion.commonSupertype(.date, nil) == .date)
        #expect(TypeCoercion.commonSupertype(nil, .boolean) == .boolean)
        #expect(TypeCoercion.commonSupertype(nil, nil) == nil)
        #expect(TypeCoercion.commonSupertype(.varchar, .bigint) == nil)
        #expect(TypeCoercion.commonSupertype(.date, .varchar) == nil)
        #expect(TypeCoercion.commonSupertype(.boolean, .bigint) == nil)
    }
}
