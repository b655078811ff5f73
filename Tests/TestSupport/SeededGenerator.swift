/// SplitMix64 (Vigna): the one seeded generator of the test targets, so a random test reproduces from its
/// seed on every machine. The sequence for a seed is fixed: recorded expectations depend on it (the
/// four copies this replaced were the same algorithm, so every seed keeps its sequence).
///
/// The product has its own generator for synthetic datasets (`Sources/Inspection/Synthetic/SplitMix64.swift`);
/// this one is for tests only.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}
