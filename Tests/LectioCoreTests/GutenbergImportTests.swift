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

    @Test func aMarkerInAHeadingIsKeptOutOfTheSectionTitle() {
        #expect(document.sections.contains { $0.title == "CHAPTER III. THE LAURISTON GARDEN MYSTERY" })
        #expect(document.footnotes.contains { $0.label == "6" && document.blocks[$0.block].isHeading })
    }
}
