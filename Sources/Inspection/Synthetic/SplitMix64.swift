/// Sebastiano Vigna's SplitMix64: a small, fast PRNG whose output is fixed by its seed on every machine.
///
/// The generator never uses Foundation or stdlib randomness (their algorithms are not promised stable) nor
/// floating point (libm differs between platforms): every draw below is integer arithmetic, so one seed gives
/// byte-identical datasets everywhere.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream keyed by `(seed, purpose, index)`, so e.g. one inspection's judgements do not
    /// depend on the order in which other inspections were drawn.
    init(seed: UInt64, purpose: SyntheticStream, index: Int = 0) {
        let key = SplitMix64.mix(UInt64(purpose.rawValue) &* 0xD1B5_4A32_D192_ED03 ^ UInt64(truncatingIfNeeded: index))
        state = SplitMix64.mix(seed ^ key)
    }

    /// The SplitMix64 finaliser: a bijective bit mixer.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// Uniform in `0..<bound` by multiply-high (Lemire), bias below 2⁻⁵⁰ for our small bounds.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in `range`.
    mutating func uniform(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A bell-shaped integer with mean 0 and about the given standard deviation: the sum of four uniform
    /// 16-bit lanes of one draw (Irwin–Hall), scaled. Bounded by ±3.46 standard deviations.
    @inline(__always)
    mutating func bell(standardDeviation: Int) -> Int {
        let draw = next()
        var sum = 0
        for lane in 0..<4 {
            sum += Int(truncatingIfNeeded: (draw >> (16 * UInt64(lane))) & 0xFFFF)
        }
        // Each lane has mean 32767.5 and standard deviation 65536/√12 ≈ 18918.4; four of them 37836.9.
        return (2 * sum - 262_140) * standardDeviation / (2 * 37_837)
    }

    /// A shuffled `0..<count` (Fisher–Yates).
    mutating func permutation(of count: Int) -> [Int] {
        var order = Array(0..<count)
        var index = count - 1
        while index > 0 {
            order.swapAt(index, below(index + 1))
            index -= 1
        }
        return order
    }
}

/// The purposes of independent random streams; raw values are part of the output's identity, never reorder.
enum SyntheticStream: UInt8 {
    case questions = 1
    case areas = 2
    case rounds = 3
    case schedule = 4
    case judgements = 5
}
