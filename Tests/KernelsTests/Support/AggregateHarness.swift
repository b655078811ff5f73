import Columnar
import Kernels
import TestSupport
import Testing

/// Runs an aggregate from the catalog over one chunk.
enum AggregateHarness {
    static func overload(_ name: String, _ types: [DataType?]) -> AggregateOverload? {
        AggregateFunctions.standard[name]?.resolve(types)
    }

    static func run(
        _ name: String, _ arguments: [Column], groups: [UInt32]? = nil, groupCount: Int? = nil, distinct: Bool = false
    ) throws -> [Value] {
        let rows = arguments.first?.count ?? groups?.count ?? 0
        let groups = groups ?? [UInt32](repeating: 0, count: rows)
        guard let overload = overload(name, arguments.map(\.type)) else { throw HarnessError.noOverload(name) }
        let accumulator = overload.makeAccumulator(distinct)
        try groups.withUnsafeBufferPointer { try accumulator.update(groups: $0, arguments: arguments) }
        let result = try accumulator.finalize(groupCount: groupCount ?? (groups.map { Int($0) + 1 }.max() ?? 0))
        #expect(result.type == overload.returnType)
        expectValid(result)
        return result.values
    }

    enum HarnessError: Error { case noOverload(String) }
}
