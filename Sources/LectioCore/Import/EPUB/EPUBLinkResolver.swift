/// Resolves the links of a converted book: note references become footnote markers linked to
/// their notes (one note may serve several references), other internal links lead to a place
/// in the book, external ones keep their URL; links that lead nowhere are counted in a notice.
struct EPUBLinkResolver {
    /// What the links became.
    struct Result {
        var markers: [FootnoteMarker] = []
        var notes: [FootnoteNote] = []
        var links: [Link] = []
        var notices: [String] = []
    }

    let book: EPUBBookBuilder
    /// Each content document's parsed tree, by path.
    let roots: [String: MarkupElement]
    /// Element ids per document, built when first needed.
    private var ids: [String: [String: MarkupElement]] = [:]

    init(book: EPUBBookBuilder, roots: [String: MarkupElement]) {
        self.book = book
        self.roots = roots
    }

    /// Resolves every link.
    mutating func resolve() -> Result {
        var result = Result()
        let typed = book.links.contains(where: EPUBNoteReferences.isTyped)
        var noteIndex: [String: Int] = [:]
        var broken: [String] = []
        for link in book.links {
            if EPUBPath.isExternal(link.href) {
                result.links.append(Link(block: link.block, range: link.range, target: .external(link.href), source: link.href))
                continue
            }
            let target = EPUBPath.resolve(link.href, from: EPUBPath.folder(of: link.document))
            let path = target.path.isEmpty ? link.document : target.path
            let key = target.fragment.map { "\(path)#\($0)" } ?? path
            let element = target.fragment.flatMap { findElement(id: $0, in: path) }
            let isReference: Bool
            if typed {
                isReference = EPUBNoteReferences.isTyped(link)
            } else if let element, EPUBNoteReferences.looksLikeReference(link) {
                isReference = EPUBNoteReferences.isShortPassage(EPUBNoteReferences.noteElement(for: element))
            } else {
                isReference = false
            }
            if isReference {
                var marker = FootnoteMarker(label: EPUBNoteReferences.label(link.text), block: link.block, range: link.range)
                marker.source = link.source
                if let element, let place = book.places[key] {
                    if let existing = noteIndex[key] {
                        marker.note = existing
                    } else {
                        let noteElement = EPUBNoteReferences.noteElement(for: element)
                        var note = FootnoteNote(label: marker.label, block: min(place.block, book.blocks.count - 1),
                                                text: EPUBNoteReferences.text(of: noteElement), line: noteElement.line)
                        note.source = key
                        noteIndex[key] = result.notes.count
                        marker.note = result.notes.count
                        result.notes.append(note)
                    }
                } else {
                    broken.append(key)
                }
                result.markers.append(marker)
            } else if let place = book.places[key] {
                result.links.append(Link(block: link.block, range: link.range,
                                         target: .passage(block: min(place.block, book.blocks.count - 1), offset: place.offset), source: key))
            } else {
                broken.append(key)
            }
        }
        sortByPlace(&result)
        if !broken.isEmpty {
            result.notices.append("\(broken.count) link(s) lead nowhere in the book (first: \(broken[0]))")
        }
        return result
    }

    /// The element with `id` in the document at `path`.
    private mutating func findElement(id: String, in path: String) -> MarkupElement? {
        if ids[path] == nil {
            var table: [String: MarkupElement] = [:]
            for e in roots[path]?.descendants(where: { $0.id != nil }) ?? [] {
                if let id = e.id, table[id] == nil { table[id] = e }
            }
            ids[path] = table
        }
        return ids[path]?[id]
    }

    /// Markers, notes and links in reading order (notes moved to the end, references inside
    /// notes), with the markers' note indices kept right.
    private func sortByPlace(_ result: inout Result) {
        result.markers.sort { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }
        result.links.sort { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }
        let order = result.notes.indices.sorted { (result.notes[$0].block, $0) < (result.notes[$1].block, $1) }
        var newIndex = [Int](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        result.notes = order.map { result.notes[$0] }
        for i in result.markers.indices { result.markers[i].note = result.markers[i].note.map { newIndex[$0] } }
    }
}
