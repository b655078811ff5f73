import Columnar

/// Ranking and navigation functions over a `WindowLayout`.
enum WindowRanking {
    static let names = [
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
        "first_value", "last_value", "nth_value",
    ]

    static func resultType(of name: String, argumentTypes types: [DataType?]) -> DataType? {
        switch name {
        case "row_number", "rank", "dense_rank": return types.isEmpty ? .bigint : nil
        case "percent_rank", "cume_dist": return types.isEmpty ? .double : nil
        case "ntile": return types.count == 1 && (types[0] == nil || types[0] == .bigint) ? .bigint : nil
        case "lag", "lead":
            guard (1...3).contains(types.count) else { return nil }
            let value = types[0] ?? .bigint
            if types.count >= 2, types[1] != nil, types[1] != .bigint { return nil }
            if types.count == 3, let fallback = types[2], fallback != value, !(fallback == .bigint && value == .double)
            {
                return nil
            }
            return value
        case "first_value", "last_value": return types.count == 1 ? (types[0] ?? .bigint) : nil
        case "nth_value":
            guard types.count == 2, types[1] == nil || types[1] == .bigint else { return nil }
            return types[0] ?? .bigint
        default: return nil
        }
    }

    static func evaluate(
        _ name: String, arguments: [Column], layout: WindowLayout, frame: FrameSpecification, orderBy: [SortKey]
    ) throws(KernelError) -> Column {
        let n = layout.rowCount
        let order = layout.order
        let expected: ClosedRange<Int> =
            switch name {
            case "ntile", "first_value", "last_value": 1...1
            case "nth_value": 2...2
            case "lag", "lead": 1...3
            default: 0...0
            }
        guard expected.contains(arguments.count) else {
            throw KernelError(.invalidArgument, "\(name) takes \(expected) arguments, got \(arguments.count)")
        }
        switch name {
        case "row_number", "rank", "dense_rank", "ntile":
            var result = [Int64](repeating: 0, count: n)
            var validity: Validity?
            var dense: Int64 = 0
            for p in 0..<n {
                let ps = Int(layout.partitionStart[p])
                if p == ps { dense = 0 }
                if p == Int(layout.peerStart[p]) { dense += 1 }
                let row = Int(order[p])
                switch name {
                case "row_number": result[row] = Int64(p - ps + 1)
                case "rank": result[row] = Int64(Int(layout.peerStart[p]) - ps + 1)
                case "dense_rank": result[row] = dense
                default:
                    guard case .bigint(let buckets) = arguments[0].storage, !arguments[0].isNull(row) else {
                        if validity == nil { validity = Validity(allValid: n) }
                        validity!.set(row, valid: false)
                        continue
                    }
                    result[row] = try ntile(buckets[row], index: p - ps, size: Int(layout.partitionEnd[p]) - ps)
                }
            }
            return Column(.bigint(result), validity: validity)
        case "percent_rank", "cume_dist":
            var result = [Double](repeating: 0, count: n)
            for p in 0..<n {
                let ps = Int(layout.partitionStart[p]), size = Int(layout.partitionEnd[p]) - ps
                let row = Int(order[p])
                if name == "percent_rank" {
                    result[row] = size > 1 ? Double(Int(layout.peerStart[p]) - ps) / Double(size - 1) : 0
                } else {
                    result[row] = Double(Int(layout.peerEnd[p]) - ps) / Double(size)
                }
            }
            return Column(.double(result))
        case "lag", "lead":
            var sources = [Int32](repeating: -1, count: n)
            let offsets = arguments.count > 1 ? arguments[1] : nil
            var nullOffset: [Int] = []
            for p in 0..<n {
                let row = Int(order[p])
                var k = 1
                if let offsets {
                    guard case .bigint(let values) = offsets.storage, !offsets.isNull(row) else {
                        nullOffset.append(row)
                        continue
                    }
                    k = Int(clamping: values[row])
                }
                let (target, overflow) =
                    name == "lag" ? p.subtractingReportingOverflow(k) : p.addingReportingOverflow(k)
                if !overflow, target >= Int(layout.partitionStart[p]), target < Int(layout.partitionEnd[p]) {
                    sources[row] = order[target]
                }
            }
            var result = WindowGather.select(
                arguments[0], rows: sources, fallback: arguments.count > 2 ? arguments[2] : nil)
            if !nullOffset.isEmpty {
                var blank = sources
                for row in nullOffset { blank[row] = -2 }
                result = WindowGather.select(result, rows: blank.enumerated().map { $1 == -2 ? -1 : Int32($0) })
            }
            return result
        case "first_value", "last_value", "nth_value":
            let (starts, ends) = try layout.frames(frame, orderBy: orderBy)
            var sources = [Int32](repeating: -1, count: n)
            for p in 0..<n {
                let s = Int(starts[p]), e = Int(ends[p])
                let row = Int(order[p])
                var target: Int
                switch name {
                case "first_value": target = s
                case "last_value": target = e - 1
                default:
                    guard case .bigint(let values) = arguments[1].storage, !arguments[1].isNull(row) else { continue }
                    guard values[row] > 0 else {
                        throw KernelError(.invalidArgument, "Argument for nth_value must be greater than zero")
                    }
                    target = values[row] <= Int64(e - s) ? s + Int(values[row]) - 1 : e
                }
                if target >= s && target < e { sources[row] = order[target] }
            }
            return WindowGather.select(arguments[0], rows: sources)
        default:
            throw KernelError(.invalidArgument, "Unknown window function \(name)")
        }
    }

    /// DuckDB's NTILE: the first (size mod buckets) buckets get one extra row.
    static func ntile(_ buckets: Int64, index: Int, size: Int) throws(KernelError) -> Int64 {
        guard buckets > 0 else { throw KernelError(.invalidArgument, "Argument for ntile must be greater than zero") }
        let count = Int64(size)
        let tiles = min(buckets, count)
        let small = count / tiles
        let large = count - tiles * small
        let firstSmall = large * (small + 1)
        let i = Int64(index)
        return i < firstSmall ? 1 + i / (small + 1) : 1 + large + (i - firstSmall) / small
    }
}
