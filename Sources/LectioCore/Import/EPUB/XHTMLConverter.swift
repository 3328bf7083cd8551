import Foundation

/// Turns the body of one XHTML content document into blocks: paragraphs, headings, block
/// quotes, lists (nested, with markers), preformatted text, tables as rows, scene breaks;
/// emphasis, strong and code as styles; images as `[image: alt]`; ruby as base (reading).
///
/// Footnote asides (`aside` or hidden elements typed `footnote`/`note`, or `role="doc-footnote"`)
/// are not shown where they stand: they are set aside for a notes section at the end. Other
/// elements marked `hidden` (a nav's page list) are not shown at all.
struct XHTMLConverter {
    /// The document's path in the ZIP.
    let path: String
    /// Whether this converts notes taken out of the flow (every block is then a footnote).
    var asNotes = false

    /// What the elements around the current one make of it.
    private struct Context {
        var kind: Block.Kind = .paragraph
        var preformatted = false
        /// For each enclosing list: ordered or not, and the next number.
        var lists: [(ordered: Bool, next: Int)] = []
        var superscript = false
        var inLink = false
        /// Enclosing ids with how many links each has seen, for link sources.
        var anchor: (id: String, index: Int)?
    }

    private static let noteTypes: Set<String> = ["footnote", "note", "annotation"]

    /// Whether `e` is a note that does not stand in the reading flow.
    static func isFootnoteAside(_ e: MarkupElement) -> Bool {
        // The cheap tests first: most typed elements are neither asides nor hidden.
        guard e.isTyped, e.name == "aside" || e.isHidden else { return false }
        return e.epubTypes.contains(where: noteTypes.contains) || e.roles.contains("doc-footnote")
    }

    /// Converts `body` (or any element) into `book`.
    func convert(_ element: MarkupElement, into book: inout EPUBBookBuilder) {
        book.mark(path)
        book.documentLinks = 0
        var context = Context()
        if asNotes { context.kind = .footnote }
        walk(element, context: &context, book: &book)
        book.flush(as: context.kind)
    }

    private func walk(_ e: MarkupElement, context: inout Context, book: inout EPUBBookBuilder) {
        for child in e.children {
            switch child {
            case .text(let t): book.append(t, preformatted: context.preformatted, line: e.line)
            case .element(let c): visit(c, context: &context, book: &book)
            }
        }
    }

    private func visit(_ e: MarkupElement, context outer: inout Context, book: inout EPUBBookBuilder) {
        let tag = e.tag
        if tag == .skipped { return }
        if !asNotes, Self.isFootnoteAside(e) {
            book.movedNotes.append((path, e))
            return
        }
        // HTML's `hidden` (a nav's page list, landmarks) is not shown; CSS is not applied.
        if !e.attributes.isEmpty, e.attributes["hidden"] != nil { return }
        let id = e.id
        if let id { book.mark("\(path)#\(id)") }
        var context = outer
        if let id { context.anchor = (id, 0) }
        let isBlock = tag.isBlock
        if isBlock { book.flush(as: outer.kind) }
        switch tag {
        case .heading:
            let level = Int(String(e.name.dropFirst())) ?? 1
            if !asNotes { context.kind = .heading(level: level) }
            let index = book.blocks.count
            walk(e, context: &context, book: &book)
            book.flush(as: context.kind)
            if !asNotes, index < book.blocks.count {
                let text = book.blocks[index].text
                let title = text.utf8.contains(0x0A) ? String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" ? " " : $0 })) : text
                book.headings.append(.init(title: title,
                                           level: level, block: index, source: id.map { "\(path)#\($0)" } ?? path))
            }
            return
        case .blockquote:
            if !asNotes { context.kind = .quote }
        case .pre:
            context.preformatted = true
            if !asNotes { context.kind = .preformatted }
        case .list, .orderedList:
            let start = Int(e.attributes["start"] ?? "") ?? 1
            context.lists.append((tag == .orderedList, start))
        case .listItem:
            if !asNotes { context.kind = .listItem }
            if var list = outer.lists.last {
                let indent = String(repeating: "  ", count: outer.lists.count - 1)
                let number = Int(e.attributes["value"] ?? "") ?? list.next
                book.prefix = Array((indent + (list.ordered ? "\(number). " : "• ")).unicodeScalars)
                list.next = number + 1
                outer.lists[outer.lists.count - 1] = list
            }
        case .rule:
            book.flush(as: outer.kind)
            book.appendBlock(Block(kind: .sceneBreak, text: "* * *", line: e.line))
            return
        case .lineBreak:
            book.lineBreak(line: e.line)
            return
        case .cell:
            if e.parent?.elements.first !== e { book.append(" | ", preformatted: true, line: e.line) }
        case .image:
            let alt = MarkupElement.collapsingSpaces(e.attributes["alt"] ?? e.attribute("title") ?? "")
            if !alt.isEmpty { book.append(" [image: \(alt)] ", preformatted: false, line: e.line) }
            return
        case .svg:
            if let title = e.first("title")?.text, !title.isEmpty { book.append(" [image: \(title)] ", preformatted: false, line: e.line) }
            return
        case .rubyText:
            book.append("(", preformatted: true, line: e.line)
            walk(e, context: &context, book: &book)
            book.append(")", preformatted: true, line: e.line)
            return
        case .superscript:
            context.superscript = true
        case .anchor where !outer.inLink:
            link(e, context: &context, outer: &outer, book: &book)
            return
        default: break
        }
        let style = tag.style
        let start = book.position
        walk(e, context: &context, book: &book)
        if let style, book.here.block == start.place.block {
            // A space pending before the element is written at its start: not part of it.
            let lower = book.skippingSpaces(from: start).place.offset
            if book.scalarCount > lower { book.styles.append(StyleSpan(range: lower..<book.scalarCount, style: style)) }
        }
        if isBlock { book.flush(as: context.kind) }
        if tag == .listItem { book.prefix = [] }
    }

    /// A link: its text is walked as usual, and it is recorded with what a note reference
    /// needs (types, classes, superscript, source).
    private func link(_ e: MarkupElement, context: inout Context, outer: inout Context, book: inout EPUBBookBuilder) {
        context.inLink = true
        let start = book.position
        walk(e, context: &context, book: &book)
        guard let href = e.attributes["href"] else { return }
        let from = book.here.block == start.place.block ? start : .init(place: .init(block: book.here.block, offset: 0), byte: 0)
        let first = book.skippingSpaces(from: from)
        let lower = first.place.offset
        let upper = max(lower, book.scalarCount)
        let text = book.text(fromByte: first.byte)
        let source: String
        if let id = e.id {
            source = "\(path)#\(id)"
        } else if var anchor = outer.anchor {
            anchor.index += 1
            outer.anchor = anchor
            source = "\(path)#\(anchor.id)[\(anchor.index)]"
        } else {
            source = "\(path)[\(book.documentLinks + 1)]"
        }
        let superscript = outer.superscript || e.firstDescendant("sup") != nil
        book.documentLinks += 1
        book.links.append(.init(document: path, block: book.blocks.count, range: lower..<upper, href: href, text: text,
                                types: e.epubTypes, roles: e.roles, classes: e.classes, superscript: superscript,
                                source: source))
    }
}
