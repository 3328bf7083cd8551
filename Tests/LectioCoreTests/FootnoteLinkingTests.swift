import Testing
import LectioTestSupport
@testable import LectioCore

@Suite struct FootnoteLinkingTests {
    func linkedNotes(_ text: String) -> [String?] {
        let d = Fixtures.document(text: text)
        return d.footnotes.map { $0.note.map { d.notes[$0].text } }
    }

    @Test func repeatedStarsLinkByContentNotByOrder() {
        let notes = linkedNotes("""
            A Test Text

            The garden was full of roses.* Later came the storm at sea.* And then, the trains.*

            *Railways reached the town in 1850.

            *Roses of many kinds grew there.

            *A storm destroyed the harbour.
            """)
        #expect(notes == ["Roses of many kinds grew there.", "A storm destroyed the harbour.", "Railways reached the town in 1850."])
    }

    @Test func wordStemsCount() {
        #expect(ContentMatcher.similarity("thermidorians", "thermidor") > 0)
        #expect(ContentMatcher.similarity("stakhanovism", "stakhanovite") > 0)
        #expect(ContentMatcher.similarity("trial", "trials") > 0)
        #expect(ContentMatcher.similarity("garden", "gardener") > 0)
        #expect(ContentMatcher.similarity("storm", "stalin") == 0)
    }

    @Test func withoutAnyClueOrderDecides() {
        let notes = linkedNotes("""
            Title Of It

            First point.* Second point.*

            *Alpha.

            *Beta.
            """)
        #expect(notes == ["Alpha.", "Beta."])
    }

    @Test func numbersRestartingInEachChapterLinkWithinTheirChapter() {
        let d = Fixtures.document(text: """
            CHAPTER I

            One thing [1] and another [2].

            [1] First chapter, note one.

            [2] First chapter, note two.

            CHAPTER II

            Again [1] here.

            [1] Second chapter, note one.
            """)
        let texts = d.footnotes.map { $0.note.map { d.notes[$0].text } }
        #expect(texts == ["First chapter, note one.", "First chapter, note two.", "Second chapter, note one."])
    }

    @Test func missingNotesAndOrphanNotesAreReported() {
        let d = Fixtures.document(text: """
            Some Title Here

            A claim [3] stands here.

            [Footnote 4: A note nobody points to.]
            """)
        let outline = Outline(document: d)
        #expect(outline.unlinkedMarkers == 1)
        #expect(outline.footnotes.first?.note == nil)
        #expect(outline.unlinkedNotes.map(\.text) == ["A note nobody points to."])
    }

    @Test func sceneBreaksEmphasisAndEditorialBracketsAreNotNotes() {
        let d = Fixtures.document(text: """
            Some Title Here

            He said it was *very* odd [sic] and left.

            * * *

            Next morning [the 4th] was grey.
            """)
        #expect(d.footnotes.isEmpty)
        #expect(d.notes.isEmpty)
        #expect(d.blocks.contains { $0.kind == .sceneBreak })
    }

    @Test func multiParagraphBracketedFootnote() {
        let d = Fixtures.document(text: """
            Some Title Here

            Text with a marker [1] in it.

            [Footnote 1: First paragraph of the note.

            Second paragraph of the note.]

            After the note.
            """)
        #expect(d.notes.count == 1)
        #expect(d.notes[0].text == "First paragraph of the note.\nSecond paragraph of the note.")
        #expect(d.footnotes.first?.note == 0)
        #expect(d.blocks.last?.text == "After the note.")
    }

    @Test func hungarianAssignmentIsGlobal() {
        // Greedy in order would give row 0 column 0 (0.9) and row 1 column 1 (0.1): total 1.0.
        let result = Assignment.maximise([[0.9, 0.8], [0.85, 0.1]])
        #expect(result == [1, 0])
    }
}
