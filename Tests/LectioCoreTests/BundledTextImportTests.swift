import Testing
import LectioTestSupport
@testable import LectioCore

/// The bundled text: Broué's "Leon Sedov", the text every reader meets first.
@Suite struct BundledTextImportTests {
    let document: Document

    init() throws { document = try Fixtures.bundledDocument() }

    @Test func titleComesFromTheTitleLineWithoutItsByline() {
        #expect(document.title == "Leon Sedov: Trotsky’s Son, Stalin’s Victim")
    }

    @Test func sectionsAreIntroductionBookChapterSevenAndNotes() {
        #expect(document.sections.map(\.title) == [
            "Introduction by Peter Katel",
            "Leon Sedov: Trotsky’s Son, Stalin’s Victim, (Les Éditions Ouvrières, 1993)",
            "Chapter 7 — The Pen Against the Moscow Trials [excerpt]",
            "Notes",
        ])
        #expect(document.sections.map(\.line) == [5, 21, 54, 93])
        #expect(document.sections.allSatisfy { $0.level == 1 })
    }

    @Test func siteLabelsAreNotChapters() {
        let labels = document.blocks.filter { $0.kind == .label }.map(\.text)
        #expect(labels == ["French to English", "French to English Translation"])
        #expect(!document.sections.contains { $0.title.hasPrefix("French to English") })
    }

    @Test func bylineStandsUnderTheBooksTitle() throws {
        let book = document.sections[1].block
        #expect(document.blocks[book + 1].kind == .byline)
        #expect(document.blocks[book + 1].text == "By Pierre Broué")
    }

    @Test func paragraphsAreOnePerLine() {
        let paragraphs = document.blocks.filter { $0.kind == .paragraph }
        // 6 in the introduction, 14 in the book's opening, 17 in Chapter 7: one per source line.
        #expect(paragraphs.count == 37)
        #expect(paragraphs.allSatisfy { $0.lineBreaks.isEmpty })
        #expect(paragraphs.contains { $0.text == "The truth will out." } == false)
        #expect(paragraphs.contains { $0.text.hasSuffix("The truth will out.") })
    }

    /// The notes stand in another order than their markers: link by content, not by order.
    @Test func threeStarMarkersLinkToTheRightNotes() throws {
        #expect(document.footnotes.count == 3)
        #expect(document.notes.count == 3)
        let linked = document.footnotes.map { m in m.note.map { document.notes[$0].text } }
        let texts = try linked.map { try #require($0) }
        #expect(texts[0].hasPrefix("”The Cast of Trotskyite-Zinovievite Terrorist Center"))
        #expect(texts[1].hasPrefix("Thermidor was a summer month"))
        #expect(texts[2].hasPrefix("The Stakhanovite movement began"))
        #expect(document.footnotes.map { document.blocks[$0.block].sourceLine(at: $0.range.lowerBound) } == [57, 63, 73])
        #expect(document.footnotes.compactMap { $0.note.map { document.notes[$0].line } } == [93, 97, 95])
    }

    @Test func citationNumbersInsideANoteAreNotMarkers() {
        let noteBlocks = Set(document.notes.map(\.block))
        #expect(!document.footnotes.contains { noteBlocks.contains($0.block) })
        #expect(!document.footnotes.contains { $0.label == "1" || $0.label == "2" })
    }

    @Test func editorialBracketsAreNotMarkers() {
        #expect(document.footnotes.allSatisfy { $0.label == "*" })
    }

    @Test func outlineReportsNothingUnlinked() throws {
        let outline = Outline(document: document)
        #expect(outline.unlinkedNotes.isEmpty)
        #expect(outline.unlinkedMarkers == 0)
        #expect(outline.footnotes.map(\.noteLine) == [93, 97, 95])
        #expect(outline.footnotes[1].before.hasSuffix("Moscow Thermidorians."))
        #expect(outline.footnotes[1].before.count <= 40)
    }
}
