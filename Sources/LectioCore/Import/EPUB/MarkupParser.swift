import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML (the container, the package, XHTML, an NCX) into a `MarkupElement` tree with
/// Foundation's `XMLParser` (libxml2).
///
/// HTML's named entities (`&nbsp;`, `&mdash;`), which XHTML files use without the DTD that
/// defines them, are turned into character references first. A document that is not
/// well-formed keeps what libxml2 recovers, and says where the first error is.
final class MarkupParser: NSObject, XMLParserDelegate {
    /// A parsed document.
    struct Result {
        /// The root element (an empty `document` element when nothing parsed).
        var root: MarkupElement
        /// Why parsing stopped early, with the line, or `nil` when the whole file parsed.
        var error: String?
    }

    private var stack: [MarkupElement] = []
    private var root: MarkupElement?
    private var text = ""
    /// The first error met, and its line (libxml2 goes on after it, recovering what it can).
    private var firstError: (error: Error, line: Int)?

    /// Parses `data`.
    static func parse(_ data: Data) -> Result {
        let delegate = MarkupParser()
        let parser = XMLParser(data: HTMLEntities.replacingNamedEntities(in: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        delegate.flushText()
        let root = delegate.root ?? MarkupElement(name: "document", attributes: [:], line: 1)
        guard !ok || parser.parserError != nil || delegate.firstError != nil else { return Result(root: root, error: nil) }
        let line = delegate.firstError?.line ?? parser.lineNumber
        let code = (delegate.firstError?.error ?? parser.parserError).map { ($0 as NSError).code } ?? 0
        return Result(root: root, error: "not well-formed XML at line \(line) (libxml2 error \(code))")
    }

    private func flushText() {
        guard !text.isEmpty, let top = stack.last else { text = ""; return }
        top.children.append(.text(text))
        text = ""
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        flushText()
        let element = MarkupElement(name: elementName, attributes: attributeDict, line: parser.lineNumber)
        if let top = stack.last {
            element.parent = top
            top.children.append(.element(element))
        } else if root == nil {
            root = element
        } else {
            return
        }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        flushText()
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil { firstError = (parseError, parser.lineNumber) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
