import Testing
import LectioTestSupport
@testable import LectioCore

@Suite struct MarkdownImportTests {
    @Test func rfcHas47SectionsOnThreeLevelsAndNineLinkedReferences() throws {
        let d = try Fixtures.document("rfc-3392-leadership-council.md")
        #expect(d.sections.count == 47)
        #expect(Set(d.sections.map(\.level)) == [2, 3, 4])
        #expect(d.sections.first?.title == "Summary")
        #expect(d.sections.first { $0.title == "Initial list of top-level teams" }?.level == 4)
        #expect(d.sections.first { $0.title == "Top-level teams" }?.level == 3)
        #expect(d.footnotes.count == 9)
        #expect(d.notes.count == 9)
        for m in d.footnotes {
            let note = try #require(m.note)
            #expect(d.notes[note].label == m.label)
        }
        // Defined at the end, in another order than referenced.
        #expect(d.notes.map(\.label) != d.footnotes.map(\.label))
        #expect(Outline(document: d).unlinkedNotes.isEmpty)
        // Link reference definitions are neither shown nor notes.
        #expect(!d.blocks.contains { $0.text.hasPrefix("[top-level-teams]:") })
    }

    func doc(_ text: String) -> Document { Fixtures.document(text: text, name: "t.md") }

    @Test func headingsAtxSetextAndNotInCode() {
        let d = doc("""
            # One #

            Two
            ===

            Three
            -----

            ```sh
            # not a heading
            ```

                # indented code, not a heading

            ###### Six
            """)
        #expect(d.sections.map(\.title) == ["One", "Two", "Three", "Six"])
        #expect(d.sections.map(\.level) == [1, 1, 2, 6])
        #expect(d.blocks.contains { $0.kind == .preformatted && $0.text == "# not a heading" })
    }

    @Test func titleFromFrontMatterOrPandocBlock() {
        #expect(doc("---\ntitle: \"Le *Vrai* Titre\"\nauthor: x\n---\n\nText.").title == "Le Vrai Titre")
        #expect(doc("% Pandoc Title\n% Author\n\nText.").title == "Pandoc Title")
        #expect(doc("Just text.").title == "t")
    }

    @Test func emphasisStrongCodeAndLinksBecomeStyledText() throws {
        let d = doc("Some *emph*, __strong__, `a*b*c`, [a link](http://x.y \"t\"), ![alt](i.png), snake_case_name, 2 * 3 * 4.")
        let b = try #require(d.blocks.first)
        #expect(b.text == "Some emph, strong, a*b*c, a link, alt, snake_case_name, 2 * 3 * 4.")
        let styled = b.styles.map { (String(String.UnicodeScalarView(b.scalars[$0.range])), $0.style) }
        #expect(styled.map(\.0) == ["emph", "strong", "a*b*c"])
        #expect(styled.map(\.1) == [.emphasis, .strong, .code])
    }

    @Test func footnotesWithSeveralParagraphsAndReferencesWithColons() throws {
        let d = doc("""
            Text with a reference[^long] and another[^b]: a colon after it.

            [^b]: Short note.

            [^long]: First paragraph
            continued lazily.

                Second paragraph, indented.

            After the notes.
            """)
        #expect(d.footnotes.map(\.label) == ["long", "b"])
        let long = try #require(d.footnotes[0].note)
        #expect(d.notes[long].text == "First paragraph continued lazily.\nSecond paragraph, indented.")
        #expect(d.notes[try #require(d.footnotes[1].note)].text == "Short note.")
        #expect(d.blocks.last?.text == "After the notes.")
        #expect(d.blocks[0].text == "Text with a reference[long] and another[b]: a colon after it.")
    }

    @Test func quotesListsAndBreaks() {
        let d = doc("> quoted\n> more\n\n- one\n- two\n1. first\n\n---\n\nEnd.")
        #expect(d.blocks.map(\.kind) == [.quote, .listItem, .listItem, .listItem, .sceneBreak, .paragraph])
        #expect(d.blocks[0].text == "quoted more")
        #expect(d.blocks[1].text == "• one")
        #expect(d.blocks[3].text == "1. first")
    }
}

/// Markdown links keep their text in the flow and their destination as a link of the document.
@Suite struct MarkdownLinkTests {
    @Test func linksKeepTheirTextAndTheirDestination() throws {
        let d = Fixtures.document(text: """
            # Title

            See [the RFC](https://example.org/rfc "The RFC") and <https://example.com/a>, not ![a picture](p.png) nor [a section](#motivation).
            """, name: "links.md")
        let block = try #require(d.blocks.last)
        #expect(block.text == "See the RFC and https://example.com/a, not a picture nor a section.")
        let shown = d.links.map { link -> String in
            let s = Array(d.blocks[link.block].text.unicodeScalars)[link.range]
            return String(String.UnicodeScalarView(s))
        }
        #expect(shown == ["the RFC", "https://example.com/a"])
        #expect(d.links.map(\.target) == [.external("https://example.org/rfc"), .external("https://example.com/a")])
    }
}
