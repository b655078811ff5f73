import Testing

@testable import Rendering

/// Fixed, short decimals for tables and SVG coordinates.
@Suite struct DecimalTextTests {
    @Test(arguments: [
        (45.0, 1, "45"), (43.333, 1, "43.3"), (43.35, 2, "43.35"), (0.125, 2, "0.13"), (-0.001, 2, "0"),
        (-12.5, 0, "-13"), (1234567.891, 2, "1234567.89"), (0.1, 6, "0.1"), (2.0e-6, 6, "0.000002"),
    ])
    func roundsHalfAwayFromZeroAndDropsTrailingZeros(value: Double, decimals: Int, text: String) {
        #expect(DecimalText.format(value, maxDecimals: decimals) == text)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e15, -2e20])
    func nonFiniteAndHugeValuesHaveNoShortForm(value: Double) {
        #expect(DecimalText.format(value, maxDecimals: 1) == nil)
    }
}
