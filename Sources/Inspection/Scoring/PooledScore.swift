/// A score computed from judgements: `sufficient` of `applicable` judgements answered `Y`.
public struct PooledScore: Sendable, Equatable {
    public let inspectionID: String
    public let measure: String
    public let sufficient: Int
    public let applicable: Int
}
