import Foundation
import Testing
import LectioCore

/// XHTML to blocks: each element kind as a reader expects to see it.
@Suite struct EPUBContentTests {
    static func blocks(_ body: String) throws -> [Block] {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", body)
        return try book.document().blocks
    }

    @Test func paragraphsHeadingsAndQuotes() throws {
        let b = try Self.blocks("""
            <h2>The   Title</h2>
            <p>One
               paragraph.</p>
            <blockquote><p>Quoted words.</p></blockquote>
            """)
        #expect(b.map(\.text) == ["The Title", "One paragraph.", "Quoted words."])
        #expect(b.map(\.kind) == [.heading(level: 2), .paragraph, .quote])
    }

    @Test func nestedListsKeepTheirMarkersAndNumbers() throws {
        let b = try Self.blocks("""
            <ol start="3"><li>Third</li><li>Fourth<ul><li>inner <em>one</em></li><li><p>inner two</p></li></ul></li></ol>
            """)
        #expect(b.map(\.text) == ["3. Third", "4. Fourth", "  • inner one", "  • inner two"])
        #expect(b.allSatisfy { $0.kind == .listItem })
        let inner = b[2]
        #expect(inner.styles == [StyleSpan(range: 10..<13, style: .emphasis)])
    }

    @Test func inlineStylesBreaksAndRules() throws {
        let b = try Self.blocks("""
            <p>Some <i>italic</i>, <b>bold</b>, <cite>a cite</cite> and <code>x = 1</code>.</p>
            <p>A line<br/>and the next</p>
            <hr/>
            <p>After the break.</p>
            """)
        #expect(b[0].text == "Some italic, bold, a cite and x = 1.")
        #expect(b[0].styles.map(\.style) == [.emphasis, .strong, .emphasis, .code])
        #expect(b[0].styles[0].range == 5..<11)
        #expect(b[1].text == "A line\nand the next")
        #expect(b[2].kind == .sceneBreak)
        #expect(b[3].text == "After the break.")
    }

    @Test func preformattedTextKeepsItsLinesAndSpaces() throws {
        let b = try Self.blocks("<pre>let a = 1\n    indented\n</pre>")
        #expect(b.count == 1)
        #expect(b[0].kind == .preformatted)
        #expect(b[0].text == "let a = 1\n    indented")
    }

    @Test func tablesBecomeRowsImagesTheirAltTextRubyItsReading() throws {
        let b = try Self.blocks("""
            <table><tr><th>Name</th><th>Year</th></tr><tr><td>Melville</td><td>1851</td></tr></table>
            <p><img src="a.png" alt="A whale"/> and <img src="deco.png" alt=""/>nothing.</p>
            <p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を読む</p>
            """)
        #expect(b.map(\.text) == ["Name | Year", "Melville | 1851", "[image: A whale] and nothing.", "漢字(かんじ)を読む"])
    }

    @Test func htmlEntitiesAndXMLEntitiesAreDecoded() throws {
        let b = try Self.blocks("<p>a&nbsp;b &mdash; &eacute;t&eacute; &amp; &lt;tag&gt; &#x2020; &hellip;</p>")
        #expect(b.map(\.text) == ["a\u{A0}b — été & <tag> † …"])
    }

    @Test func aDocumentInLatin1DeclaredInItsPrologIsDecoded() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", "")
        let xhtml = EPUBTestBook.xhtml("<p>Caf\u{E9} cr\u{E8}me</p>", prolog: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#)
        book.files.append(("OPS/c1.xhtml", try #require(xhtml.data(using: .isoLatin1))))
        #expect(try book.document().blocks.map(\.text) == ["Café crème"])
    }

    @Test func controlCharactersCannotReachTheTerminal() throws {
        let b = try Self.blocks("<p>before &#x9B;2J after</p><pre>a\tb</pre>")
        #expect(b[0].text == "before \u{FFFD}2J after")
        #expect(b[1].text == "a       b")
        #expect(!b.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B || (0x80..<0xA0).contains($0.value) } })
    }

    @Test func scriptsStylesAndTheHeadAreNotText() throws {
        let b = try Self.blocks("<style>p { color: red }</style><p>Shown</p><script>var hidden = 1;</script>")
        #expect(b.map(\.text) == ["Shown"])
    }

    @Test func hiddenElementsAreNotShown() throws {
        let b = try Self.blocks(#"<p>Seen.</p><nav epub:type="page-list" hidden="hidden"><ol><li>1</li><li>2</li></ol></nav>"#)
        #expect(b.map(\.text) == ["Seen."])
    }

    @Test func titlesPathsAndNoticesFromTheBookCannotDriveTheTerminal() throws {
        var book = EPUBTestBook()
        book.title = "Evil &#x9B;2J Title"
        book.chapter("c%1B1.xhtml", "")
        book.files.append(("OPS/c\u{1B}1.xhtml", Data(EPUBTestBook.xhtml("<h1>One</h1><p>Text.</p>").utf8)))
        book.chapter("gone%1B.xhtml", "<p>x</p>")
        book.omitted = ["OPS/gone\u{1B}.xhtml"]
        book.navBody = #"<nav epub:type="toc"><ol><li><a href="c%1B1.xhtml">Chap&#x9B;ter</a></li></ol></nav>"#
        let d = try book.document()
        let shown = [d.title] + d.sections.map(\.title) + d.sections.compactMap(\.source) + d.notices
        #expect(d.sections.first?.title == "Chap\u{FFFD}ter")
        #expect(d.sections.first?.source == "OPS/c\u{241B}1.xhtml")
        #expect(d.notices.contains { $0.contains("OPS/gone\u{241B}.xhtml") })
        #expect(!shown.contains { $0.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B } })
    }

    @Test func stylesAndLinksCountCharactersNotBytes() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", #"<p>Été — “<i>naïve</i>” <a href="c1.xhtml#x">lien</a></p><p id="x">Là.</p>"#)
        let d = try book.document()
        #expect(d.blocks[0].text == "Été — “naïve” lien")
        #expect(d.blocks[0].styles == [StyleSpan(range: 7..<12, style: .emphasis)])
        #expect(d.links.map(\.range) == [14..<18])
        #expect(d.links.first?.target == .passage(block: 1, offset: 0))
    }

    @Test func aListItemOpeningOnAnEmptyLinkKeepsItsMarker() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", #"<ul><li><a href="c1.xhtml#end"></a>First</li><li> <a href="c1.xhtml#end">Second</a></li></ul><p id="end">End.</p>"#)
        let d = try book.document()
        #expect(d.blocks.map(\.text) == ["• First", "• Second", "End."])
        #expect(d.links.last?.range == 2..<8)
    }

    @Test func linksWrittenAsBooksWriteThemLeadToTheSamePlace() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", ##"<p id="here"><a href="../OPS/c2.xhtml#x">one</a> <a href="./c2.xhtml?v=1#x">two</a> <a href="c%32.xhtml#x">three</a> <a href="#here">four</a> <a href="../../c2.xhtml#x">five</a></p>"##)
        book.chapter("c2.xhtml", #"<p>Before.</p><p id="x">Target.</p>"#)
        let d = try book.document()
        #expect(d.links.map(\.target) == [.passage(block: 2, offset: 0), .passage(block: 2, offset: 0),
                                          .passage(block: 2, offset: 0), .passage(block: 0, offset: 0)])
        #expect(d.notices.contains { $0.contains("1 link(s) lead nowhere") && $0.contains("../../c2.xhtml#x") }, "\(d.notices)")
    }
}
