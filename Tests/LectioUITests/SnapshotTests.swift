import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI

/// Whole screens, text and styles, compared with the files in `Tests/Snapshots/` (see
/// `ScreenSnapshot` for how to re-record them after a deliberate change).
@Suite struct SnapshotTests {
    let document: Document
    init() throws { document = try Fixtures.bundledDocument() }

    func state(_ width: Int, _ height: Int, _ keys: [Key] = []) -> AppState {
        let s = AppState(document: document, width: width, height: height)
        for key in keys { _ = s.update(.key(key)) }
        return s
    }

    @Test func openingScreenAt80Columns() {
        ScreenSnapshot.check(FrameRenderer.render(state(80, 24)), named: "opening-80x24")
    }

    @Test func footnotePopupWithPanesAt140Columns() {
        let s = state(140, 40, [.char("]"), .char("]"), .char("]"), .tab, .tab, .enter])
        ScreenSnapshot.check(FrameRenderer.render(s), named: "footnote-popup-140x40")
    }

    @Test func contentsPopupAt100Columns() {
        ScreenSnapshot.check(FrameRenderer.render(state(100, 30, [.char("t"), .char("j")])), named: "contents-100x30")
    }

    @Test func searchPromptAndHighlightedMatches() {
        let s = state(100, 30, [.char("/")] + Key.typing("Moscow") + [.enter])
        ScreenSnapshot.check(FrameRenderer.render(s), named: "search-moscow-100x30")
    }

    @Test func noteEditorAfterAFailedSave() {
        let s = state(80, 24, [.char("a")] + Key.typing("Kept words"))
        guard case .saveNote(let note)? = s.update(.key(.enter)).first else { Issue.record("no save asked"); return }
        _ = s.update(.noteSaveFailed(note, reason: "notes file /x: cannot write: No space left on device"))
        ScreenSnapshot.check(FrameRenderer.render(s), named: "editor-save-failed-80x24")
    }

    /// The bundled text at the widths a reader uses: folded panes at 40 and 80, three panes at
    /// 120 and 200, the text column at most 72 wide and centred.
    @Test(arguments: [(40, 16), (80, 24), (120, 30), (200, 50)])
    func bundledTextAtEveryWidth(width: Int, height: Int) {
        let s = state(width, height, [.char("]"), .char("]"), .char("]"), .char("j"), .char("j")])
        ScreenSnapshot.check(FrameRenderer.render(s), named: "typography-bundled-\(width)x\(height)")
    }

    @Test func markdownWithListsCodeAndEntities() throws {
        let s = AppState(document: try Fixtures.document("typography.md"), width: 80, height: 50)
        ScreenSnapshot.check(FrameRenderer.render(s), named: "typography-markdown-80x50")
    }

    @Test func chineseTextAt60Columns() throws {
        let s = AppState(document: try Fixtures.document("sanguo-chapter-1.txt"), width: 60, height: 24)
        _ = s.update(.key(.char("d")))
        ScreenSnapshot.check(FrameRenderer.render(s), named: "typography-cjk-60x24")
    }

    @Test func emojiSequencesAt120Columns() throws {
        let s = AppState(document: try Fixtures.document("emoji-sequences.txt"), width: 120, height: 16)
        ScreenSnapshot.check(FrameRenderer.render(s), named: "typography-emoji-120x16")
    }

    @Test func helpAt60By20() {
        ScreenSnapshot.check(FrameRenderer.render(state(60, 20, [.char("?")])), named: "typography-help-60x20")
    }

    /// Narrow, a popup covers the text column: no half-hidden word peeks beside the box.
    @Test func footnotePopupAt60ColumnsCoversTheText() {
        let s = state(60, 20, [.char("]"), .char("]"), .char("]"), .tab, .tab, .enter])
        let frame = FrameRenderer.frame(s)
        let box = frame.regions.popups.last.flatMap { $0 }
        #expect(box != nil)
        if let box {
            for y in box.y..<box.maxY {
                let right = (box.maxX..<60).map { frame.screen[$0, y].text }.joined()
                #expect(right.trimmingCharacters(in: .whitespaces).isEmpty, "row \(y): \(right)")
            }
        }
        ScreenSnapshot.check(frame.screen, named: "footnote-popup-60x20")
    }
}
