import Foundation
import Testing
import LectioCore

/// Note references in the conventions books use: EPUB 3 types, ARIA roles, and the untyped
/// superscript links of EPUB 2.
@Suite struct EPUBNoteTests {
    @Test func aFootnoteAsideLeavesTheFlowForTheFootnotesSection() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", """
            <p>Call me Ishmael.<a epub:type="noteref" href="#n1" id="r1">1</a> Some years ago.</p>
            <aside epub:type="footnote" id="n1"><p><a href="#r1" epub:type="backlink">↩</a> A note on the name.</p><p>Its second paragraph.</p></aside>
            <p>Next paragraph.</p>
            """)
        let d = try book.document()
        #expect(d.blocks.prefix(2).map(\.text) == ["Call me Ishmael.1 Some years ago.", "Next paragraph."])
        let marker = try #require(d.footnotes.first)
        #expect(marker.label == "1" && marker.range == 16..<17 && marker.block == 0)
        #expect(marker.source == "OPS/c1.xhtml#r1")
        let note = d.notes[try #require(marker.note)]
        #expect(note.text == "A note on the name.\nIts second paragraph.")
        #expect(note.source == "OPS/c1.xhtml#n1")
        let section = try #require(d.sections.last)
        #expect(section.title == "Footnotes" && section.isMatter)
        #expect(d.blocks[note.block].kind == .footnote)
        #expect(d.blocks[note.block].text.contains("A note on the name."))
    }

    @Test func anEndnoteInAnotherDocumentStaysThereAndKeepsALeadingLinkBack() throws {
        var book = EPUBTestBook()
        book.chapter("text/c1.xhtml", #"<p>Words<a role="doc-noteref" href="notes.xhtml#en1" id="ref1">*</a> go on.</p>"#)
        book.chapter("text/notes.xhtml", """
            <section epub:type="endnotes"><h2>Notes</h2><ol>
            <li id="en1"><p><a href="c1.xhtml#ref1">Line 12.</a> The endnote. <a href="c1.xhtml#ref1">Back</a></p></li>
            </ol></section>
            """)
        let d = try book.document()
        let note = d.notes[try #require(d.footnotes.first?.note)]
        #expect(note.text == "Line 12. The endnote.")
        #expect(note.source == "OPS/text/notes.xhtml#en1")
        #expect(d.blocks[note.block].kind == .listItem)
        #expect(!d.sections.contains { $0.isMatter })
        // The links back from the note are ordinary links, not footnotes.
        #expect(d.footnotes.count == 1)
        #expect(d.links.count == 2)
    }

    @Test func oneNoteMayServeSeveralReferences() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", """
            <p>First<a epub:type="noteref" href="#n">a</a> and again<a epub:type="noteref" href="#n">a</a>.</p>
            <aside epub:type="footnote" id="n"><p>Shared.</p></aside>
            """)
        let d = try book.document()
        #expect(d.footnotes.count == 2)
        #expect(d.notes.count == 1)
        #expect(d.footnotes.allSatisfy { $0.note == 0 })
    }

    @Test func untypedSuperscriptLinksToShortPassagesAreNotes() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", """
            <p>A claim<sup><a href="n.xhtml#fn1" id="fr1">[1]</a></sup> and <a class="fnanchor" href="n.xhtml#fn2">†</a>,
            see <a href="c2.xhtml#part">the next part</a>.</p>
            """)
        book.chapter("c2.xhtml", #"<h1 id="part">Part Two</h1><p>Text.</p>"#)
        book.chapter("n.xhtml", """
            <div class="footnote"><p><a id="fn1" href="c1.xhtml#fr1">[1]</a> The first note.</p></div>
            <p id="fn2">The dagger note. <a href="c1.xhtml">↩</a></p>
            """)
        let d = try book.document()
        #expect(d.footnotes.map(\.label) == ["1", "†"])
        let notes = d.footnotes.compactMap { $0.note.map { d.notes[$0] } }
        #expect(notes.map(\.text) == ["[1] The first note.", "The dagger note."])
        #expect(notes.map(\.source) == ["OPS/n.xhtml#fn1", "OPS/n.xhtml#fn2"])
        // The link with words is a link to a heading, not a note.
        let heading = try #require(d.blocks.firstIndex { $0.text == "Part Two" })
        #expect(d.links.contains { $0.target == .passage(block: heading, offset: 0) && $0.block == 0 })
    }

    @Test func withTypedReferencesUntypedSuperscriptLinksAreNotNotes() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", """
            <p>Typed<a epub:type="noteref" href="#n1">1</a> and see section <sup><a href="#s2">2</a></sup>.</p>
            <aside epub:type="footnote" id="n1"><p>The note.</p></aside>
            <p id="s2">Section two is a short passage too.</p>
            """)
        let d = try book.document()
        #expect(d.footnotes.count == 1)
        #expect(d.links.count == 1)
    }

    @Test func aReferenceToAMissingNoteIsAMarkerWithoutANote() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", ##"<p>Lost<a epub:type="noteref" href="#nowhere">9</a>.</p>"##)
        let d = try book.document()
        #expect(d.footnotes.count == 1)
        #expect(d.footnotes[0].note == nil)
        #expect(d.notices.contains { $0.contains("lead nowhere") && $0.contains("OPS/c1.xhtml#nowhere") })
    }

    @Test func externalLinksKeepTheirURL() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", #"<p>See <a href="https://example.org/a?b=1">the site</a>.</p>"#)
        let d = try book.document()
        #expect(d.links == [Link(block: 0, range: 4..<12, target: .external("https://example.org/a?b=1"), source: "https://example.org/a?b=1")])
        #expect(d.footnotes.isEmpty)
    }
}
