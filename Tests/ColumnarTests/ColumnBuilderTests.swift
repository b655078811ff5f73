import Columnar
import TestSupport
import Testing

/// `ColumnBuilder`: every type, NULLs across bitmap words, widening, and appending whole columns.
@Suite struct ColumnBuilderTests {
    static let samples: [DataType: [Value]] = [
        .bigint: [.bigint(1), .bigint(.min), .bigint(.max), .bigint(0)],
        .double: [.double(0.5), .double(-0.0), .double(.infinity), .double(1e300)],
        .boolean: [.boolean(true), .boolean(false), .boolean(true), .boolean(true)],
        .date: [
            .date(Date32(daysSinceEpoch: 0)), .date(Date32(daysSinceEpoch: -1)), .date(Date32(daysSinceEpoch: 15309)),
            .date(Date32(daysSinceEpoch: 1)),
        ],
        .varchar: [.varchar("a"), .varchar(""), .varchar("a"), .varchar("Émile")],
    ]

    @Test(arguments: DataType.allCases)
    func valuesComeBackInOrderWithoutABitmapWhenNoneIsNull(_ type: DataType) {
        let values = Self.samples[type]!
        var builder = ColumnBuilder(type: type, capacity: 2)
        for value in values { builder.append(value) }
        #expect(builder.count == values.count)
        let column = builder.build()
        #expect(column.type == type)
        #expect(column.values == values)
        #expect(column.validity == nil)
        expectValid(column)
    }

    /// NULLs on either side of the 64-row words of the bitmap, including before the first value.
    @Test(arguments: DataType.allCases)
    func nullsAcrossBitmapWordsKeepTheirRows(_ type: DataType) {
        let values = Self.samples[type]!
        let nullRows: Set = [0, 62, 63, 64, 127, 128, 129]
        var expected: [Value] = []
        var builder = ColumnBuilder(type: type)
        for row in 0..<130 {
            let value = nullRows.contains(row) ? Value.null : values[row % values.count]
            builder.append(value)
            expected.append(value)
        }
        let column = builder.build()
        #expect(column.count == 130)
        #expect(column.nullCount == nullRows.count)
        #expect(column.validity?.count == 130)
        #expect(column.values == expected)
        expectValid(column)
    }

    @Test func aBitmapStartsOnlyWithTheFirstNull() {
        var builder = ColumnBuilder(type: .bigint)
        for v in 0..<70 { builder.append(Int64(v)) }
        builder.appendNull()
        builder.append(Int64(99))
        let column = builder.build()
        #expect(column.count == 72)
        #expect(column.nullCount == 1)
        #expect(column.isNull(70) && !column.isNull(69) && !column.isNull(71))
        #expect(column[71] == .bigint(99))
        expectValid(column)
    }

    @Test func aBigintWidensIntoADoubleColumn() {
        var builder = ColumnBuilder(type: .double)
        builder.append(Value.bigint(3))
        builder.append(Value.double(0.25))
        #expect(builder.build().values == [.double(3), .double(0.25)])
    }

    @Test func anEmptyBuilderMakesAnEmptyColumn() {
        for type in DataType.allCases {
            let column = ColumnBuilder(type: type).build()
            #expect(column.count == 0 && column.type == type && column.validity == nil)
            expectValid(column)
        }
    }

    /// Two columns with different dictionaries (one holding strings no row uses) merge into one
    /// dictionary of distinct strings; NULLs stay NULL.
    @Test func appendingColumnsRecodesTheirStrings() {
        let first = Column(
            .varchar(codes: [2, 0, 2, 0], dictionary: StringDictionary(distinct: ["b", "unused", "a"])),
            validity: Validity([true, true, true, false]))
        let second = Column(type: .varchar, values: [.varchar("c"), .null, .varchar("a"), .varchar("b")])
        var builder = ColumnBuilder(type: .varchar)
        builder.append(contentsOf: first)
        builder.append(contentsOf: second)
        let column = builder.build()
        #expect(
            column.values == [
                .varchar("a"), .varchar("b"), .varchar("a"), .null, .varchar("c"), .null, .varchar("a"), .varchar("b"),
            ])
        guard case .varchar(_, let dictionary) = column.storage else {
            Issue.record("not varchar")
            return
        }
        #expect(dictionary.strings.sorted() == ["a", "b", "c"])
        expectValid(column)
    }

    @Test(arguments: DataType.allCases)
    func concatenationKeepsEveryRow(_ type: DataType) {
        let values = Self.samples[type]!
        let parts = [
            Column(type: type, values: values), Column(nullsOf: type, count: 2),
            Column(type: type, values: Array(values.reversed())),
        ]
        let column = Column.concatenate(parts, type: type)
        #expect(column.values == values + [.null, .null] + values.reversed())
        expectValid(column)
    }
}
