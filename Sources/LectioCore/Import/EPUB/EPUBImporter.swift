import Foundation

/// Reads an EPUB (2 or 3) from its bytes into a `Document`: the spine's content documents in
/// reading order, the table of contents as sections, note references linked to their notes,
/// other links, and where the book opens.
///
/// Choices: documents marked `linear="no"` come after the others. Footnote asides are taken
/// out of the reading flow into a "Footnotes" section at the end (so "go to the note" has a
/// place); endnotes in a document of their own stay there. Problems that leave the rest
/// readable (a missing document, malformed XHTML, broken links) become notices.
public enum EPUBImporter {
    /// Whether `bytes` start like an EPUB.
    public static func isEPUB(_ bytes: Data) -> Bool { EPUBArchive.looksLikeEPUB(bytes) }

    /// The document of the EPUB held in `bytes`; `path` names it in messages and gives the
    /// title when the metadata has none.
    public static func document(from bytes: Data, path: String) throws -> Document {
        var (archive, package) = try openPackage(bytes)
        var notices = archive.notices
        if !package.unknownSpineRefs.isEmpty {
            notices.append("the spine names \(package.unknownSpineRefs.count) item(s) missing from the manifest: \(package.unknownSpineRefs.prefix(3).joined(separator: ", "))")
        }
        let navigation = readNavigation(package, archive: &archive, notices: &notices)

        let spine = try EPUBSpineReader.read(package, archive: &archive, notices: &notices)
        var book = spine.book
        let documents = spine.documents
        var roots: [String: MarkupElement] = [:]
        for d in documents { roots[d.path] = d.root }
        appendMovedNotes(into: &book)
        guard !book.blocks.isEmpty else {
            if documents.isEmpty { throw EPUBError.noContent }
            return Document(title: package.title ?? stem(of: path), blocks: [], notices: notices + ["empty text"])
        }

        var resolver = EPUBLinkResolver(book: book, roots: roots)
        let resolved = resolver.resolve()
        notices += resolved.notices
        var sectionNotices: [String] = []
        let sections = EPUBSections.sections(navigation: navigation, book: book,
                                             documents: documents.map { ($0.path, $0.firstBlock, $0.root) },
                                             notices: &sectionNotices)
        notices += sectionNotices
        let start = EPUBSections.startBlock(navigation: navigation, package: package, book: book, sections: sections,
                                            documents: documents.map { ($0.path, $0.firstBlock, $0.root, $0.linear) })
        // Titles, paths and notices come from the book: shown, never obeyed by the terminal.
        let visible = { (text: String) in VisibleText.sanitized(text) }
        var document = book.document
        document.title = visible(package.title ?? stem(of: path))
        document.setSections(sections.map { var s = $0; s.title = visible(s.title); s.source = s.source.map(visible); return s })
        for m in resolved.markers {
            document.addFootnote(m.label, block: m.block, range: m.range, note: m.note, source: m.source.map(visible))
        }
        for n in resolved.notes { document.addNote(n.label, block: n.block, text: n.text, line: n.line, source: n.source.map(visible)) }
        for l in resolved.links { document.addLink(block: l.block, range: l.range, target: l.target, source: l.source.map(visible)) }
        document.notices = notices.map(visible)
        document.startBlock = start
        document.creators = package.creators.map(visible)
        document.language = package.language.map(visible)
        return document.document(fallbackTitle: "", linking: .asRecorded)
    }

    /// Throws why the EPUB in `bytes` cannot be read (a damaged ZIP, no package document, DRM),
    /// as the whole import would, without reading its content documents: a quick check before
    /// the reader takes the terminal.
    public static func checkReadable(_ bytes: Data) throws {
        _ = try openPackage(bytes)
    }

    /// The archive and its package document (the OPF named by `META-INF/container.xml`).
    static func openPackage(_ bytes: Data) throws -> (EPUBArchive, EPUBPackage) {
        var archive = try EPUBArchive(data: bytes)
        guard let container = try archive.data(at: "META-INF/container.xml") else {
            throw EPUBError.noPackage("META-INF/container.xml is missing")
        }
        let packagePath = try EPUBPackage.packagePath(container: container)
        if let encryption = try archive.data(at: "META-INF/encryption.xml"), EPUBEncryption.encryptsContent(encryption) {
            throw EPUBError.drm
        }
        guard let packageData = try archive.data(at: packagePath) else {
            throw EPUBError.noPackage("the package document \(packagePath) named by META-INF/container.xml is missing")
        }
        return (archive, try EPUBPackage(path: packagePath, data: packageData))
    }

    /// The table of contents: the EPUB 3 nav, else the NCX.
    static func readNavigation(_ package: EPUBPackage, archive: inout EPUBArchive, notices: inout [String]) -> EPUBNavigation {
        var navigation = EPUBNavigation()
        if let navPath = package.navPath, let data = try? archive.data(at: navPath) {
            let parsed = MarkupParser.parse(data)
            navigation = EPUBNavigation(nav: parsed.root, path: navPath)
            if let error = parsed.error { notices.append("\(navPath): \(error)") }
        }
        if navigation.entries.isEmpty, let ncxPath = package.ncxPath, let data = try? archive.data(at: ncxPath) {
            let landmarks = navigation.landmarks
            navigation = EPUBNavigation(ncx: MarkupParser.parse(data).root, path: ncxPath)
            navigation.landmarks = landmarks
        }
        if navigation.entries.isEmpty { notices.append("the book has no table of contents (no nav, no NCX): sections come from its headings") }
        return navigation
    }

    /// Footnote asides, taken out of the flow, as a "Footnotes" section at the end.
    private static func appendMovedNotes(into book: inout EPUBBookBuilder) {
        guard !book.movedNotes.isEmpty else { return }
        book.notesHeading = book.blocks.count
        book.document.beginPart("")
        book.appendBlock(Block(kind: .heading(level: 1), text: "Footnotes", line: 1))
        var index = 0
        while index < book.movedNotes.count {
            let (path, element) = book.movedNotes[index]
            if let id = element.id { book.mark("\(path)#\(id)") }
            var converter = XHTMLConverter(path: path)
            converter.asNotes = true
            converter.convert(element, into: &book)
            index += 1
        }
    }

    private static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".").first.map(String.init) ?? name
    }
}
