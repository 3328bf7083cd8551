import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI
@testable import LectioTerminal

/// The library through the app loop: `d` in the library forgets an entry in the real file,
/// and Enter on another text ends the loop with `openText` for the session to open it.
@Suite struct LibraryEffectsTests {
    func entry(_ path: String, _ title: String, opened: TimeInterval) -> LibraryEntry {
        LibraryEntry(path: path, title: title, sha256: "", size: 1, lastOpened: Date(timeIntervalSince1970: opened),
                     position: 10, notes: 1, footnotes: 0)
    }

    func noEditor(_ text: String) -> Result<String, ExternalEditorFailure> { .failure(ExternalEditorFailure("none")) }

    @Test func forgettingWritesTheLibraryFileAndTheListFollows() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("library.json").path
        let library = try Library.update(path: path) {
            $0.record(entry("/a.txt", "A", opened: 3))
            $0.record(entry("/b.txt", "B", opened: 2))
        }
        let state = AppState(document: try Fixtures.bundledDocument(), width: 100, height: 30)
        state.textPath = "/a.txt"
        state.library = library.entries
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: [.char("L"), .char("d"), .escape, .char("q")])
        App(state: state, terminal: terminal, effects: ReaderEffects(notes: nil, editor: noEditor, library: path)).run()
        #expect(try Library.load(path: path).entries.map(\.path) == ["/a.txt"])
        #expect(state.library.map(\.path) == ["/a.txt"])
    }

    @Test func enterOnAnotherTextEndsTheLoopWithOpenText() throws {
        let state = AppState(document: try Fixtures.bundledDocument(), width: 100, height: 30)
        state.textPath = "/a.txt"
        state.library = [entry("/a.txt", "A", opened: 3), entry("/b.txt", "B", opened: 2)]
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: [.char("L"), .enter, .char("q")])
        let app = App(state: state, terminal: terminal, effects: ReaderEffects(notes: nil, editor: noEditor))
        app.run()
        #expect(app.ending == .openText("/b.txt"))
        // The loop ended at Enter: q was never read.
        #expect(terminal.frames.count == 2)
    }
}
