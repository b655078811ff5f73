import Inspection
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG parsed with Foundation's XML parser: whether it is well-formed, its elements, ids and
/// attributes, and the text of `<title>` and `<desc>`.
final class SVGStructure: NSObject, XMLParserDelegate {
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    private(set) var texts: [String: String] = [:]
    private(set) var error: String?
    private var open: [String] = []

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "parse failed" }
    }

    var isWellFormed: Bool { error == nil }
    var root: String? { elements.first?.name }
    var ids: Set<String> { Set(elements.compactMap { $0.attributes["id"] }) }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((name, attributes))
        open.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { texts[current, default: ""] += string }
    }
}
