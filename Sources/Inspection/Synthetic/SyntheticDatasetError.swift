/// Why a synthetic dataset could not be made: a parameter out of range. The message is for the user.
public struct SyntheticDatasetError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
