import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI

/// Search, history, marks, go-to, paragraph references, resume and the mouse.
@Suite struct NavigationScenarioTests {
    let document: Document

    init() throws { document = try Fixtures.bundledDocument() }

    func press(_ s: AppState, _ keys: [Key]) { for k in keys { _ = s.update(.key(k)) } }
    func search(_ s: AppState, _ query: String) { press(s, [.char("/")] + Key.typing(query) + [.enter]) }
    var cursorText: (AppState) -> String { { s in s.layout.line(at: s.cursor).text } }

    @Test func thermidorLandsOnTheFirstMentionHighlightsAndCounts() throws {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        let start = s.cursorOffset
        search(s, "thermidor")
        #expect(cursorText(s).contains("Thermidorians"))
        let screen = FrameRenderer.render(s)
        #expect(screen.line(39).contains("match 1 of 2"))
        let row = try #require(ScreenText.row(of: "Moscow Thermidorians.*", in: screen))
        let col = try #require(screen.line(row).range(of: "Thermidorians").map { screen.line(row).distance(from: screen.line(row).startIndex, to: $0.lowerBound) })
        #expect(screen[col, row].style.role == .match)
        #expect(screen[col + 9, row].style.role != .match)
        press(s, [.char("n")])
        #expect(s.search.currentMatch == 1)
        #expect(FrameRenderer.render(s).line(39).contains("match 2 of 2"))
        // The second mention is in a footnote: its popup opens.
        guard s.layers.topIs(FootnotePopup.self) else { Issue.record("no popup for a match in a note"); return }
        press(s, [.ctrl("o")])
        #expect(s.layers.isEmpty)
        #expect(s.cursorOffset == start)
    }

    @Test func aQueryWithNoMatchSaysSoAndStaysPut() {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        press(s, [.char("j"), .char("j")])
        let before = (s.cursor, s.top)
        search(s, "zebra crossing")
        #expect(s.message == "Not found: zebra crossing")
        #expect(s.cursor == before.0 && s.top == before.1)
    }

    @Test func nWrapsAtTheEndWithANotice() {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        search(s, "Robespierre")
        press(s, [.escape, .char("n")])
        #expect(s.message?.contains("continued at the start") == true)
    }

    @Test func promptEditingAndRecall() {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        search(s, "Vyshinsky")
        press(s, [.char("/")] + Key.typing("abc") + [.left, .backspace, .char("X")])
        guard let p = s.layers.top(as: Prompt.self) else { Issue.record("no prompt"); return }
        #expect(p.text == "aXc")
        #expect(FrameRenderer.render(s).line(39).hasPrefix("/aXc"))
        press(s, [.ctrl("u"), .up])
        guard let q = s.layers.top(as: Prompt.self) else { Issue.record("no prompt"); return }
        #expect(q.text == "Vyshinsky")
        press(s, [.escape])
        #expect(s.layers.isEmpty)
    }

    @Test func marksAndQuoteQuote() {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        press(s, [.char("j"), .char("j"), .char("m"), .char("a")])
        let marked = s.cursorOffset
        press(s, [.char("G"), .char("'"), .char("a")])
        #expect(s.cursorOffset == marked)
        press(s, [.char("'"), .char("'")])
        #expect(s.percent == 100)
        press(s, [.char("'"), .char("z")])
        #expect(s.message == "Mark z is not set")
    }

    @Test func goToSectionNumberTitlePercentAndParagraph() throws {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        press(s, [.char(":")] + Key.typing("7") + [.enter])
        #expect(s.currentSection?.title.hasPrefix("Chapter 7") == true)
        press(s, [.char("g"), .char(":")] + Key.typing("chapter 7") + [.enter])
        #expect(s.currentSection?.title.hasPrefix("Chapter 7") == true)
        press(s, [.char(":")] + Key.typing("50%") + [.enter])
        #expect((45...55).contains(s.percent))
        let chapter = try #require(document.sections.firstIndex { $0.title.hasPrefix("Chapter 7") })
        press(s, [.char(":")] + Key.typing("\(chapter + 1).3") + [.enter])
        #expect(s.paragraphReferences.label(ofBlock: s.cursor.block) == "\(chapter + 1).3")
        press(s, [.char(":")] + Key.typing("nonsense") + [.enter])
        #expect(s.message?.hasPrefix("Nothing to go to") == true)
    }

