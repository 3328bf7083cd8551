/// The sections of an EPUB and where it opens.
///
/// Sections come from the table of contents, an entry pointing into a document (`file#id`)
/// starting there; an unlinked entry (a heading over its children) starts where its first
/// linked child does. When the table is missing or thin (fewer entries than half the
/// documents that hold text) the `h1`–`h6` headings are used instead, and failing those one
/// section per document.
enum EPUBSections {
    typealias Document = (path: String, firstBlock: Int, root: MarkupElement)

    /// The sections in reading order.
    static func sections(navigation: EPUBNavigation, book: EPUBBookBuilder, documents: [Document],
                         notices: inout [String]) -> [Section] {
        let lastBlock = book.blocks.count - 1
        var fromTable: [Section] = []
        var unplaced = 0
        for (i, entry) in navigation.entries.enumerated() {
            // An unlinked entry: where the next linked entry below it starts.
            var target = entry.target
            if target == nil {
                target = navigation.entries[(i + 1)...].prefix { $0.level > entry.level }.first { $0.target != nil }?.target
            }
            guard let target, let place = book.places[target] ?? book.places[String(target.split(separator: "#").first ?? "")] else {
                unplaced += 1; continue
            }
            let block = min(place.block, lastBlock)
            var section = Section(title: entry.title, level: entry.level, block: block, line: book.blocks[block].line)
            section.source = target
            fromTable.append(section)
        }
        if unplaced > 0 { notices.append("\(unplaced) table-of-contents entr\(unplaced == 1 ? "y leads" : "ies lead") nowhere in the book") }
        let textDocuments = Set(documents.indices.filter { i in
            let end = i + 1 < documents.count ? documents[i + 1].firstBlock : (book.notesHeading ?? book.blocks.count)
            return end > documents[i].firstBlock
        }.map { documents[$0].path })
        var sections = fromTable
        if fromTable.count * 2 < textDocuments.count || fromTable.isEmpty {
            let top = book.headings.map(\.level).min() ?? 1
            let headings = book.headings.map { h -> Section in
                var s = Section(title: h.title, level: h.level - top + 1, block: h.block, line: book.blocks[h.block].line)
                s.source = h.source
                return s
            }
            if headings.count > fromTable.count { sections = headings }
        }
        if sections.isEmpty {
            for d in documents where textDocuments.contains(d.path) {
                let title = d.root.firstDescendant("title")?.text ?? ""
                var s = Section(title: title.isEmpty ? d.path.split(separator: "/").last.map(String.init) ?? d.path : title,
                                level: 1, block: min(d.firstBlock, lastBlock), line: book.blocks[min(d.firstBlock, lastBlock)].line)
                s.source = d.path
                sections.append(s)
            }
        }
        if let heading = book.notesHeading {
            sections.append(Section(title: "Footnotes", level: 1, block: heading, line: 1, isMatter: true))
        }
        return stableSorted(sections)
    }

    private static func stableSorted(_ sections: [Section]) -> [Section] {
        sections.enumerated().sorted { ($0.element.block, $0.offset) < ($1.element.block, $1.offset) }.map(\.element)
    }

    /// Types of documents a book does not open on.
    static let preliminary: Set<String> = ["cover", "titlepage", "halftitlepage", "imprint", "copyright-page", "toc",
                                           "colophon", "frontispiece", "landmarks", "loi", "lot", "seriespage"]

    /// The block where reading starts: the nav's `bodymatter` landmark, else the guide's
    /// `text` reference, else the first entry of the table of contents that lies in a book
    /// document, else the first such document. A book document is linear, holds text (not
    /// only images), is not the navigation document, and is not typed or guided as a cover,
    /// title page, imprint or table of contents.
    static func startBlock(navigation: EPUBNavigation, package: EPUBPackage, book: EPUBBookBuilder, sections: [Section],
                           documents: [(path: String, firstBlock: Int, root: MarkupElement, linear: Bool)]) -> Int {
        let lastBlock = book.blocks.count - 1
        let targets = [navigation.landmarks["bodymatter"], package.guide.first { $0.type == "text" }?.target]
        for case let target? in targets {
            if let place = book.places[target] ?? book.places[String(target.split(separator: "#").first ?? "")] {
                return min(place.block, lastBlock)
            }
        }
        let guideSkips = Set(package.guide.filter { ["cover", "title-page", "copyright-page", "toc"].contains($0.type) }
            .map { String($0.target.split(separator: "#").first ?? "") })
        let bookDocuments = documents.indices.compactMap { i -> Range<Int>? in
            let d = documents[i]
            let end = i + 1 < documents.count ? documents[i + 1].firstBlock : (book.notesHeading ?? book.blocks.count)
            guard d.linear, end > d.firstBlock, d.path != package.navPath, !guideSkips.contains(d.path) else { return nil }
            let body = d.root.firstDescendant("body")
            let types = (body?.epubTypes ?? []) + (body?.elements.first?.epubTypes ?? [])
            if types.contains(where: preliminary.contains) { return nil }
            let onlyImages = book.blocks[d.firstBlock..<end].allSatisfy { $0.text.hasPrefix("[image: ") && $0.text.hasSuffix("]") }
            return onlyImages ? nil : d.firstBlock..<end
        }
        if navigation.origin != nil, let first = sections.first(where: { s in !s.isMatter && bookDocuments.contains { $0.contains(s.block) } }) {
            return first.block
        }
        return bookDocuments.first?.lowerBound ?? 0
    }
}
