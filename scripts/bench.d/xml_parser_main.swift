// Benchmark: FoundationXML's XMLParser (libxml2 SAX underneath) over a worksheet part, doing the same
// work as xml_scanner_main.swift: count <c>, read r= and t=, collect the <v> text.
import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

final class Counter: NSObject, XMLParserDelegate {
    var cells = 0
    var valueBytes = 0
    var refs = 0
    var inValue = false
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == "c" {
            cells += 1
            refs += attributes["r"]?.utf8.count ?? 0
            _ = attributes["t"]
        } else if name == "v" {
            inValue = true
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" { inValue = false }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { valueBytes += string.utf8.count }
    }
}

func measure(_ path: String) {
    // XMLParser(data:) hands libxml2 the whole part at once and fails on a 66 MB sheet (NSXMLParserErrorDomain
    // code 1); from a stream it reads in chunks.
    let start = Date()
    let parser = XMLParser(stream: InputStream(fileAtPath: path)!)
    parser.shouldResolveExternalEntities = false
    let counter = Counter()
    parser.delegate = counter
    guard parser.parse() else { fatalError("parse failed: \(String(describing: parser.parserError))") }
    print("XMLParser: \(counter.cells) cells, \(counter.valueBytes) value bytes in \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
}

measure(CommandLine.arguments[1])
