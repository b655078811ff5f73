/// A set of Unicode scalars for one regex class (`[a-z\d]`, `\w`, `.`, a literal under `(?i)`): code point
/// ranges plus Unicode general categories (`\pL`), optionally negated.
struct RegexScalarSet: Sendable {
    /// Sorted, non-overlapping after `normalize()`.
    var ranges: [ClosedRange<UInt32>] = []
    /// Categories whose members belong to the set, each possibly negated (`\PL`).
    var categories: [(kinds: Set<Unicode.GeneralCategory>, negated: Bool)] = []
    var negated = false
    /// With `(?i)` or the `i` option, a scalar also matches through its simple case variants.
    var caseInsensitive = false

    init() {}

    init(_ range: ClosedRange<UInt32>) { ranges = [range] }

    mutating func add(_ range: ClosedRange<UInt32>) { ranges.append(range) }

    mutating func add(_ other: RegexScalarSet) {
        if other.negated {
            // A negated part inside a class (`[\D]`, `[\W_]`): keep it as a nested predicate.
            nested.append(other)
        } else {
            ranges += other.ranges
            categories += other.categories
            nested += other.nested
        }
    }

    /// Negated sets added inside this one (`[^\W\d]` holds `\W` negated).
    var nested: [RegexScalarSet] = []

    mutating func normalize() {
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
    }

    /// Whether `scalar` is in the set; `variants` are its case variants (`RegexCaseFolding`), consulted
    /// only when the set ignores case.
    func contains(_ scalar: UInt32, variants: @autoclosure () -> [UInt32]) -> Bool {
        var found = rawContains(scalar)
        if !found && caseInsensitive {
            for variant in variants() where variant != scalar && rawContains(variant) {
                found = true
                break
            }
        }
        return found != negated
    }

    /// `contains` for an ASCII scalar, its case variants found without allocating.
    func containsASCII(_ scalar: UInt32) -> Bool {
        var found = rawContains(scalar)
        if !found && caseInsensitive {
            switch scalar {
            case 75, 107: found = rawContains(scalar ^ 32) || rawContains(0x212A)
            case 83, 115: found = rawContains(scalar ^ 32) || rawContains(0x17F)
            case 65...90, 97...122: found = rawContains(scalar ^ 32)
            default: break
            }
        }
        return found != negated
    }

    func contains(_ scalar: UInt32) -> Bool {
        contains(scalar, variants: RegexCaseFolding.variants(of: scalar))
    }

    private func rawContains(_ scalar: UInt32) -> Bool {
        // Binary search over the ranges.
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if scalar < range.lowerBound {
                high = middle
            } else if scalar > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        if !categories.isEmpty || !nested.isEmpty {
            if !categories.isEmpty, let value = Unicode.Scalar(scalar) {
                let category = value.properties.generalCategory
                for entry in categories where entry.kinds.contains(category) != entry.negated { return true }
            }
            for set in nested where set.contains(scalar, variants: [scalar]) { return true }
        }
        return false
    }

    // MARK: - Predefined sets (RE2's: ASCII-only \d \w \s)

    static let digits = RegexScalarSet(48...57)
    static let word: RegexScalarSet = {
        var set = RegexScalarSet(48...57)
        set.add(65...90)
        set.add(97...122)
        set.add(95...95)
        set.normalize()
        return set
    }()
    /// `\s`: tab, newline, form feed, carriage return, space (not \v, as in RE2).
    static let space: RegexScalarSet = {
        var set = RegexScalarSet(9...10)
        set.add(12...13)
        set.add(32...32)
        set.normalize()
        return set
    }()

    func inverted() -> RegexScalarSet {
        var copy = self
        copy.negated.toggle()
        return copy
    }

