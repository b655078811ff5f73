import Columnar
import TestSupport

/// Random argument columns with NULLs, drawn from small domains so equal values, zeros and extremes recur.
struct RandomColumns {
    var generator: SeededGenerator
    var nullRate = 0.15

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    static let alphabet: [String] = ["a", "b", "A", "B", "é", "E", "ô", "%", "_", " ", "ß", "👍", "z", "Z", "e\u{301}"]

    mutating func value(_ type: DataType) -> Value {
        if Double.random(in: 0..<1, using: &generator) < nullRate { return .null }
        switch type {
        case .bigint:
            switch Int.random(in: 0..<10, using: &generator) {
            case 0:
                return .bigint([Int64.max, .min, .max - 1, .min + 1, 0, -1, 1 << 40].randomElement(using: &generator)!)
            case 1: return .bigint(Int64.random(in: .min ... .max, using: &generator))
            default: return .bigint(Int64.random(in: -20...20, using: &generator))
            }
        case .double:
            switch Int.random(in: 0..<12, using: &generator) {
            case 0:
                return .double(
                    [.nan, .infinity, -.infinity, 0, -0.0, 2.5, -2.5, 1e300].randomElement(using: &generator)!)
            case 1: return .double(Double(Int.random(in: -5...5, using: &generator)))
            default: return .double(Double(Int.random(in: -4000...4000, using: &generator)) / 8)
            }
        case .boolean: return .boolean(Bool.random(using: &generator))
        case .date: return .date(Date32(daysSinceEpoch: Int32.random(in: -800...20_000, using: &generator)))
        case .varchar:
            let length = Int.random(in: 0...5, using: &generator)
            return .varchar((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined())
        }
    }

    mutating func values(_ type: DataType, count: Int) -> [Value] { (0..<count).map { _ in value(type) } }

    /// A column, or (sometimes, for VARCHAR) one constant broadcast the way the engine passes literals.
    mutating func column(_ type: DataType, count: Int, allowConstant: Bool = true) -> (Column, [Value]) {
        if allowConstant, Int.random(in: 0..<4, using: &generator) == 0 {
            let constant = value(type)
            return (Column(repeating: constant, count: count, type: type), Array(repeating: constant, count: count))
        }
        let values = self.values(type, count: count)
        return (Column(type: type, values: values), values)
    }
}
