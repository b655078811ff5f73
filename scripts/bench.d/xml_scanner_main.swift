// Benchmark: yotq's XMLScanner over a worksheet part (compiled with Sources/Workbooks/XML/XMLScanner.swift
// by scripts/bench-workbooks). Does what the sheet reader does per cell: finds <c>, reads its r= and t=
// attributes and collects the <v> text.
import Foundation

func measure(_ path: String) throws {
let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
let start = Date()
var scanner = XMLScanner(bytes)
var cells = 0
var valueBytes = 0
var inValue = false
var refs = 0
loop: while true {
    switch try scanner.next() {
    case .start(let name, let attributes, _):
        if scanner.isNamed(name, "c") {
            cells += 1
            if let r = scanner.attribute("r", in: attributes) { refs += r.count }
            _ = scanner.attribute("t", in: attributes)
        } else if scanner.isNamed(name, "v") {
            inValue = true
        }
    case .end(let name):
        if scanner.isNamed(name, "v") { inValue = false }
    case .text(let range):
        if inValue { valueBytes += range.count }
    case .cdata: break
    case .endOfDocument: break loop
    }
}
print("XMLScanner: \(cells) cells, \(valueBytes) value bytes in \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
}

try measure(CommandLine.arguments[1])
