import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// Tables of contents, the fallbacks when there is none, the spine's order, and where a
/// book opens.
@Suite struct EPUBStructureTests {
    static func twoChapters() -> EPUBTestBook {
        var book = EPUBTestBook()
        book.chapter("cover.xhtml", #"<img src="cover.jpg" alt="Cover"/>"#)
        book.chapter("c1.xhtml", #"<h1>One</h1><p>First text.</p><h2 id="mid">Middle</h2><p>More.</p>"#)
        book.chapter("c2.xhtml", #"<h1>Two</h1><p>Second text.</p>"#)
        return book
    }

    @Test func aNestedNavGivesLevelsAndAnEntryIntoADocumentStartsThere() throws {
        var book = Self.twoChapters()
        book.navBody = """
            <nav epub:type="toc"><ol>
              <li><a href="c1.xhtml">One</a><ol><li><a href="c1.xhtml#mid">Middle</a></li></ol></li>
              <li><span>Unlinked part</span><ol><li><a href="c2.xhtml">Two</a></li></ol></li>
            </ol></nav>
            """
        let d = try book.document()
        #expect(d.sections.map(\.title) == ["One", "Middle", "Unlinked part", "Two"])
        #expect(d.sections.map(\.level) == [1, 2, 1, 2])
        #expect(d.blocks[d.sections[1].block].text == "Middle")
        #expect(d.sections[1].source == "OPS/c1.xhtml#mid")
        #expect(d.sections[2].block == d.sections[3].block)
        // The nav document itself is not where the book opens, nor is the cover.
        #expect(d.blocks[d.startBlock].text == "One")
    }

    @Test func anNCXAloneGivesTheSections() throws {
        var book = Self.twoChapters()
        book.ncx = """
            <navPoint id="a"><navLabel><text>Chapter One</text></navLabel><content src="c1.xhtml"/>
              <navPoint id="b"><navLabel><text>The Middle</text></navLabel><content src="c1.xhtml#mid"/></navPoint>
            </navPoint>
            <navPoint id="c"><navLabel><text>Chapter Two</text></navLabel><content src="c2.xhtml"/></navPoint>
            """
        let d = try book.document()
        #expect(d.sections.map(\.title) == ["Chapter One", "The Middle", "Chapter Two"])
        #expect(d.sections.map(\.level) == [1, 2, 1])
    }

    @Test func withoutNavOrNCXTheHeadingsAreTheSections() throws {
        let d = try Self.twoChapters().document()
        #expect(d.sections.map(\.title) == ["One", "Middle", "Two"])
        #expect(d.sections.map(\.level) == [1, 2, 1])
        #expect(d.notices.contains { $0.contains("no table of contents") })
        // The cover holds only an image: the book opens on the first chapter.
        #expect(d.blocks[d.startBlock].text == "One")
    }

    @Test func withoutHeadingsEachDocumentIsASection() throws {
        var book = EPUBTestBook()
        book.chapter("a.xhtml", "<p>Alpha.</p>")
        book.chapter("b.xhtml", "<p>Beta.</p>")
        let d = try book.document()
        #expect(d.sections.map(\.title) == ["Chapter", "Chapter"])
        #expect(d.sections.map(\.source) == ["OPS/a.xhtml", "OPS/b.xhtml"])
    }

    @Test func aThinTableGivesWayToTheHeadings() throws {
        var book = EPUBTestBook()
        for i in 1...4 { book.chapter("c\(i).xhtml", "<h1>Chapter \(i)</h1><p>Text \(i).</p>") }
        book.navBody = #"<nav epub:type="toc"><ol><li><a href="c1.xhtml">Start</a></li></ol></nav>"#
        let d = try book.document()
        #expect(d.sections.map(\.title) == ["Chapter 1", "Chapter 2", "Chapter 3", "Chapter 4"])
    }

    @Test func nonLinearDocumentsComeAfterTheRest() throws {
        var book = EPUBTestBook()
        book.chapter("popup.xhtml", "<p>Aside table.</p>", linear: false)
        book.chapter("c1.xhtml", "<p>Main text.</p>")
        let d = try book.document()
        #expect(d.blocks.map(\.text) == ["Main text.", "Aside table."])
        #expect(d.startBlock == 0)
    }

    @Test func theBodymatterLandmarkOrTheGuideDecideWhereTheBookOpens() throws {
        var book = Self.twoChapters()
        book.navBody = """
            <nav epub:type="toc"><ol><li><a href="c1.xhtml">One</a></li><li><a href="c2.xhtml">Two</a></li></ol></nav>
            <nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" href="c2.xhtml">Begin</a></li></ol></nav>
            """
        #expect(try { let d = try book.document(); return d.blocks[d.startBlock].text }() == "Two")
        var epub2 = Self.twoChapters()
        epub2.guide = #"<reference type="text" title="Text" href="c1.xhtml#mid"/>"#
        let d = try epub2.document()
        #expect(d.blocks[d.startBlock].text == "Middle")
    }

    @Test func titlePagesAndImprintsTypedAsSuchAreNotWhereTheBookOpens() throws {
        var book = EPUBTestBook()
        book.chapter("title.xhtml", #"<section epub:type="titlepage"><h1>A Test Book</h1></section>"#)
        book.chapter("imprint.xhtml", #"<section epub:type="imprint"><p>Published somewhere.</p></section>"#)
        book.chapter("c1.xhtml", "<h1>Chapter 1</h1><p>The story.</p>")
        let d = try book.document()
        #expect(d.blocks[d.startBlock].text == "Chapter 1")
    }

    @Test func metadataGivesTitleCreatorAndLanguage() throws {
        let d = try Self.twoChapters().document()
        #expect(d.title == "A Test Book")
        #expect(d.creators == ["Ann Author"])
        #expect(d.language == "en")
    }

    @Test func eachBlockKnowsItsDocument() throws {
        var book = Self.twoChapters()
        book.chapter("c3.xhtml", ##"<p>Note here<a epub:type="noteref" href="#n">1</a>.</p><aside epub:type="footnote" id="n"><p>Aside.</p></aside>"##)
        let d = try book.document()
        let two = try #require(d.blocks.firstIndex { $0.text == "Two" })
        #expect(d.sourcePart(containing: two) == "OPS/c2.xhtml")
        #expect(d.sourcePart(containing: two - 1) == "OPS/c1.xhtml")
        let note = try #require(d.blocks.lastIndex { $0.text == "Aside." })
        #expect(d.sourcePart(containing: note) == nil)
        #expect(Fixtures.document(text: "Plain.\n").sourcePart(containing: 0) == nil)
    }
}
