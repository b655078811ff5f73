/// Why a workbook could not be read or written. Every read error loads nothing.
public struct WorkbookError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case notAWorkbook
        case truncated
        case encrypted
        case tooLarge
        case unsafePath
        case malformed
        case missingSheet
        case badRange
        case rangeOutsideSheet
        case cellType
        case io
    }

    public let kind: Kind
    public let message: String
    /// Names close to a misspelled sheet name (for "did you mean").
    public let suggestions: [String]

    public init(_ kind: Kind, _ message: String, suggestions: [String] = []) {
        self.kind = kind
        self.message = message
        self.suggestions = suggestions
    }

    public var description: String {
        suggestions.isEmpty
            ? message : message + " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)"
    }
}
