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
}
