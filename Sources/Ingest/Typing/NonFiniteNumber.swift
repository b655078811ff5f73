/// The words DuckDB reads as non-finite DOUBLE values: `nan`, `inf`, `infinity`, in any case, with an
/// optional `-`. yotq writes NaN and infinities as `nan`, `inf`, `-inf` (COPY TO csv), so without them a
/// DOUBLE column holding one came back from a CSV round trip as VARCHAR.
///
/// A `+` sign is not a number when sniffing (as for finite numbers), only when the type is forced.
/// DuckDB sniffs a column of only `inf` words as DATE (its infinite date); yotq has no infinite dates,
/// so they are DOUBLE here.
enum NonFiniteNumber {
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, strict: Bool) -> Double? {
        guard bytes.count >= 3, bytes.count <= 9 else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || (!strict && bytes[0] == UInt8(ascii: "+")) {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        var word = ""
        while i < bytes.count {
            let b = bytes[i] | 0x20  // ASCII lower case; other bytes never match below
            word.unicodeScalars.append(Unicode.Scalar(b))
            i += 1
        }
        switch word {
        case "nan": return negative ? -Double.nan : Double.nan
        case "inf", "infinity": return negative ? -Double.infinity : Double.infinity
        default: return nil
        }
    }
}
