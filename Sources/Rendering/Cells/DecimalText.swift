/// Numbers as short, fixed decimal text for people: at most `maxDecimals` decimals, rounded half away
/// from zero, trailing zeros dropped (`45.0` → `45`, `43.333` → `43.3` with one decimal).
///
/// Deterministic on every platform (no locale, no `printf`), so HTML tables and SVG charts are stable
/// enough for golden files. Shared by the HTML percent columns and the SVG coordinates.
package enum DecimalText {
    /// Nil for NaN, infinities and magnitudes of 10¹⁵ or more (the caller falls back to canonical text).
    package static func format(_ value: Double, maxDecimals: Int) -> String? {
        precondition((0...6).contains(maxDecimals), "DecimalText: 0 to 6 decimals")
        guard value.isFinite, value.magnitude < 1e15 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<maxDecimals { scale *= 10 }
        let units = Int64((value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero))
        var text = units != 0 && value < 0 ? "-" : ""
        text += String(units / scale)
        var fraction = units % scale
        guard fraction != 0 else { return text }
        var digits = maxDecimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        return text + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}
