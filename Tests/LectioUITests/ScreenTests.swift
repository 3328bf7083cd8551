import Testing
import LectioTestSupport
@testable import LectioUI

@Suite struct ScreenTests {
    @Test func putClipsToColumnsNotCharacters() {
        var screen = Screen(width: 10, height: 2)
        let used = screen.put("托洛茨基之子", x: 0, y: 0, maxWidth: 7)
        #expect(used == 6)
        #expect(screen.line(0) == "托洛茨")
        #expect(screen[1, 0].isContinuation)
        screen.put("Broue\u{0301}’s", x: 0, y: 1)
        #expect(screen.line(1) == "Broué’s")
        #expect(screen[4, 1].text == "e\u{0301}")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("中文", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen.line(0) == " x文")
    }

    @Test func boxHasBordersTitleAndHint() {
        var screen = Screen(width: 20, height: 4)
        screen.box(Rect(x: 0, y: 0, width: 20, height: 4), title: "Note", hint: "Esc")
        let difference = ScreenText.difference(screen, expected: [
            "┌─ Note ───────────┐",
            "│                  │",
            "│                  │",
            "└──────────── Esc ─┘",
        ])
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func paneLayoutFoldsSidePanesBelow120Columns() {
        let wide = PaneLayout(width: 140, height: 40, footnotes: true, notes: true)
        #expect(wide.footnotes != nil && wide.notes != nil)
        #expect(wide.text.width == 140 - 42)
        #expect(PaneLayout.panesShownByDefault(width: 140))
        #expect(!PaneLayout.panesShownByDefault(width: 119))
        let narrow = PaneLayout(width: 80, height: 24, footnotes: true, notes: false)
        #expect(narrow.footnotes?.y == narrow.text.maxY)
        #expect(narrow.notes == nil)
        #expect(PaneLayout(width: 39, height: 20, footnotes: false, notes: false).tooSmall)
        #expect(PaneLayout(width: 60, height: 9, footnotes: false, notes: false).tooSmall)
        #expect(!PaneLayout(width: 40, height: 10, footnotes: false, notes: false).tooSmall)
    }
}
