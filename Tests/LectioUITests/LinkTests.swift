import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI

/// Links that are not footnotes (EPUB's `href="ch03.xhtml#sec2"`, or a URL): Tab selects them
/// among the markers, Enter follows an internal one as a jump that Ctrl-O undoes, and an
/// external one shows its URL.
@Suite struct LinkTests {
    /// Three paragraphs with a marker in the second, an internal link in the first to the third,
    /// and an external link in the third.
    func document() -> Document {
        var d = Fixtures.document(text: """
            A TITLE

            First paragraph, with a link to the last one in it.

            Second paragraph, with a footnote marker.[1]

            Third paragraph, with a web address at its end.

            [1] The note of the second paragraph.
            """)
        let first = d.blocks.firstIndex { $0.text.hasPrefix("First") }!
        let third = d.blocks.firstIndex { $0.text.hasPrefix("Third") }!
        /// The scalar range of `words` in block `b`.
        func range(of words: String, in b: Int) -> Range<Int> {
            let text = d.blocks[b].text
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: text.range(of: words)!.lowerBound.samePosition(in: text.unicodeScalars)!)
            return start..<(start + words.unicodeScalars.count)
        }
        d.links = [
            Link(block: first, range: range(of: "last one", in: first), target: .passage(block: third, offset: 0)),
            Link(block: third, range: range(of: "web address", in: third), target: .external("https://example.org/")),
        ]
        return d
    }

    func press(_ s: AppState, _ keys: [Key]) { for k in keys { _ = s.update(.key(k)) } }

    @Test func tabSelectsLinksAndMarkersInTextOrder() {
        let d = document()
        let s = AppState(document: d, width: 100, height: 30, lineLength: nil)
        press(s, [.tab])
        #expect(s.selectedLink == 0 && s.selectedMarker == nil)
        #expect(s.message?.hasPrefix("Link") == true)
        let screen = FrameRenderer.render(s)
        let row = ScreenText.row(of: "First paragraph", in: screen)!
        let col = screen.line(row).distance(from: screen.line(row).startIndex, to: screen.line(row).range(of: "last")!.lowerBound)
        #expect(screen[col, row].style.attributes.contains(.reverse))
        press(s, [.tab])
        #expect(s.selectedMarker == 0 && s.selectedLink == nil)
        press(s, [.tab])
        #expect(s.selectedLink == 1)
        #expect(s.message == "Link to https://example.org/ (outside the book)")
        press(s, [.backTab])
        #expect(s.selectedMarker == 0)
        press(s, [.backTab])
        #expect(s.selectedLink == 0)
    }

    @Test func enterFollowsAnInternalLinkAsAJumpThatBackUndoes() {
        let d = document()
        let s = AppState(document: d, width: 100, height: 30, lineLength: nil)
        press(s, [.tab])
        let start = s.cursor
        press(s, [.enter])
        #expect(s.layers.isEmpty)
        #expect(d.blocks[s.cursor.block].text.hasPrefix("Third"))
        #expect(s.message?.hasPrefix("→") == true)
        press(s, [.ctrl("o")])
        #expect(s.cursor == start)
    }

    @Test func anExternalLinkIsShownNotOpened() {
        let s = AppState(document: document(), width: 100, height: 30, lineLength: nil)
        press(s, [.tab, .tab, .tab])
        let before = s.cursor
        press(s, [.enter])
        #expect(s.cursor == before)
        #expect(s.layers.isEmpty)
        #expect(s.message == "Link to https://example.org/ (outside the book: Lectio opens no browser)")
    }
}

/// Justified lines widen their spaces; a click lands on what is drawn under it.
@Suite struct JustifiedClickTests {
    @Test func aClickOnAMarkerInAJustifiedLineOpensThatMarker() throws {
        let s = AppState(document: try Fixtures.bundledDocument(), width: 100, height: 40)
        for key: Key in [.char("]"), .char("]"), .char("]"), .char("J")] { _ = s.update(.key(key)) }
        #expect(s.justified)
        let frame = FrameRenderer.frame(s)
        // Every marker drawn on the screen, where it is drawn.
        var cells: [(x: Int, y: Int)] = []
        for y in 0..<frame.screen.height {
            for x in 0..<frame.screen.width where frame.screen[x, y].style.role == .marker && frame.screen[x, y].text == "*" {
                cells.append((x, y))
            }
        }
        #expect(cells.count >= 2)
        var opened: [Int] = []
        for cell in cells {
            _ = s.update(.mouse(MouseEvent(kind: .click, x: cell.x, y: cell.y), regions: FrameRenderer.frame(s).regions))
            if let popup = s.layers.top(as: FootnotePopup.self) { opened.append(popup.marker) }
            _ = s.update(.key(.escape))
        }
        // Each marker drawn opens its own note: none missed, none taken for a neighbour.
        #expect(opened.count == cells.count)
        #expect(Set(opened).count == cells.count)
    }
}