    /// POSIX classes usable inside brackets: `[[:alpha:]]`.
    static func posix(_ name: String) -> RegexScalarSet? {
        var set = RegexScalarSet()
        switch name {
        case "alnum": set.ranges = [48...57, 65...90, 97...122]
        case "alpha": set.ranges = [65...90, 97...122]
        case "ascii": set.ranges = [0...127]
        case "blank": set.ranges = [9...9, 32...32]
        case "cntrl": set.ranges = [0...31, 127...127]
        case "digit": set.ranges = [48...57]
        case "graph": set.ranges = [33...126]
        case "lower": set.ranges = [97...122]
        case "print": set.ranges = [32...126]
        case "punct": set.ranges = [33...47, 58...64, 91...96, 123...126]
        case "space": set.ranges = [9...13, 32...32]
        case "upper": set.ranges = [65...90]
        case "word": set.ranges = [48...57, 65...90, 95...95, 97...122]
        case "xdigit": set.ranges = [48...57, 65...70, 97...102]
        default: return nil
        }
        return set
    }

    /// `\pL`, `\p{Lu}`, ...: a Unicode general category or a group of them (`L`, `N`, `P`, ...).
    static func category(_ name: String) -> Set<Unicode.GeneralCategory>? {
        typealias C = Unicode.GeneralCategory
        let groups: [String: [C]] = [
            "L": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter],
            "Lu": [.uppercaseLetter], "Ll": [.lowercaseLetter], "Lt": [.titlecaseLetter],
            "Lm": [.modifierLetter], "Lo": [.otherLetter],
            "M": [.nonspacingMark, .spacingMark, .enclosingMark],
            "Mn": [.nonspacingMark], "Mc": [.spacingMark], "Me": [.enclosingMark],
            "N": [.decimalNumber, .letterNumber, .otherNumber],
            "Nd": [.decimalNumber], "Nl": [.letterNumber], "No": [.otherNumber],
            "P": [
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation,
            ],
            "Pc": [.connectorPunctuation], "Pd": [.dashPunctuation], "Ps": [.openPunctuation],
            "Pe": [.closePunctuation], "Pi": [.initialPunctuation], "Pf": [.finalPunctuation],
            "Po": [.otherPunctuation],
            "S": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol],
            "Sm": [.mathSymbol], "Sc": [.currencySymbol], "Sk": [.modifierSymbol], "So": [.otherSymbol],
            "Z": [.spaceSeparator, .lineSeparator, .paragraphSeparator],
            "Zs": [.spaceSeparator], "Zl": [.lineSeparator], "Zp": [.paragraphSeparator],
            "C": [.control, .format, .surrogate, .privateUse, .unassigned],
            "Cc": [.control], "Cf": [.format], "Co": [.privateUse], "Cn": [.unassigned],
        ]
        return groups[name].map(Set.init)
    }
}

/// Simple (one scalar to one scalar) case variants, as RE2 folds case: `k`, `K` and the Kelvin sign `K`
/// are one class; `ß` does not match `SS`.
enum RegexCaseFolding {
    /// The scalar and every scalar reached from it by single-scalar lower- and uppercase mappings (which
    /// joins `ſ` with `s` and `S`, the Kelvin sign with `k` and `K`).
    static func variants(of scalar: UInt32) -> [UInt32] {
        if scalar < 128 {
            switch scalar {
            case 75, 107: return [scalar, scalar ^ 32, 0x212A]
            case 83, 115: return [scalar, scalar ^ 32, 0x17F]
            case 65...90, 97...122: return [scalar, scalar ^ 32]
            default: return [scalar]
            }
        }
        var result = [scalar]
        var index = 0
        while index < result.count && result.count < 8 {
            if let value = Unicode.Scalar(result[index]) {
                for text in [value.properties.lowercaseMapping, value.properties.uppercaseMapping] {
                    let scalars = text.unicodeScalars
                    if scalars.count == 1, let mapped = scalars.first?.value, !result.contains(mapped) {
                        result.append(mapped)
                    }
                }
            }
            index += 1
        }
        return result
    }
}
