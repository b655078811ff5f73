import Columnar
import Kernels
import TestSupport
import Testing

/// Window functions on random data against the brute-force reference.
@Suite struct WindowRandomTests {
    /// Columns: 0 VARCHAR partition key, 1 BIGINT order key (duplicates, NULLs), 2 DOUBLE, 3 VARCHAR,
    /// 4 BIGINT values.
    static let types: [DataType] = [.varchar, .bigint, .double, .varchar, .bigint]

    static func table(_ seed: UInt64) -> RandomTable {
        RandomTable(types: types, chunkSizes: [150], nulls: 0.1, domains: [5, 25, 12, 9, 40], seed: seed)
    }

    struct Shape: Sendable, CustomStringConvertible {
        var partitioned: Bool
        var order: [(column: Int, ascending: Bool, nullsFirst: Bool)]
        var description: String { "partitioned \(partitioned) order \(order.map(\.column))" }
    }

    static let shapes: [Shape] = [
        Shape(partitioned: true, order: [(1, true, false)]),
        Shape(partitioned: false, order: [(1, false, true)]),
        Shape(partitioned: true, order: [(1, true, true), (2, false, false)]),
        Shape(partitioned: true, order: []),
    ]

    static let frames: [FrameSpecification?] = [
        nil,
        FrameSpecification(unit: .rows, start: .preceding(2), end: .following(1)),
        FrameSpecification(unit: .rows, start: .unboundedPreceding, end: .preceding(1)),
        FrameSpecification(unit: .rows, start: .currentRow, end: .unboundedFollowing),
        FrameSpecification(unit: .rows, start: .unboundedPreceding, end: .following(2)),
        FrameSpecification(unit: .range, start: .preceding(3), end: .following(2)),
        FrameSpecification(unit: .range, start: .currentRow, end: .unboundedFollowing),
    ]

    static let aggregates: [(name: String, column: Int?, parameter: Value?, distinct: Bool)] = [
        ("count_star", nil, nil, false), ("count", 2, nil, false), ("sum", 4, nil, false), ("sum", 2, nil, false),
        ("avg", 4, nil, false), ("avg", 2, nil, false), ("min", 3, nil, false), ("max", 2, nil, false),
        ("max", 4, nil, false), ("median", 2, nil, false), ("string_agg", 3, .varchar(";"), false),
        ("var_samp", 4, nil, false), ("count", 3, nil, true),
    ]

    static func setup(_ table: RandomTable, _ shape: Shape) -> ([Column], [SortKey], ReferenceWindow) {
        let columns = table.chunks[0]
        let partitionBy = shape.partitioned ? [columns[0]] : []
        let orderBy = shape.order.map {
            SortKey(column: columns[$0.column], ascending: $0.ascending, nullsFirst: $0.nullsFirst)
        }
        let reference = ReferenceWindow(
            rows: table.rows, partitionColumns: shape.partitioned ? [0] : [], orderColumns: shape.order)
        return (partitionBy, orderBy, reference)
    }

