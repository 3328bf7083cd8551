import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

/// A note on an EPUB names the file of the book that holds its passage, in its anchor and in
/// the W3C export.
@Suite struct EPUBAnchorTests {
    @Test func anAnchorNamesTheSpineDocument() throws {
        let opened = try TextOpener.open(path: Fixtures.path("epub/moby-dick.epub"))
        let document = opened.document
        let text = CanonicalText(document: document)
        let start = try #require(text.occurrences(of: Array("Call me Ishmael".unicodeScalars)).first)
        let anchor = Anchoring.anchor(document: document, text: text, start: start, end: start + 15)
        let file = try #require(anchor.document)
        #expect(file.hasSuffix(".xhtml"))
        #expect(file == document.sourcePart(containing: document.blockIndex(containing: start)))
        // Kept through the notes file, and named by the export.
        let note = Annotation(anchor: anchor, body: "Opening", id: "n1", now: Date(timeIntervalSince1970: 0))
        let decoded = try JSONDecoder().decode(Annotation.self, from: JSONFormat.encoder().encode(note))
        #expect(decoded.anchor.document == file)
        let placed = PlacedNote.place([note], in: SourceText(canonical: text))
        let json = try NotesExport.webAnnotations(placed, source: "file:///books/moby-dick.epub", document: document, text: SourceText(canonical: text))
        #expect(json.contains("\"source\" : \"file:///books/moby-dick.epub/\(file)\""))
        // A plain text has one file: no document named.
        let plain = try Fixtures.bundledDocument()
        #expect(Anchoring.anchor(document: plain, text: CanonicalText(document: plain), start: 10, end: 20).document == nil)
    }
}
