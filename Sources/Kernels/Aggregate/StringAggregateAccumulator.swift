import Columnar

/// `string_agg(x[, sep])`: the group's non-NULL strings joined in input order. The separator is read once
/// from the first row (default `,`; a NULL separator joins with nothing). Merging appends the other
/// partial result after this one's.
final class StringAggregateAccumulator: GroupedAccumulator {
    private var separator: String?
    private var parts: [String?] = []

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        if separator == nil, groups.count > 0 {
            if arguments.count > 1 {
                if case .varchar(let s)? = AccumulatorSupport.firstValue(arguments[1]) {
                    separator = s
                } else {
                    separator = ""
                }
            } else {
                separator = ","
            }
        }
        guard case .varchar(let codes, let dictionary) = arguments[0].storage else {
            preconditionFailure("string_agg expects VARCHAR")
        }
        AccumulatorSupport.grow(&parts, to: AccumulatorSupport.requiredCount(groups), with: nil)
        let separator = self.separator ?? ","
        AccumulatorSupport.forEachValidRow(arguments[0]) { row in
            append(dictionary.strings[Int(codes[row])], to: Int(groups[row]), separator: separator)
        }
    }

    @inline(__always)
    private func append(_ string: String, to g: Int, separator: String) {
        if parts[g] == nil {
            parts[g] = string
        } else {
            parts[g]!.append(separator)
            parts[g]!.append(string)
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: StringAggregateAccumulator.self)
        if separator == nil { separator = other.separator }
        AccumulatorSupport.grow(&parts, to: AccumulatorSupport.requiredCount(mapping), with: nil)
        for g in 0..<min(other.parts.count, mapping.count) {
            if let part = other.parts[g] { append(part, to: Int(mapping[g]), separator: separator ?? ",") }
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        var builder = ColumnBuilder(type: .varchar, capacity: groupCount)
        for g in 0..<groupCount {
            if g < parts.count, let part = parts[g] { builder.append(part) } else { builder.appendNull() }
        }
        return builder.build()
    }
}