    @Test func paragraphReferencesShowInTheMarginAtEveryWidth() throws {
        for width in [80, 140] {
            let s = AppState(document: document, width: width, height: 30, lineLength: nil)
            press(s, [.char("#"), .char(":")] + Key.typing("3") + [.enter])
            let screen = FrameRenderer.render(s)
            // The reference stands left of the cursor and note marks, which stand just left of the text.
            #expect(screen.lines.contains { $0.hasPrefix("   3.1 ") && $0.dropFirst(9).hasPrefix("…[He agrees]") }, "width \(width)")
        }
    }

    @Test func resumeAtAnotherWidthIsTheSameParagraph() {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        press(s, [.char("m"), .char("b")])
        search(s, "Vyshinsky")
        let block = s.cursor.block
        let saved = s.readingState
        for width in [60, 100, 200] {
            let again = AppState(document: document, width: width, height: 30, lineLength: nil)
            again.restore(saved, fromStart: false)
            #expect(again.cursor.block == block)
            #expect(again.layout.line(at: again.cursor).text.contains("Vyshinsky"), "width \(width)")
            #expect(again.history == s.history)
            #expect(again.marks == ["b": document.blocks[document.startBlock].start])
        }
        let fresh = AppState(document: document, width: 100, height: 30, lineLength: nil)
        fresh.restore(saved, fromStart: true)
        #expect(fresh.cursor.block == document.startBlock)
        #expect(fresh.search.history == ["Vyshinsky"])
    }

    @Test func mouseClickOnAMarkerOpensItsNoteAndWheelScrolls() throws {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        press(s, [.char("]"), .char("]"), .char("]")])
        let screen = FrameRenderer.render(s)
        let row = try #require(ScreenText.row(of: "trial of the 16.* In it", in: screen))
        let line = screen.line(row)
        let col = line.distance(from: line.startIndex, to: try #require(line.range(of: "16.*")).lowerBound) + 3
        _ = s.update(.mouse(MouseEvent(kind: .click, x: col, y: row), regions: FrameRenderer.frame(s).regions))
        guard let popup = s.layers.top(as: FootnotePopup.self) else { Issue.record("no popup"); return }
        #expect(popup.marker == 0)
        _ = s.update(.mouse(MouseEvent(kind: .click, x: 0, y: 0), regions: FrameRenderer.frame(s).regions))
        #expect(s.layers.isEmpty)
        let top = s.top
        _ = s.update(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 10), regions: FrameRenderer.frame(s).regions))
        #expect(s.layout.distance(from: top, to: s.top) == 3)
        _ = s.update(.mouse(MouseEvent(kind: .wheelUp, x: 10, y: 10), regions: FrameRenderer.frame(s).regions))
        #expect(s.top == top)
    }

    @Test func mouseClickOnContentsAndOnANoteJumps() throws {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        press(s, [.char("t")])
        let screen = FrameRenderer.render(s)
        let row = try #require(ScreenText.row(of: "Chapter 7 — The Pen", in: screen))
        _ = s.update(.mouse(MouseEvent(kind: .click, x: 40, y: row), regions: FrameRenderer.frame(s).regions))
        #expect(s.layers.isEmpty)
        #expect(s.currentSection?.title.hasPrefix("Chapter 7") == true)
        let text = CanonicalText(document: document)
        let start = try #require(text.occurrences(of: Array("Kremlin-ordered".unicodeScalars)).first)
        _ = s.update(.notesChanged([Annotation(anchor: Anchoring.anchor(document: document, text: text, start: start, end: start + 15), body: "B")]))
        press(s, [.char("A"), .char("s"), .escape])
        let notesScreen = FrameRenderer.render(s)
        let noteRow = try #require(ScreenText.row(of: "“Kremlin-ordered”", in: notesScreen))
        _ = s.update(.mouse(MouseEvent(kind: .click, x: 120, y: noteRow), regions: FrameRenderer.frame(s).regions))
        #expect(s.currentSection?.title == "Introduction by Peter Katel")
    }
}
