import Columnar

/// `trim`, `ltrim`, `rtrim`: without a second argument they strip Unicode space separators (space,
/// no-break space, …; not tabs or newlines); with one, any of its characters.
enum Trimming {
    static let functions: [ScalarFunction] = [
        trimFunction("trim", leading: true, trailing: true),
        trimFunction("ltrim", leading: true, trailing: false),
        trimFunction("rtrim", leading: false, trailing: true),
    ]

    private static func trimFunction(_ name: String, leading: Bool, trailing: Bool) -> ScalarFunction {
        let side = leading && trailing ? "both ends" : leading ? "the start" : "the end"
        return ScalarFunction(
            name: name, summary: "\(name)(s[, characters]) — removes spaces (or the given characters) from \(side)",
            overloads: [
                Rowwise.overload([.varchar], VarcharResults.self) { rows, row in
                    trim(rows.string(0, row), leading: leading, trailing: trailing) {
                        $0.properties.generalCategory == .spaceSeparator
                    }
                },
                Rowwise.overload([.varchar, .varchar], VarcharResults.self) { rows, row in
                    let characters = Set(rows.string(1, row).unicodeScalars.map(\.value))
                    return trim(rows.string(0, row), leading: leading, trailing: trailing) {
                        characters.contains($0.value)
                    }
                },
            ])
    }

    static func trim(_ s: String, leading: Bool, trailing: Bool, removing: (Unicode.Scalar) -> Bool) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        if leading { while start < end, removing(scalars[start]) { start = scalars.index(after: start) } }
        if trailing {
            while end > start, removing(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        }
        return String(scalars[start..<end])
    }
}
