import Foundation
import LectioCore
import LectioTestSupport
import Testing
@testable import LectioUI

/// The first screen while the whole text is imported: shown at once, following resizes, the
/// keys typed meanwhile kept for the reader, a quit honoured at once.
@Suite struct PreviewLoopTests {
    func preview() throws -> AppState {
        let bytes = try SourceFile.read(path: Fixtures.path("war-and-peace.txt"))
        let preview = try #require(Preview.of(bytes, path: "war-and-peace.txt"))
        let state = AppState(document: preview.document, width: 100, height: 30)
        state.indexing = IndexingStatus(percent: preview.percent)
        return state
    }

    @Test func thePreviewSaysItIsIndexingAndKeepsTheKeysTypedMeanwhile() throws {
        let state = try preview()
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: [.char(" "), .tick, .char("/")] + Key.typing("Moscow") + [.tick])
        var asked = 0
        // Whole after the second tick: every key before it is kept, in order.
        let outcome = PreviewLoop.run(state, terminal: terminal) {
            asked += 1
            return terminal.keys.isEmpty
        }
        #expect(outcome == .ready(keys: [.char(" "), .char("/")] + Key.typing("Moscow")))
        let first = try #require(terminal.frames.first)
        #expect(first.line(29).contains("indexing… 0%"))
        #expect(first.line(29).hasSuffix("? help"))
        #expect(first.text.contains("WAR AND PEACE"))
        // The keys were kept, not acted on: the preview did not move.
        #expect(terminal.frames.count == 1)
        #expect(asked > 1)
    }

    /// A `q` after other keys may be text (a search for "quiet", the mark `q`): it waits with them.
    @Test func aQAfterOtherKeysIsKeptWithThem() throws {
        let state = try preview()
        let typed: [Key] = [.char("/")] + Key.typing("quiet") + [.enter, .char("m"), .char("q")]
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: typed + [.tick])
        #expect(PreviewLoop.run(state, terminal: terminal) { terminal.keys.isEmpty } == .ready(keys: typed))
    }

    @Test func aResizeRedrawsThePreviewAtTheNewSize() throws {
        let state = try preview()
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: [.resize, .tick], resizes: [(60, 20)])
        let outcome = PreviewLoop.run(state, terminal: terminal) { terminal.keys.isEmpty }
        #expect(outcome == .ready(keys: []))
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames.last?.width == 60)
        #expect(terminal.frames.last?.line(19).contains("indexing…") == true)
    }

    @Test func quittingDuringThePreviewQuitsAtOnce() throws {
        let state = try preview()
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: [.char("q"), .char("k")])
        #expect(PreviewLoop.run(state, terminal: terminal) { false } == .quit)
        #expect(terminal.keys == [.char("k")])
        // Ctrl-C quits even after other keys.
        let forced = InMemoryTerminal(width: 100, height: 30, keys: [.char("j"), .ctrl("c"), .char("k")])
        #expect(PreviewLoop.run(state, terminal: forced) { false } == .quit)
        #expect(forced.keys == [.char("k")])
        let interrupted = InMemoryTerminal(width: 100, height: 30, keys: [.interrupt])
        #expect(PreviewLoop.run(state, terminal: interrupted) { false } == .quit)
        // Input that ends ends the reader too.
        let ended = InMemoryTerminal(width: 100, height: 30, keys: [])
        #expect(PreviewLoop.run(state, terminal: ended) { false } == .quit)
    }

    @Test func keysTypedDuringThePreviewAreGivenToTheReaderFirst() throws {
        let document = try Fixtures.bundledDocument()
        let state = AppState(document: document, width: 100, height: 30)
        let alone = AppState(document: document, width: 100, height: 30)
        _ = alone.update(.key(.char("]")))
        _ = alone.update(.key(.char("]")))
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: [.char("q")])
        let app = App(state: state, terminal: terminal)
        app.run(pending: [.char("]"), .char("]")])
        #expect(state.readingState.position == alone.readingState.position)
        #expect(state.readingState.position > 0)
        #expect(terminal.keys.isEmpty)
    }
}
