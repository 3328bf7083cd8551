import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// The EPUBs in `Tests/Fixtures/epub` (see `../shared/texts/SOURCES.md` for what each holds).
@Suite struct EPUBFixtureTests {
    static func open(_ name: String) throws -> Document {
        try Fixtures.document("epub/\(name).epub")
    }

    /// The section that holds the block where the book opens.
    static func openingSection(_ d: Document) -> Section? {
        d.sectionIndex(containing: d.startBlock).map { d.sections[$0] }
    }

    @Test func mobyDickOpensAtChapterOneWithItsFlatContentsAndOneFootnote() throws {
        let d = try Self.open("moby-dick")
        #expect(d.title == "Moby-Dick")
        #expect(d.creators == ["Herman Melville"])
        let ofTheBook = d.sections.filter { !$0.isMatter }
        #expect(ofTheBook.count == 141)
        #expect(ofTheBook.allSatisfy { $0.level == 1 })
        #expect(Self.openingSection(d)?.title == "Chapter 1. Loomings.")
        #expect(d.blocks[d.startBlock].text.contains("Loomings"))
        #expect(d.footnotes.count == 1)
        let marker = try #require(d.footnotes.first)
        #expect(marker.label == "1")
        let note = d.notes[try #require(marker.note)]
        #expect(note.source == "OPS/preface_001.xhtml#n1")
        #expect(note.text == "These have been corrected in this EPUB3 edition.")
        // The aside is not in the reading flow: it stands in the notes section at the end.
        let notesSection = try #require(d.sections.last)
        #expect(notesSection.isMatter && notesSection.title == "Footnotes")
        #expect(note.block > notesSection.block)
        #expect(!d.blocks[..<notesSection.block].contains { $0.text.contains("These have been corrected") })
        // The four fonts left out of the zip are never read: no notice about them.
        #expect(!d.notices.contains { $0.contains("fonts/") })
    }

    @Test func accessibleEPUBHasNestedContentsAndTakesNoEscapedMarkupForANote() throws {
        let d = try Self.open("accessible-epub-3")
        #expect(d.sections.count == 47)
        #expect(d.sections.filter { $0.level == 1 }.count == 5)
        #expect(d.sections.map(\.level).max() == 3)
        #expect(d.footnotes.isEmpty && d.notes.isEmpty)
        #expect(d.blocks.contains { $0.kind == .preformatted && $0.text.contains("epub:type=\"noteref\"") })
        #expect(Self.openingSection(d)?.title == "Preface")
        #expect(!d.blocks[d.startBlock].text.isEmpty)
        // Every image has alt text, shown in its place.
        #expect(d.blocks.contains { $0.text.contains("[image: ") })
    }

    @Test func childrensLiteratureKeepsItsFourLevelsAndAnnotations() throws {
        let d = try Self.open("childrens-literature")
        let ofTheBook = d.sections.filter { !$0.isMatter }
        #expect(ofTheBook.count == 31)
        #expect(ofTheBook.map(\.level).max() == 4)
        // An unlinked author heading starts where its first story does.
        let isaacs = try #require(ofTheBook.firstIndex { $0.title == "Abram S. Isaacs" })
        #expect(ofTheBook[isaacs].block == ofTheBook[isaacs + 1].block)
        #expect(ofTheBook[isaacs + 1].level == ofTheBook[isaacs].level + 1)
        // Not on the cover's empty page.
        #expect(Self.openingSection(d)?.title == "INTRODUCTORY")
        #expect(d.footnotes.count == 3)
        let first = try #require(d.footnotes.first?.note)
        #expect(d.notes[first].text == "Transcriber's Note: original reads 'Emporer's'")
        #expect(d.notes[first].source == "EPUB/s04.xhtml#s04-a01")
    }

    @Test func epictetusLinksNinetyEightEndnotesInTheirOwnDocument() throws {
        let d = try Self.open("epictetus-short-works")
        #expect(d.sections.count == 243)
        #expect(Self.openingSection(d)?.title == "The Enchiridion")
        #expect(d.footnotes.count == 98)
        #expect(d.footnotes.allSatisfy { $0.note != nil })
        let sources = d.footnotes.compactMap { $0.note.flatMap { d.notes[$0].source } }
        #expect(sources.count == 98)
        #expect(sources.allSatisfy { $0.hasPrefix("epub/text/endnotes.xhtml#note-") })
        #expect(Set(sources).count == 98)
        #expect(d.footnotes[0].source == "epub/text/the-enchiridion.xhtml#noteref-1")
        let note1 = d.notes[try #require(d.footnotes[0].note)]
        #expect(note1.text.hasPrefix("In Schweighaeuser’s edition the title is “Επικτήτου ἐγχειρίδιον."))
        #expect(!d.notes.contains { $0.text.contains("↩") })
        // The endnotes stay readable where they are, in a section of their own.
        let endnotes = try #require(d.sections.first { $0.title == "Endnotes" })
        #expect(!endnotes.isMatter)
        #expect(note1.block > endnotes.block)
        #expect(!d.sections.contains { $0.isMatter })
    }

    @Test func briefeHasAnNCXAndUntypedFootnotesInAnotherDocument() throws {
        let d = try Self.open("briefe-aus-dem-gefaengnis")
        #expect(d.title == "Briefe aus dem Gefängnis")
        #expect(d.language == "de")
        // No landmark, no guide: the first entry of the table of contents, past the Gutenberg header.
        #expect(Self.openingSection(d)?.title == "BRIEFE AUS DEM GEFÄNGNIS")
        #expect(d.sections.count == 7)
        #expect(d.sections.allSatisfy { $0.level == 1 })
        #expect(d.footnotes.count == 5)
        #expect(d.footnotes.map(\.label) == ["1", "2", "3", "4", "5"])
        let notes = d.footnotes.compactMap { $0.note.map { d.notes[$0] } }
        #expect(notes.count == 5)
        #expect(notes.allSatisfy { $0.source?.hasSuffix("26964-h-2.htm.html#Footnote_\($0.label)_\($0.label)") == true })
        // The label link at the head of the note is also its way back: it stays.
        #expect(notes[0].text == "[1] Diese Karte ist die einzige Karte aus der Freiheit. Am 10. 7. 16 erfolgte Rosa Luxemburgs Verhaftung.")
    }

    @Test func outlineJSONGivesSourcesForSectionsMarkersAndNotes() throws {
        let d = try Self.open("epictetus-short-works")
        let json = try Outline(document: d).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let footnotes = try #require(object["footnotes"] as? [[String: Any]])
        #expect(footnotes.count == 98)
        #expect(footnotes.allSatisfy { ($0["noteSource"] as? String)?.hasPrefix("epub/text/endnotes.xhtml#note-") == true })
        #expect(footnotes.allSatisfy { ($0["source"] as? String)?.hasPrefix("epub/text/") == true })
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.allSatisfy { ($0["source"] as? String)?.hasPrefix("epub/text/") == true })
        // Plain text keeps its lines and has no sources.
        let plain = try Outline(document: Fixtures.bundledDocument()).json()
        #expect(!plain.contains("\"source\"") && !plain.contains("noteSource"))
    }
}
