import Platform

/// Spreadsheet date serial numbers and the number formats that mark a number as a date.
enum SerialDates {
    /// Days since 1970-01-01 for a serial number; nil for a day that does not exist.
    ///
    /// The 1900 system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, believes in 29 February 1900
    /// (serial 60): serials from 61 on are one day ahead of a true count from 1899-12-31. The 1904 system
    /// (old Mac workbooks, `date1904="1"`) counts 1904-01-01 as day 0. Any time of day is dropped.
    static func days(fromSerial serial: Double, uses1904: Bool) -> Int32? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }  // 9999-12-31
        let whole = Int(serial.rounded(.down))
        if uses1904 { return Int32(whole - 24_107) }
        switch whole {
        case 0: return nil  // "1900-01-00": a time of day with no date
        case 60: return nil  // 1900-02-29, which never was
        case ..<60: return Int32(whole - 25_568)
        default: return Int32(whole - 25_569)
        }
    }

    /// The serial number (1900 system) of a date given as days since 1970-01-01.
    static func serial(fromDays days: Int32) -> Double {
        let d = Int(days)
        return Double(d + 25_569 > 60 ? d + 25_569 : d + 25_568)
    }

    /// Built-in number formats (ECMA-376 §18.8.30) that show a date: 14–17 and 22 (date with time), plus the
    /// East Asian date formats 27–36 and 50–58.
    static func isBuiltInDateFormat(_ id: Int) -> Bool {
        (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom format code shows a date: a day or year part, or a month with no hours or seconds
    /// (`mmm` alone; `mm:ss` is minutes). Quoted text, escaped characters and `[…]` sections (colours,
    /// locales, `[h]`) are ignored; only the first section (positive numbers) counts.
    static func isDateFormat(_ code: String) -> Bool {
        var day = false, year = false, month = false, hour = false, second = false
        var inQuote = false, inBracket = false, escaped = false
        let code = code.lowercased().replacing("general", with: "")
        for ch in code.unicodeScalars {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case ";": return day || year || (month && !hour && !second)
            case "d": day = true
            case "y": year = true
            case "m": month = true
            case "h": hour = true
            case "s": second = true
            case "0", "#", "?", "@": if !(day || year || month) { return false }
            default: break
            }
        }
        return day || year || (month && !hour && !second)
    }

    /// A decimal number from ASCII bytes (`12`, `-3.5`, `1.5E-3`); nil for anything else.
    static func parseNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = bytes.count
        while i < n && (bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13) { i += 1 }
        var end = n
        while end > i && (bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 10 || bytes[end - 1] == 13) {
            end -= 1
        }
        guard end > i else { return nil }
        // Fast path: a short integer.
        var negative = false
        var j = i
        if bytes[j] == UInt8(ascii: "-") {
            negative = true
            j += 1
        }
        if j < end && end - j <= 15 {
            var value = 0
            var k = j
            while k < end, bytes[k] >= 48, bytes[k] <= 57 {
                value = value * 10 + Int(bytes[k] - 48)
                k += 1
            }
            if k == end { return Double(negative ? -value : value) }
        }
        guard end - i < 64 else { return nil }
        var buffer = [CChar](repeating: 0, count: end - i + 1)
        for k in i..<end {
            let c = bytes[k]
            guard (c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46 || c == 69 || c == 101 else { return nil }
            buffer[k - i] = CChar(bitPattern: c)
        }
        return buffer.withUnsafeMutableBufferPointer { p -> Double? in
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(p.baseAddress!, &stop)
            guard let stop, stop == p.baseAddress! + (end - i) else { return nil }
            return value
        }
    }
}
