import Foundation

/// One element of a parsed XML or XHTML document: its local name, attributes and children.
///
/// A small tree rather than events: footnotes need a note's whole element (to drop its
/// backlinks), and a table of contents is nested lists.
final class MarkupElement {
    /// A child: an element or a run of text.
    enum Child {
        case element(MarkupElement)
        case text(String)
    }

    /// The local name, lower-cased (`p`, `aside`, `navpoint`); a prefix such as `html:` is dropped.
    let name: String
    /// What the XHTML conversion makes of the element.
    let tag: MarkupTag
    /// Attributes by qualified name as written (`epub:type`, `xml:lang`, `href`).
    let attributes: [String: String]
    /// The 1-based line where the element starts in its file.
    let line: Int
    /// Children in document order.
    var children: [Child] = []
    /// The element that holds this one. Unowned, not weak (a weak reference costs every
    /// element a side table): a parent outlives its children, which it holds.
    unowned(safe) var parent: MarkupElement?

    init(name: String, attributes: [String: String], line: Int) {
        self.name = Self.localName(name)
        self.tag = MarkupTag(name: self.name)
        self.attributes = attributes
        self.line = line
    }

    /// An element whose lower-cased local name and tag are already known.
    init(localName: String, tag: MarkupTag, attributes: [String: String], line: Int) {
        self.name = localName
        self.tag = tag
        self.attributes = attributes
        self.line = line
    }

    /// `name` without a prefix, lower-cased (`html:P` → `p`).
    static func localName(_ name: String) -> String {
        (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
    }

    /// The value of an attribute, looked up by its local name when no prefix is given
    /// (`type` finds `epub:type` and `ops:type`).
    func attribute(_ name: String) -> String? {
        if let value = attributes[name] { return value }
        if name.contains(":") { return nil }
        for (key, value) in attributes where key.hasSuffix(":" + name) { return value }
        return nil
    }

    /// The element's `id`.
    var id: String? { attributes.isEmpty ? nil : attributes["id"] ?? attributes["xml:id"] }

    /// The whitespace-separated tokens of `epub:type` (any prefix), lower-cased.
    var epubTypes: [String] {
        var tokens: [String] = []
        for (key, value) in attributes where key.hasSuffix(":type") && key != "xsi:type" {
            tokens += value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map {
                String($0.split(separator: ":").last ?? $0)
            }
        }
        return tokens
    }

    /// Whether the element has `epub:type` or `role` at all (most have neither).
    var isTyped: Bool {
        !attributes.isEmpty && (attributes["role"] != nil || attributes.keys.contains { $0.hasSuffix(":type") })
    }

    /// The tokens of `role`, lower-cased.
    var roles: [String] { (attributes["role"] ?? "").lowercased().split(separator: " ").map(String.init) }

    /// The tokens of `class`, lower-cased.
    var classes: [String] { (attributes["class"] ?? "").lowercased().split(separator: " ").map(String.init) }

    /// Whether the element is hidden from the reading flow (`hidden`, or `display:none` inline).
    var isHidden: Bool {
        if attributes["hidden"] != nil { return true }
        guard let style = attributes["style"] else { return false }
        return MarkupElement.without([" "], in: style.lowercased()).contains("display:none")
    }

    /// Child elements.
    var elements: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The first child element named `name`.
    func first(_ name: String) -> MarkupElement? { elements.first { $0.name == name } }

    /// Every descendant element (depth first, in document order) for which `body` holds.
    func descendants(where body: (MarkupElement) -> Bool) -> [MarkupElement] {
        var found: [MarkupElement] = []
        var stack: [MarkupElement] = [self]
        while let e = stack.popLast() {
            if e !== self, body(e) { found.append(e) }
            e.pushChildElements(onto: &stack)
        }
        return found
    }

    /// The first descendant named `name`.
    func firstDescendant(_ name: String) -> MarkupElement? {
        var stack: [MarkupElement] = [self]
        while let e = stack.popLast() {
            if e !== self, e.name == name { return e }
            e.pushChildElements(onto: &stack)
        }
        return nil
    }

    /// Pushes the child elements last first, so that they pop in document order (without
    /// making an array of them first: a walk over a whole book does this for every element).
    private func pushChildElements(onto stack: inout [MarkupElement]) {
        for child in children.reversed() {
            if case .element(let c) = child { stack.append(c) }
        }
    }

    /// All text below this element, whitespace collapsed and trimmed.
    var text: String {
        var out = ""
        func walk(_ e: MarkupElement) {
            for child in e.children {
                switch child {
                case .text(let t): out += t
                case .element(let c): walk(c)
                }
            }
        }
        walk(self)
        return MarkupElement.collapsingSpaces(out)
    }

    /// `text` without the scalars in `dropped` (a pure-Swift pass: Foundation's
    /// `replacingOccurrences` costs microseconds a call).
    static func without(_ dropped: Set<Unicode.Scalar>, in text: String) -> String {
        guard text.unicodeScalars.contains(where: dropped.contains) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !dropped.contains(s) { out.append(s) }
        return String(out)
    }

    /// `text` with each run of XML whitespace made one space, and no space at either end.
    static func collapsingSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s == " " || s == "\n" || s == "\t" || s == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }
}
