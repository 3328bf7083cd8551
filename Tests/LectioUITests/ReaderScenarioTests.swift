import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI

/// Whole scenarios on the bundled text, on an in-memory screen.
@Suite struct ReaderScenarioTests {
    let document: Document

    init() throws { document = try Fixtures.bundledDocument() }

    func state(_ width: Int = 140, _ height: Int = 40) -> AppState {
        AppState(document: document, width: width, height: height)
    }

    func press(_ state: AppState, _ keys: Key...) {
        for key in keys { _ = state.update(.key(key)) }
    }

    @Test func firstFrameShowsThreePanesAndTheStatusLine() {
        let s = state()
        let screen = FrameRenderer.render(s)
        #expect(screen.line(0).hasPrefix("▌ French to English"))
        #expect(screen.line(0).contains("Footnotes on this page"))
        #expect(screen.lines.contains { $0.contains("Personal notes") })
        #expect(screen.lines.contains { $0.contains("No footnote markers on this page.") })
        let status = screen.line(39)
        #expect(status.hasPrefix(" Leon Sedov: Trotsky’s Son, Stalin’s Victim"))
        #expect(status.hasSuffix("0%  ? help"))
    }

    @Test func sectionKeysReachChapterSevenAndBack() {
        let s = state()
        press(s, .char("]"), .char("]"), .char("]"))
        #expect(s.currentSection?.title == "Chapter 7 — The Pen Against the Moscow Trials [excerpt]")
        let screen = FrameRenderer.render(s)
        #expect(screen.lines.contains { $0.contains("▌ Chapter 7 — The Pen Against the Moscow Trials [excerpt]") })
        #expect(screen.line(39).contains("› Chapter 7 — The Pen"))
        press(s, .char("["))
        #expect(s.currentSection?.title.hasPrefix("Leon Sedov: Trotsky’s Son") == true)
        press(s, .ctrl("o"))
        #expect(s.currentSection?.title.hasPrefix("Chapter 7") == true)
        press(s, .ctrl("n"))
        #expect(s.currentSection?.title.hasPrefix("Leon Sedov") == true)
    }

    /// The issue's own check: from Chapter 7's heading, Tab+Enter three times shows the notes
    /// on the trial of the sixteen, on Thermidor and on Stakhanovism, in turn.
    @Test func tabEnterThreeTimesShowsTheThreeNotesInTurn() {
        let s = state()
        press(s, .char("]"), .char("]"), .char("]"))
        let expected = ["Trotskyite-Zinovievite Terrorist", "Thermidor was a summer month", "The Stakhanovite movement began"]
        for text in expected {
            press(s, .tab, .enter)
            let screen = FrameRenderer.render(s)
            guard s.layers.topIs(FootnotePopup.self) else {
                Issue.record("no popup open")
                return
            }
            let box = screen.lines.filter { $0.contains("│") }.joined(separator: "\n")
            #expect(screen.lines.contains { $0.contains("┌─ Footnote * ─") })
            #expect(box.contains(text), "popup should show \(text)")
        }
    }

    @Test func shiftTabSelectsThePreviousMarker() {
        let s = state()
        press(s, .char("]"), .char("]"), .char("]"), .tab, .tab, .tab)
        #expect(s.selectedMarker == 2)
        press(s, .backTab)
        #expect(s.selectedMarker == 1)
        press(s, .backTab, .backTab)
        #expect(s.selectedMarker == 0)
        #expect(s.message == "No footnote marker before this point")
        // Without a selection, Shift-Tab finds the last marker before the cursor.
        press(s, .char("G"), .backTab)
        #expect(s.selectedMarker == 2)
    }

    @Test func popupClosesWithEscOrQAndQQuitsOnlyWhenNothingIsOpen() {
        let s = state()
        press(s, .char("]"), .char("]"), .char("]"), .tab, .enter)
        #expect(s.layers.count == 1)
        #expect(s.update(.key(.char("q"))).isEmpty)
        #expect(s.layers.isEmpty)
        press(s, .enter)
        press(s, .escape)
        #expect(s.layers.isEmpty)
        #expect(s.update(.key(.char("q"))) == [.quit])
        #expect(s.update(.key(.ctrl("c"))) == [.quit])
    }

    @Test func enterInThePopupGoesToTheNoteAndBackReturns() {
        let s = state()
        press(s, .char("]"), .char("]"), .char("]"), .tab, .tab, .enter, .enter)
        #expect(s.layers.isEmpty)
        #expect(s.currentSection?.title == "Notes")
        #expect(document.blocks[s.cursor.block].text.hasPrefix("*Thermidor"))
        press(s, .backspace)
        #expect(document.blocks[s.cursor.block].text.contains("Moscow Thermidorians.*"))
    }

    @Test func selectedMarkerIsHighlightedAndListedInTheFootnotesPane() {
        let s = state()
        press(s, .char("]"), .char("]"), .char("]"), .tab)
        let screen = FrameRenderer.render(s)
        let marker = document.footnotes[0]
        let p = s.position(ofMarker: 0)
        let row = s.layout.distance(from: s.top, to: p)
        let line = s.layout.line(at: p)
        let col = s.panes.textColumn.x + CharacterWidth.unicode.width(of: line.text.unicodeScalars.prefix(marker.range.lowerBound - line.start).map(Character.init).map(String.init).joined())
        #expect(screen[col, row].text == "*")
        #expect(screen[col, row].style.attributes.contains(.reverse))
        #expect(screen.lines.contains { $0.contains("*  …the trial of the 16.*") })
    }

