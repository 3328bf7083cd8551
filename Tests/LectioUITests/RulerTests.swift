import LectioCore
import LectioTestSupport
import Testing
@testable import LectioUI

/// The overview ruler: the whole text scaled to the text pane's rows, with the view and the
/// marks where the book has them, from a short story to a very long book.
@Suite struct RulerTests {
    @Test func marksFallOnTheirRowsAndTheStrongerWins() {
        let ruler = Ruler(rows: 10, length: 1000, view: 0..<100, sections: [0, 500], footnotes: [510, 720],
                          notes: [300..<420], matches: [999, 725])
        // Row 5: a section and a footnote, the footnote shows; row 7: a footnote and a match.
        #expect(ruler.picture == "S··nnf·m·m")
        #expect(ruler.view == 0...0)
        #expect(ruler.offset(ofRow: 5) == 500)
    }

    /// A story of five equal chapters: each chapter's start is a fifth of the way down.
    @Test func aShortStoryOfFiveEqualChaptersPutsEachAFifthDown() throws {
        let chapter = (1...5).map { n in
            "CHAPTER \(n)\n\n" + String(repeating: "Words of a plain paragraph in this story go on here.\n\n", count: 12)
        }
        let document = Fixtures.document(text: chapter.joined())
        #expect(document.sections.count == 5)
        let state = AppState(document: document, width: 80, height: 31)
        let ruler = try #require(state.ruler)
        #expect(ruler.rows == 30)
        let sectionRows = ruler.marks.indices.filter { ruler.marks[$0] == .section }
        #expect(sectionRows == [0, 6, 12, 18, 24])
    }

    @Test func aLongBookShowsOneSearchHitOnItsRowAndClickingThereJumps() throws {
        // 300 chapters of about 10 KB: a 3 MB book, some 3,000 pages.
        var text = ""
        let paragraph = String(repeating: "The long road went on past the mill and over the hill again. ", count: 16)
        for n in 1...300 {
            text += "CHAPTER \(n)\n\n"
            for p in 0..<10 { text += (n == 151 && p == 5 ? "Here the quokka appears once. " : "") + paragraph + "\n\n" }
        }
        let state = AppState(document: Fixtures.document(text: text), width: 100, height: 31)
        #expect(state.document.sections.count == 300)
        _ = state.update(.key(.char("/")))
        for c in "quokka" { _ = state.update(.key(.char(c))) }
        _ = state.update(.key(.enter))
        // The search moved the view to the hit; go back to the start to see it from afar.
        _ = state.update(.key(.char("g")))
        let ruler = try #require(state.ruler)
        let matchRows = ruler.marks.indices.filter { ruler.marks[$0] == .match }
        // Chapter 151 of 300 begins half-way: the middle of 30 rows, 15 (its sixth paragraph, a hair later).
        #expect(matchRows == [15])
        #expect(ruler.view == 0...0)
        // Every other row holds section starts: 10 chapters a row.
        #expect(ruler.marks.enumerated().allSatisfy { $0.offset == 15 || $0.element == .section })
        let rect = try #require(state.rulerRect)
        #expect(rect.x == 99)
        _ = state.update(.mouse(MouseEvent(kind: .click, x: rect.x, y: rect.y + 15), regions: FrameRegions()))
        #expect(state.currentSection?.title == "CHAPTER 151")
        #expect(try #require(state.ruler).view.contains(15))
        // The jump is recorded: Back returns to the start.
        _ = state.update(.key(.ctrl("o")))
        #expect(state.cursorOffset == 0)
    }

    /// The bundled text at 100×30: its three footnote markers lie in Chapter 7, before the
    /// notes at the end; the view is drawn with `▐` and marks with `▪`/`█` in their colours.
    @Test func theBundledTextsFootnotesLieInChapterSeven() throws {
        let state = AppState(document: try Fixtures.bundledDocument(), width: 100, height: 30)
        let ruler = try #require(state.ruler)
        let sections = state.document.sections
        let chapter7 = try #require(sections.firstIndex { $0.title.hasPrefix("Chapter 7") })
        let start = ruler.row(of: state.document.blocks[sections[chapter7].block].start)
        let notes = ruler.row(of: state.document.blocks[sections[chapter7 + 1].block].start)
        let footnoteRows = ruler.marks.indices.filter { ruler.marks[$0] == .footnote }
        #expect(!footnoteRows.isEmpty)
        #expect(footnoteRows.allSatisfy { $0 >= start && $0 < notes })
        let screen = FrameRenderer.render(state)
        let column = (0..<29).map { screen[99, $0] }
        #expect(column[0].text == "█" || column[0].text == "▐")
        for row in footnoteRows {
            #expect(column[row].text == "▪")
            #expect(column[row].style.role == .marker)
        }
        // R hides it, and the column is blank.
        _ = state.update(.key(.char("R")))
        #expect(state.rulerRect == nil)
        #expect(FrameRenderer.render(state)[99, footnoteRows[0]].text == " ")
    }

    /// A note on the last paragraph of a long text: its row, the last, is a note mark; a
    /// footnote marker on the same row would not hide it.
    @Test func aPersonalNoteIsMarkedOnItsRow() throws {
        let document = try Fixtures.document("study-in-scarlet.txt")
        let canonical = CanonicalText(document: document)
        let block = document.blocks[document.blocks.count / 2]
        let anchor = Anchoring.anchor(document: document, text: canonical, start: block.start, end: block.start + 20)
        let plain = AppState(document: document, width: 100, height: 30)
        #expect(try #require(plain.ruler).marks.allSatisfy { $0 != .note })
        let state = AppState(document: document, width: 100, height: 30, notes: [Annotation(anchor: anchor, body: "Half-way")])
        let ruler = try #require(state.ruler)
        let noteRows = ruler.marks.indices.filter { ruler.marks[$0] == .note }
        #expect(noteRows == [block.start * 29 / document.scalarCount])
    }
}
