import Rendering
/// Maps data values (a domain such as 0–100 percent) linearly onto pixels (a range), with round ticks.
struct LinearScale {
    var domain: (lower: Double, upper: Double)
    var range: (start: Double, end: Double)

    /// The pixel position of `value`; values outside the domain map outside the range.
    func position(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span != 0 else { return (range.start + range.end) / 2 }
        return range.start + (value - domain.lower) / span * (range.end - range.start)
    }

    /// Round tick values (steps of 1, 2 or 5 × 10ᵏ) inside the domain, about `count` of them.
    func ticks(_ count: Int) -> [Double] {
        let step = LinearScale.niceStep(domain.upper - domain.lower, count: count)
        guard step > 0 else { return [domain.lower] }
        var values: [Double] = []
        var index = (domain.lower / step).rounded(.up)
        while index * step <= domain.upper + step * 1e-9 {
            values.append(index * step)
            index += 1
        }
        return values
    }

    /// A domain around `lower…upper` widened outwards to whole steps of a nice size, for a zoomed axis.
    static func niceDomain(_ lower: Double, _ upper: Double, count: Int) -> (lower: Double, upper: Double) {
        let step = niceStep(upper - lower, count: count)
        guard step > 0 else { return (lower - 1, upper + 1) }
        return ((lower / step).rounded(.down) * step, (upper / step).rounded(.up) * step)
    }

    /// A step of 1, 2, 2.5 or 5 × 10ᵏ giving about `count` intervals over `span`.
    static func niceStep(_ span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite, count > 0 else { return 0 }
        let raw = span / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw { return factor * magnitude }
        return 10 * magnitude
    }
}
