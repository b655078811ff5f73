/// A compiled `LIKE` pattern: `%` matches any run of characters, `_` exactly one character (code point),
/// everything else itself, byte for byte. An escape character makes the next pattern character literal.
struct LikePattern: Sendable {
    enum Element: Equatable, Sendable {
        case byte(UInt8)
        case anyCharacter
        case anyRun
    }

    let elements: [Element]
    let caseInsensitive: Bool

    /// - Parameters:
    ///   - escape: empty, or one character; anything longer is an error (as DuckDB).
    ///   - caseInsensitive: `ILIKE`: literals and the matched text compare after simple lower-casing.
    init(_ pattern: String, escape: String = "", caseInsensitive: Bool = false) throws(KernelError) {
        let escapeScalars = Array(escape.unicodeScalars)
        guard escapeScalars.count <= 1 else {
            throw KernelError(.invalidArgument, "Invalid escape string. Escape string must be empty or one character.")
        }
        let escapeScalar = escapeScalars.first
        var elements: [Element] = []
        var escaping = false
        for scalar in pattern.unicodeScalars {
            if escaping {
                escaping = false
            } else if scalar == escapeScalar {
                escaping = true
                continue
            } else if scalar == "%" {
                if elements.last != .anyRun { elements.append(.anyRun) }
                continue
            } else if scalar == "_" {
                elements.append(.anyCharacter)
                continue
            }
            let literal = caseInsensitive ? CaseMapping.lowercased(String(scalar)) : String(scalar)
            elements.append(contentsOf: literal.utf8.map(Element.byte))
        }
        guard !escaping else { throw KernelError(.invalidArgument, "Like pattern must not end with escape character!") }
        self.elements = elements
        self.caseInsensitive = caseInsensitive
    }

    func matches(_ text: String) -> Bool {
        var text = caseInsensitive ? CaseMapping.lowercased(text) : text
        return text.withUTF8 { matches(bytes: $0) }
    }

    /// Wildcard matching with single backtracking to the last `%`: O(text × pattern) at worst, linear usually.
    func matches(bytes text: UnsafeBufferPointer<UInt8>) -> Bool {
        var t = 0, p = 0
        var resumePattern = -1, resumeText = 0
        while t < text.count {
            if p < elements.count {
                switch elements[p] {
                case .anyRun:
                    resumePattern = p
                    resumeText = t
                    p += 1
                    continue
                case .anyCharacter:
                    t = min(text.count, t + UTF8Text.sequenceLength(text[t]))
                    p += 1
                    continue
                case .byte(let b) where b == text[t]:
                    t += 1
                    p += 1
                    continue
                default:
                    break
                }
            }
            guard resumePattern >= 0 else { return false }
            // Let the last `%` swallow one more character and retry.
            resumeText = min(text.count, resumeText + UTF8Text.sequenceLength(text[resumeText]))
            t = resumeText
            p = resumePattern + 1
        }
        while p < elements.count, elements[p] == .anyRun { p += 1 }
        return p == elements.count
    }
}
