import Foundation

/// The first screen of an EPUB before the whole book is imported: the content document the
/// book opens on, or the one the reader left, converted alone (with the documents after it
/// when it ends within a screen). The whole import joins the documents' blocks in spine order,
/// so the preview's blocks are the whole's blocks from that place (footnote asides taken out
/// of the flow in both).
extension EPUBImporter {
    /// Blocks a preview holds after its first one, at least: more than a screen.
    static let previewBlocks = 40

    /// The preview where the book opens — as the whole import decides it: the nav's
    /// `bodymatter` landmark, the guide's `text` reference, else the first entry of the table
    /// of contents in a document of the book proper — or at `part` (a content document's path in
    /// the container, from a `ResumePoint`); `nil` when the book cannot be read so far (the
    /// whole import then says why).
    static func preview(from bytes: Data, path: String, part: String?, blockInPart: Int, withinBlock: Int) -> Preview? {
        guard let opened = try? openPackage(bytes) else { return nil }
        var reader = PreviewReader(archive: opened.0, package: opened.1)
        let title = VisibleText.sanitized(opened.1.title ?? TextOpener.stem(of: path))
        var start: (block: Int, offset: Int)?
        if let part {
            if let book = reader.convert(part), !book.blocks.isEmpty {
                start = (min(max(0, blockInPart), book.blocks.count - 1), withinBlock)
            }
        } else {
            start = reader.openingPlace()
        }
        guard let start else { return nil }
        reader.extend(past: start.block + previewBlocks)
        let document = Document(title: title, blocks: reader.book.blocks)
        let block = document.blocks[start.block]
        return Preview(document: document, top: block.start + min(max(0, start.offset), block.scalarCount), percent: 0)
    }
}

/// Converts an EPUB's content documents one at a time, into one book, for a preview.
private struct PreviewReader {
    var archive: EPUBArchive
    let package: EPUBPackage
    var book = EPUBBookBuilder()
    /// The reading order's index of the last document converted.
    var last: Int?

    init(archive: EPUBArchive, package: EPUBPackage) {
        self.archive = archive
        self.package = package
    }

    /// Converts the document at `path` alone (the book so far dropped); `nil` if unreadable.
    mutating func convert(_ path: String) -> EPUBBookBuilder? {
        guard let root = parse(path) else { return nil }
        book = EPUBBookBuilder()
        XHTMLConverter(path: path).convert(root.firstDescendant("body") ?? root, into: &book)
        last = package.readingOrder.firstIndex { $0.item.path == path }
        return book
    }

    func parse(_ path: String) -> MarkupElement? {
        var archive = archive
        guard let data = try? archive.data(at: path) else { return nil }
        return MarkupParser.parse(data).root
    }

    /// Where the book opens, as `EPUBSections.startBlock` decides it for the whole book.
    mutating func openingPlace() -> (block: Int, offset: Int)? {
        var notices: [String] = []
        let navigation = EPUBImporter.readNavigation(package, archive: &archive, notices: &notices)
        for case let target? in [navigation.landmarks["bodymatter"], package.guide.first { $0.type == "text" }?.target] {
            let document = String(target.split(separator: "#").first ?? "")
            if convert(document) != nil, let place = book.places[target] ?? book.places[document], place.block < book.blocks.count {
                return (place.block, 0)
            }
        }
        let skipped = Set(package.guide.filter { ["cover", "title-page", "copyright-page", "toc"].contains($0.type) }
            .map { String($0.target.split(separator: "#").first ?? "") })
        let targets = navigation.entries.compactMap(\.target)
        let documentsWithEntries = Set(targets.map { String($0.split(separator: "#").first ?? "") })
        let byEntries = navigation.origin != nil && !targets.isEmpty
        // The book's opening is near its start: a few documents at most (with a table of
        // contents, only those its entries lead into).
        for item in package.readingOrder.filter({ $0.linear && $0.item.path != package.navPath && !skipped.contains($0.item.path)
                                                   && (!byEntries || documentsWithEntries.contains($0.item.path)) }).prefix(8) {
            let path = item.item.path
            guard let root = parse(path) else { continue }
            let body = root.firstDescendant("body")
            let types = (body?.epubTypes ?? []) + (body?.elements.first?.epubTypes ?? [])
            if types.contains(where: EPUBSections.preliminary.contains) { continue }
            book = EPUBBookBuilder()
            XHTMLConverter(path: path).convert(body ?? root, into: &book)
            last = package.readingOrder.firstIndex { $0.item.path == path }
            guard book.blocks.contains(where: { !($0.text.hasPrefix("[image: ") && $0.text.hasSuffix("]")) }) else { continue }
            guard byEntries else { return (0, 0) }
            // The first entry of the table of contents in this document, if any.
            let places = targets.filter { $0 == path || $0.hasPrefix(path + "#") }.compactMap { book.places[$0] ?? (path == $0 ? .init(block: 0, offset: 0) : nil) }
            if let first = places.map(\.block).min(), first < book.blocks.count { return (first, 0) }
        }
        return nil
    }

    /// Converts the documents after the last one until the book holds `blocks` blocks.
    mutating func extend(past blocks: Int) {
        let order = package.readingOrder
        while book.blocks.count <= blocks, let index = last, index + 1 < order.count {
            last = index + 1
            let item = order[index + 1].item
            let path = item.path
            guard item.mediaType.contains("html") || item.mediaType.contains("xml") || item.mediaType.isEmpty,
                  let root = parse(path) else { continue }
            var next = EPUBBookBuilder()
            XHTMLConverter(path: path).convert(root.firstDescendant("body") ?? root, into: &next)
            book.join(next)
        }
    }
}
