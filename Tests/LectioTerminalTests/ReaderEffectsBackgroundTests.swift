import Dispatch
import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI
@testable import LectioTerminal

/// Notes written on the notes thread: `perform` returns at once, the result comes through
/// `changesFromOutside()` after `wake`, in the order asked, and `finish()` waits for writes.
@Suite struct ReaderEffectsBackgroundTests {
    let document: Document
    init() throws { document = try Fixtures.bundledDocument() }

    func store(at path: String, readingNow: Bool = true) -> NotesStore {
        NotesStore(path: path, readingNow: readingNow) { NotesFile.TextIdentity(title: "t", path: "p", sha256: "s") }
    }

    func note(_ body: String, id: String) -> Annotation {
        Annotation(anchor: Anchor(section: "S", start: 1, end: 5, exact: "word", prefix: "", suffix: ""), body: body, id: id)
    }

    /// Collects what the notes thread delivered, waking at most `count` times (each wait
    /// bounded), as the app loop does before each frame.
    func results(of effects: ReaderEffects, woke: DispatchSemaphore, count: Int) -> [Event] {
        var events: [Event] = []
        for _ in 0..<count {
            guard woke.wait(timeout: .now() + 20) == .success else { break }
            events += effects.changesFromOutside()
        }
        return events
    }

    @Test func aSaveReturnsAtOnceAndItsResultComesAfterTheWakeUp() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let woke = DispatchSemaphore(value: 0)
        let effects = ReaderEffects(notes: store(at: path), editor: { _ in .failure(ExternalEditorFailure("none")) }, wake: { woke.signal() })
        let first = note("first", id: "a")
        #expect(effects.perform(.saveNote(first), terminal: InMemoryTerminal(width: 80, height: 24, keys: [])).isEmpty)
        let events = results(of: effects, woke: woke, count: 1)
        #expect(events == [.noteSaved(first, notes: [first])])
        #expect(store(at: path).notes == [first])
    }

    @Test func savesQueuedTogetherAreWrittenAndReportedInOrder() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let woke = DispatchSemaphore(value: 0)
        let effects = ReaderEffects(notes: store(at: path), editor: { _ in .failure(ExternalEditorFailure("none")) }, wake: { woke.signal() })
        let a = note("first", id: "a"), b = note("second", id: "b")
        var edited = a
        edited.body = "first, edited"
        for effect in [Effect.saveNote(a), .saveNote(b), .saveNote(edited), .deleteNote(id: "b")] {
            #expect(effects.perform(effect, terminal: InMemoryTerminal(width: 80, height: 24, keys: [])).isEmpty)
        }
        var events: [Event] = []
        while events.count < 4, woke.wait(timeout: .now() + 20) == .success { events += effects.changesFromOutside() }
        #expect(events == [.noteSaved(a, notes: [a]), .noteSaved(b, notes: [a, b]), .noteSaved(edited, notes: [edited, b]),
                           .noteDeleted(id: "b", notes: [edited])])
        #expect(store(at: path).notes == [edited])
    }

    @Test func finishWaitsForTheWritesAskedFor() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let effects = ReaderEffects(notes: store(at: path), editor: { _ in .failure(ExternalEditorFailure("none")) })
        let notes = (0..<20).map { note("note \($0)", id: "n\($0)") }
        for n in notes { _ = effects.perform(.saveNote(n), terminal: InMemoryTerminal(width: 80, height: 24, keys: [])) }
        effects.finish()
        #expect(store(at: path).notes == notes)
    }

    /// The editor says "saving…" and keeps its text, typing and Enter do nothing meanwhile;
    /// the result closes it (saved) or keeps it open with the reason (failed).
    @Test(arguments: [true, false])
    func theEditorWaitsForTheResult(canWrite: Bool) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let path = (canWrite ? folder : blocker).appendingPathComponent("notes.json").path
        let woke = DispatchSemaphore(value: 0)
        let effects = ReaderEffects(notes: store(at: path), editor: { _ in .failure(ExternalEditorFailure("none")) }, wake: { woke.signal() })
        let state = AppState(document: document, width: 100, height: 30)
        var asked: [Effect] = []
        for key in [Key.char("a")] + Key.typing("Kept words") + [.enter] + Key.typing("more") + [.enter] {
            asked += state.update(.key(key))
        }
        #expect(asked.count == 1)
        let editor = try #require(state.layers.top(as: NoteEditor.self))
        #expect(editor.saving != nil)
        #expect(editor.text == "Kept words")
        #expect(FrameRenderer.render(state).text.contains("saving…"))
        for effect in asked { #expect(effects.perform(effect, terminal: InMemoryTerminal(width: 80, height: 24, keys: [])).isEmpty) }
        for event in results(of: effects, woke: woke, count: 1) { _ = state.update(event) }
        if canWrite {
            #expect(!state.layers.topIs(NoteEditor.self))
            #expect(state.message == "Note saved")
            #expect(state.annotations.map(\.annotation.body) == ["Kept words"])
        } else {
            let failed = try #require(state.layers.top(as: NoteEditor.self))
            #expect(failed.text == "Kept words")
            #expect(failed.saving == nil)
            #expect(failed.error?.hasPrefix("Not saved:") == true)
        }
    }

    /// A question over the editor while its note is being saved (Ctrl-C): the result still
    /// reaches the editor beneath — saved, it closes; failed, it keeps the text and the reason.
    @Test(arguments: [true, false])
    func theResultReachesTheEditorBeneathAQuestion(saved: Bool) throws {
        let state = AppState(document: document, width: 100, height: 30)
        var asked: [Effect] = []
        for key in [Key.char("a")] + Key.typing("Words") + [.enter, .ctrl("c")] { asked += state.update(.key(key)) }
        guard case .saveNote(let note)? = asked.first else {
            Issue.record("no save was asked for")
            return
        }
        #expect(state.layers.topIs(Confirmation.self))
        _ = state.update(saved ? .noteSaved(note, notes: [note]) : .noteSaveFailed(note, reason: "disk full"))
        #expect(state.layers.topIs(Confirmation.self))
        let editors = state.layers.popups.compactMap { $0 as? NoteEditor }
        if saved {
            #expect(editors.isEmpty)
            #expect(state.message == "Note saved")
        } else {
            #expect(editors.first?.text == "Words")
            #expect(editors.first?.saving == nil)
            #expect(editors.first?.error == "Not saved: disk full")
        }
    }

    /// At open the notes are read and placed on the notes thread: the state has none until
    /// `.notesPlaced` comes, and the notes pane says they are being placed.
    @Test func notesAreReadAndPlacedAwayFromTheLoop() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let text = SourceText(canonical: CanonicalText(document: document))
        let anchor = Anchoring.anchor(document: document, text: text, start: 7351, end: 7370)
        try store(at: path).save(Annotation(anchor: anchor, body: "Placed later", id: "p"))
        let woke = DispatchSemaphore(value: 0)
        let effects = ReaderEffects(notes: store(at: path, readingNow: false), editor: { _ in .failure(ExternalEditorFailure("none")) },
                                    wake: { woke.signal() })
        let state = AppState(document: document, width: 140, height: 40)
        state.notesArePlacing = true
        #expect(FrameRenderer.render(state).text.contains("Placing the notes…"))
        effects.placeNotes { text }
        for event in results(of: effects, woke: woke, count: 1) { _ = state.update(event) }
        #expect(!state.notesArePlacing)
        #expect(state.annotations.map(\.annotation.body) == ["Placed later"])
        #expect(state.annotations.first?.range == 7351..<7370)
    }
}
