import Columnar
import Kernels
import TestSupport
import Testing

/// Calls registry functions the way the binder will: resolve on argument types, build argument columns of
/// the overload's parameter types, evaluate.
enum ScalarHarness {
    struct NoOverload: Error, CustomStringConvertible {
        var description: String
    }

    /// One row: `name(arguments...)`. Untyped NULL arguments are nil types.
    static func call(_ name: String, _ arguments: [Value]) throws -> Value {
        try callColumns(name, arguments.map { [$0] }, types: arguments.map(\.type))[0]
    }

    /// Whole columns of boxed values (all of one length); `types` are what the binder knows.
    static func callColumns(_ name: String, _ arguments: [[Value]], types: [DataType?]) throws -> [Value] {
        let rowCount = arguments.first?.count ?? 1
        let column = try evaluate(
            name, arguments.map { values in { type in Column(type: type, values: values) } },
            types: types, rowCount: rowCount)
        return column.values
    }

    /// Evaluates on prepared columns (e.g. with shared or constant dictionaries).
    static func evaluate(_ name: String, _ columns: [Column], rowCount: Int) throws -> Column {
        try evaluate(name, columns.map { column in { _ in column } }, types: columns.map(\.type), rowCount: rowCount)
    }

    private static func evaluate(
        _ name: String, _ makers: [(DataType) -> Column], types: [DataType?], rowCount: Int
    ) throws -> Column {
        guard let function = ScalarFunctions.standard[name.lowercased()] else {
            throw NoOverload(description: "no function \(name)")
        }
        guard let overload = function.resolve(types) else {
            throw NoOverload(description: "no overload of \(name) for \(types)")
        }
        var columns: [Column] = []
        for (index, make) in makers.enumerated() {
            let parameter = overload.parameterTypes[index]
            let argumentType = types[index] ?? parameter
            var column = make(argumentType)
            if column.type != parameter { column = try CastKernel.cast(column, to: parameter, mode: .strict) }
            columns.append(column)
        }
        let result = try overload.evaluate(columns, rowCount)
        #expect(result.type == overload.returnType, "\(name) returned \(result.type), declared \(overload.returnType)")
        #expect(result.count == rowCount)
        expectValid(result)
        return result
    }

    /// Values equal as SQL test oracles compare them: NaN equals NaN, doubles exactly.
    static func same(_ a: Value, _ b: Value) -> Bool { a == b }
}

/// One table row: a call and the value it must produce.
struct Call: Sendable, CustomStringConvertible {
    var name: String
    var arguments: [Value]
    var expected: Value

    init(_ name: String, _ arguments: [Value], _ expected: Value) {
        self.name = name
        self.arguments = arguments
        self.expected = expected
    }

    var description: String { "\(name)(\(arguments.map(\.literal).joined(separator: ", "))) = \(expected.literal)" }

    func check() throws {
        let result = try ScalarHarness.call(name, arguments)
        #expect(result == expected && result.type == expected.type, "\(self): got \(result.literal)")
    }
}

/// One table row: a call that must fail with `kind`, its message containing `fragment`.
struct FailingCall: Sendable, CustomStringConvertible {
    var name: String
    var arguments: [Value]
    var kind: KernelError.Kind
    var fragment: String

    init(_ name: String, _ arguments: [Value], _ kind: KernelError.Kind, _ fragment: String) {
        self.name = name
        self.arguments = arguments
        self.kind = kind
        self.fragment = fragment
    }

    var description: String { "\(name)(\(arguments.map(\.literal).joined(separator: ", "))) fails" }

    func check() {
        do {
            let result = try ScalarHarness.call(name, arguments)
            Issue.record("\(self): returned \(result.literal)")
        } catch let error as KernelError {
            #expect(error.kind == kind, "\(self): \(error.kind)")
            #expect(error.message.contains(fragment), "\(self): message \(error.message)")
        } catch {
            Issue.record("\(self): \(error)")
        }
    }
}

extension Value {
    /// SQL-ish literal for readable test names.
    var literal: String {
        switch self {
        case .varchar(let s): "'\(s)'"
        case .date(let d): "DATE '\(d)'"
        case .double(let d): "\(Value.format(d))::DOUBLE"
        default: description
        }
    }

    static func day(_ iso: String) -> Value { .date(Date32(iso: iso)!) }
}
