import Testing
import LectioTestSupport
@testable import LectioCore

/// *A Study in Scarlet* (Project Gutenberg): ` [n]` markers, `[Footnote n: …]` notes at the end.
@Suite struct GutenbergImportTests {
    let document: Document

    init() throws { document = try Fixtures.document("study-in-scarlet.txt") }

    @Test func twoPartsOfSevenChapters() {
        let parts = document.sections.filter { $0.title.hasPrefix("PART") }
        let chapters = document.sections.filter { $0.title.hasPrefix("CHAPTER") }
        #expect(parts.map(\.title) == ["PART I.", "PART II. The Country of the Saints."])
        #expect(parts.allSatisfy { $0.level == 1 })
        #expect(chapters.count == 14)
        #expect(chapters.allSatisfy { $0.level == 2 })
        #expect(chapters.first?.title == "CHAPTER I. MR. SHERLOCK HOLMES.")
    }

    @Test func headerAndLicenceAreMatterAndReadingStartsAfterTheHeader() {
        #expect(document.sections.first?.title == "Project Gutenberg header")
        #expect(document.sections.last?.title == "Project Gutenberg licence")
        #expect(document.sections.first?.isMatter == true)
        #expect(document.blocks[document.startBlock].kind != .frontMatter)
        #expect(document.blocks[..<document.startBlock].allSatisfy { $0.kind == .frontMatter })
        #expect(document.title == "A Study In Scarlet")
    }

    @Test func all25MarkersLinkToTheNoteOfTheirNumber() throws {
        #expect(document.footnotes.count == 25)
        for marker in document.footnotes {
            let note = try #require(marker.note, "marker [\(marker.label)] has no note")
            #expect(document.notes[note].label == marker.label)
        }
        #expect(Outline(document: document).unlinkedNotes.isEmpty)
    }

    /// A text whose header was stripped but whose closing line remains: the title from that
    /// line, and the line set apart as matter, not read as the last chapter's text.
    @Test func aClosingLineWithoutAHeaderEndsTheText() {
        let d = PlainTextImporter.document(from: """

            I.

            Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte, fand er sich in
            seinem Bett zu einem ungeheueren Ungeziefer verwandelt.

            II.

            Erst in der Abenddämmerung erwachte Gregor aus seinem schweren ohnmachtähnlichen
            Schlaf.

            III.

            Die schwere Verwundung Gregors, an der er über einen Monat litt.




            End of the Project Gutenberg EBook of Die Verwandlung, by Franz Kafka

            """, fallbackTitle: "file")
        #expect(d.title == "Die Verwandlung")
        #expect(d.sections.map(\.title) == ["I.", "II.", "III."])
        #expect(d.blocks.last?.kind == .frontMatter)
    }

    @Test func aMarkerInAHeadingIsKeptOutOfTheSectionTitle() {
        #expect(document.sections.contains { $0.title == "CHAPTER III. THE LAURISTON GARDEN MYSTERY" })
        #expect(document.footnotes.contains { $0.label == "6" && document.blocks[$0.block].isHeading })
    }
}