    @Test func contentsPopupListsSectionsAndJumps() {
        let s = state()
        press(s, .char("t"))
        let screen = FrameRenderer.render(s)
        for title in document.sections.map(\.title) {
            #expect(screen.lines.contains { $0.contains(title) }, "contents should list \(title)")
        }
        press(s, .char("j"), .char("j"), .enter)
        #expect(s.currentSection?.title.hasPrefix("Chapter 7") == true)
        press(s, .ctrl("o"))
        #expect(s.cursor.block == document.startBlock)
    }

    @Test func helpListsEveryKeyOfTheKeymap() {
        // Page through the help screen and gather everything it showed.
        let s = state(140, 40)
        press(s, .char("?"))
        var text = ""
        for _ in 0..<20 {
            text += FrameRenderer.render(s).text
            press(s, .space)
        }
        for (mode, bindings) in Keymap.standard.bindings {
            for binding in bindings {
                #expect(text.contains(binding.command.summary), "\(mode): \(binding.command)")
                for key in binding.keys { #expect(text.contains(key.label), "\(mode): key \(key.label)") }
            }
        }
    }

    @Test func narrowScreenFoldsPanesAndKeysToggleThem() {
        let s = state(80, 24)
        var screen = FrameRenderer.render(s)
        #expect(!screen.text.contains("Footnotes on this page"))
        press(s, .char("F"))
        screen = FrameRenderer.render(s)
        #expect(screen.text.contains("Footnotes on this page"))
        press(s, .char("P"))
        screen = FrameRenderer.render(s)
        #expect(screen.text.contains("Personal notes"))
        press(s, .char("F"), .char("P"))
        #expect(!FrameRenderer.render(s).text.contains("Personal notes"))
    }

    @Test func theTitlePageAfterAGutenbergHeaderIsInNoSection() throws {
        let scarlet = try Fixtures.document("study-in-scarlet.txt")
        let s = AppState(document: scarlet, width: 100, height: 30)
        #expect(s.currentSection == nil)
        #expect(!FrameRenderer.render(s).line(29).contains("Project Gutenberg header"))
        press(s, .char("g"))
        #expect(s.currentSection?.title == "Project Gutenberg header")
        press(s, .char("]"))
        #expect(s.currentSection?.title == "PART I.")
    }

    @Test func tooSmallTerminalSaysSoAndStillQuits() {
        let tiny = FrameRenderer.render(state(12, 5))
        #expect(tiny.lines.joined(separator: " ").contains("small"))
        let s = state(30, 8)
        let screen = FrameRenderer.render(s)
        let difference = ScreenText.difference(screen, expected: [
            "",
            "",
            "      Terminal too small",
            "     Lectio needs 40×10;",
            "      this one is 30×8.",
            "  Enlarge it, or q to quit.",
            "",
            "",
        ])
        #expect(difference == nil, "\(difference ?? "")")
        #expect(screen.text.contains("Terminal too small"))
        #expect(screen.text.contains("this one is 30×8."))
        #expect(s.update(.key(.char("q"))) == [.quit])
    }

    @Test func resizingKeepsTheCursorOnTheSameWordsAndThePopupOpen() {
        let s = state()
        press(s, .char("]"), .char("]"), .char("]"), .tab, .tab, .enter)
        let offset = s.cursorOffset
        let before = FrameRenderer.render(s)
        _ = s.update(.resize(width: 60, height: 20))
        var screen = FrameRenderer.render(s)
        #expect(screen.text.contains("Thermidor was a summer"))
        #expect(screen.lines.allSatisfy { CharacterWidth.unicode.width(of: $0) <= 60 })
        #expect(abs(s.cursorOffset - offset) < 60)
        _ = s.update(.resize(width: 140, height: 40))
        screen = FrameRenderer.render(s)
        #expect(screen.text.contains("┌─ Footnote * ─"))
        #expect(s.cursorOffset == offset)
        // There and back gives the very screen the reader had.
        #expect(screen == before)
    }

    @Test func pagingMovesAPageAndStopsAtTheEnds() {
        let s = state(100, 30)
        let before = s.top
        press(s, .space)
        #expect(s.layout.distance(from: before, to: s.top) == 27)
        press(s, .char("b"))
        #expect(s.top == before)
        press(s, .char("G"))
        #expect(s.percent == 100)
        let screen = FrameRenderer.render(s)
        #expect(screen.text.contains("Thermidor was a summer month"))
        press(s, .char("g"))
        #expect(s.cursor == s.layout.first)
    }

    @Test func cursorMovesByLineAndSkipsBlankLines() {
        let s = state(100, 30)
        press(s, .char("j"))
        #expect(s.cursor == LinePosition(block: 1, line: 0))
        press(s, .down, .up, .char("k"))
        #expect(s.cursor == LinePosition(block: 0, line: 0))
    }

    @Test func appLoopRunsAScriptOnAnInMemoryTerminal() {
        let terminal = InMemoryTerminal(width: 140, height: 40, keys: [.char("]"), .char("]"), .char("]"), .tab, .enter, .resize, .escape, .char("q")], resizes: [(60, 20)])
        let s = AppState(document: document, width: 10, height: 10)
        App(state: s, terminal: terminal).run()
        #expect(terminal.keys.isEmpty)
        #expect(terminal.frames.count == 8)
        #expect(terminal.frames[5].text.contains("Trotskyite-Zinovievite"))
        #expect(terminal.frames[6].width == 60)
        #expect(terminal.frames[6].text.contains("Footnote *"))
        #expect(!(terminal.lastFrame?.text.contains("Footnote *") ?? true))
    }
}