    @Test(arguments: [51, 52] as [UInt64])
    func framedAggregatesMatchReference(seed: UInt64) throws {
        let table = Self.table(seed)
        var rng = SeededGenerator(seed: seed)
        let n = table.rows.count
        for shape in Self.shapes {
            let (partitionBy, orderBy, reference) = Self.setup(table, shape)
            for frameOption in Self.frames {
                if frameOption?.unit == .range && frameOption?.start != .currentRow && shape.order.count != 1 {
                    continue
                }
                let frame = frameOption ?? .default(hasOrderBy: !orderBy.isEmpty)
                for aggregate in Self.aggregates {
                    var arguments = aggregate.column.map { [table.chunks[0][$0]] } ?? []
                    if let parameter = aggregate.parameter {
                        arguments.append(
                            TestColumns.column(parameter.type!, Array(repeating: parameter, count: n), using: &rng))
                    }
                    let overload = try #require(
                        AggregateFunctions.standard[aggregate.name]?.resolve(arguments.map(\.type)))
                    let result = try WindowEvaluation.evaluate(
                        .aggregate(overload, arguments: arguments, distinct: aggregate.distinct),
                        partitionBy: partitionBy, orderBy: orderBy, frame: frame, rowCount: n)
                    #expect(result.count == n)
                    expectValid(result)
                    var mismatches = 0
                    for row in 0..<n {
                        let (members, position) = reference.partition(of: row)
                        let frameRows = reference.frame(frame, members: members, position: position).map { members[$0] }
                        let values = frameRows.map { r in aggregate.column.map { c in table.rows[r][c] } ?? .null }
                        let expected = ReferenceAggregate.evaluate(
                            aggregate.name, values, parameter: aggregate.parameter, distinct: aggregate.distinct)
                        if !approximatelyEqual(result[row], expected) {
                            mismatches += 1
                            if mismatches <= 3 {
                                Issue.record(
                                    "\(aggregate.name) \(shape) \(frame) row \(row): \(result[row]) vs \(expected)")
                            }
                        }
                    }
                    #expect(mismatches == 0)
                }
            }
        }
    }

    @Test(arguments: [61, 62] as [UInt64])
    func rankingAndNavigationMatchReference(seed: UInt64) throws {
        let table = Self.table(seed)
        let n = table.rows.count
        let columns = table.chunks[0]
        var rng = SeededGenerator(seed: seed)
        let offset = Column(.bigint(Array(repeating: 2, count: n)))
        let fallback = Column(.bigint(Array(repeating: -7, count: n)))
        let third = Column(.bigint(Array(repeating: 3, count: n)))
        let buckets = Column(.bigint(Array(repeating: 4, count: n)))
        _ = rng.next()
        for shape in Self.shapes {
            let (partitionBy, orderBy, reference) = Self.setup(table, shape)
            let frame = FrameSpecification.default(hasOrderBy: !orderBy.isEmpty)
            let calls: [(String, [Column])] = [
                ("row_number", []), ("rank", []), ("dense_rank", []), ("percent_rank", []), ("cume_dist", []),
                ("ntile", [buckets]), ("lag", [columns[4]]), ("lead", [columns[3], offset]),
                ("lag", [columns[4], offset, fallback]), ("first_value", [columns[3]]), ("last_value", [columns[4]]),
                ("nth_value", [columns[2], third]),
            ]
            for (name, arguments) in calls {
                let result = try WindowEvaluation.evaluate(
                    .ranking(name: name, arguments: arguments), partitionBy: partitionBy, orderBy: orderBy,
                    frame: frame, rowCount: n)
                #expect(result.count == n)
                expectValid(result)
                #expect(
                    result.type == WindowEvaluation.resultType(ofRanking: name, argumentTypes: arguments.map(\.type)))
                var mismatches = 0
                for row in 0..<n {
                    let (members, p) = reference.partition(of: row)
                    let firstPeer = members.firstIndex { reference.arePeers($0, row) }!
                    let lastPeer = members.lastIndex { reference.arePeers($0, row) }!
                    let size = members.count
                    let frameRows = reference.frame(frame, members: members, position: p).map { members[$0] }
                    func value(_ position: Int, _ column: Int) -> Value {
                        members.indices.contains(position) ? table.rows[members[position]][column] : .null
                    }
                    let expected: Value
                    switch name {
                    case "row_number": expected = .bigint(Int64(p + 1))
                    case "rank": expected = .bigint(Int64(firstPeer + 1))
                    case "dense_rank":
                        var groups = 0
                        for q in 0...p where q == 0 || !reference.arePeers(members[q], members[q - 1]) { groups += 1 }
                        expected = .bigint(Int64(groups))
                    case "percent_rank": expected = .double(size > 1 ? Double(firstPeer) / Double(size - 1) : 0)
                    case "cume_dist": expected = .double(Double(lastPeer + 1) / Double(size))
                    case "ntile":
                        var bucket = 0, start = 0
                        for b in 0..<4 {
                            let bucketSize = size / 4 + (b < size % 4 ? 1 : 0)
                            if p >= start && p < start + bucketSize { bucket = b + 1 }
                            start += bucketSize
                        }
                        expected = .bigint(Int64(bucket))
                    case "lag" where arguments.count == 3:
                        expected = p >= 2 ? value(p - 2, 4) : .bigint(-7)
                    case "lag": expected = value(p - 1, 4)
                    case "lead": expected = value(p + 2, 3)
                    case "first_value": expected = frameRows.first.map { table.rows[$0][3] } ?? .null
                    case "last_value": expected = frameRows.last.map { table.rows[$0][4] } ?? .null
                    default: expected = frameRows.count >= 3 ? table.rows[frameRows[2]][2] : .null
                    }
                    if !approximatelyEqual(result[row], expected) {
                        mismatches += 1
                        if mismatches <= 3 {
                            Issue.record("\(name) \(shape) row \(row): \(result[row]) vs \(expected)")
                        }
                    }
                }
                #expect(mismatches == 0)
            }
        }
    }
}
