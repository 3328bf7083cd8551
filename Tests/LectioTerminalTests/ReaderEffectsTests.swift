import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI
@testable import LectioTerminal

/// The reader's effects: notes written through the store, the external editor's text fed
/// back, and a failed save that keeps every word typed.
@Suite struct ReaderEffectsTests {
    let document: Document
    init() throws { document = try Fixtures.bundledDocument() }

    func store(at path: String) -> NotesStore {
        NotesStore(path: path) { NotesFile.TextIdentity(title: "t", path: "p", sha256: "s") }
    }

    func noEditor(_ text: String) -> Result<String, ExternalEditorFailure> { .failure(ExternalEditorFailure("no editor in tests")) }

    @Test func theAppSavesThroughTheStoreAndShowsTheNote() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("notes.json").path
        let keys: [Key] = [.char("a")] + Key.typing("On the whole paragraph") + [.enter, .char("q")]
        let terminal = InMemoryTerminal(width: 140, height: 40, keys: keys)
        let s = AppState(document: document, width: 140, height: 40)
        App(state: s, terminal: terminal, effects: ReaderEffects(notes: store(at: path), editor: noEditor, inBackground: false)).run()
        let saved = try #require(store(at: path).notes.first)
        #expect(saved.body == "On the whole paragraph")
        #expect(terminal.frames.last?.text.contains("On the whole paragraph") == true)
        #expect(s.layers.isEmpty)
    }

    @Test func theExternalEditorsTextComesBackIntoTheEditor() throws {
        let keys: [Key] = [.char("a"), .ctrl("e"), .enter, .char("q")]
        let terminal = InMemoryTerminal(width: 140, height: 40, keys: keys)
        let notes = store(at: try Fixtures.temporaryFolder().appendingPathComponent("notes.json").path)
        let s = AppState(document: document, width: 140, height: 40)
        App(state: s, terminal: terminal, effects: ReaderEffects(notes: notes, editor: { _ in .success("Long note\nfrom the editor") }, inBackground: false)).run()
        #expect(notes.notes.first?.body == "Long note\nfrom the editor")
    }

    @Test func aFailedSaveKeepsTheEditorOpenWithEveryWord() throws {
        // The notes file's folder cannot be made: a regular file stands where it should be.
        let folder = try Fixtures.temporaryFolder()
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("notes.json").path
        let keys: [Key] = [.char("a")] + Key.typing("Words I must not lose") + [.enter]
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: keys)
        let s = AppState(document: document, width: 100, height: 30)
        App(state: s, terminal: terminal, effects: ReaderEffects(notes: store(at: path), editor: noEditor, inBackground: false)).run()
        guard let editor = s.layers.top(as: NoteEditor.self) else {
            Issue.record("the editor closed although nothing was saved")
            return
        }
        #expect(editor.text == "Words I must not lose")
        #expect(editor.error?.hasPrefix("Not saved:") == true)
        let frame = try #require(terminal.frames.last)
        #expect(frame.text.contains("Not saved:"))
        #expect(frame.text.contains("Words I must not lose"))
        #expect(s.message?.contains("your text is kept") == true)
    }

    @Test func aFailedEditorKeepsTheTextAndSaysWhy() throws {
        let keys: [Key] = [.char("a")] + Key.typing("Draft") + [.ctrl("e")]
        let terminal = InMemoryTerminal(width: 100, height: 30, keys: keys)
        let s = AppState(document: document, width: 100, height: 30)
        let effects = ReaderEffects(notes: nil) { _ in .failure(ExternalEditorFailure("vim (from $EDITOR) exited with status 1; the note is unchanged")) }
        App(state: s, terminal: terminal, effects: effects).run()
        guard let editor = s.layers.top(as: NoteEditor.self) else { Issue.record("the editor closed"); return }
        #expect(editor.text == "Draft")
        #expect(terminal.frames.last?.text.contains("vim (from $EDITOR) exited with status 1") == true)
    }

    func note(_ body: String, id: String) throws -> Annotation {
        let text = CanonicalText(document: document)
        let start = try #require(text.occurrences(of: Array("The truth will out.".unicodeScalars)).first)
        return Annotation(anchor: Anchoring.anchor(document: document, text: text, start: start, end: start + 19), body: body, id: id)
    }

    final class NoTerminal: TerminalDevice {
        var size: (width: Int, height: Int) { (140, 40) }
        func present(_ screen: Screen) {}
        func nextKey() -> Key? { nil }
    }

    @Test func aChangeOnDiskByAnotherProcessIsReadAgainOnce() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("notes.json").path
        let effects = ReaderEffects(notes: store(at: path), editor: noEditor, inBackground: false)
        #expect(effects.changesFromOutside().isEmpty)
        let other = store(at: path)
        try other.save(try note("Written elsewhere", id: "x"))
        let events = effects.changesFromOutside()
        #expect(events == [.notesChangedOnDisk(other.notes)])
        #expect(effects.changesFromOutside().isEmpty, "read once per change")
        // Its own saves are not news.
        _ = effects.perform(.saveNote(try note("Mine", id: "y")), terminal: NoTerminal())
        #expect(effects.changesFromOutside().isEmpty)
        let s = AppState(document: document, width: 140, height: 40)
        _ = s.update(events[0])
        #expect(s.annotations.map(\.annotation.body) == ["Written elsewhere"])
        #expect(s.message == "The notes file changed on disk: 1 note now")
    }

    @Test func editingANoteDeletedElsewhereAsksWhichToKeep() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("notes.json").path
        let mine = store(at: path)
        try mine.save(try note("Original", id: "n"))
        let effects = ReaderEffects(notes: mine, editor: noEditor, inBackground: false)
        try store(at: path).delete(id: "n")
        let edited = try note("Edited here", id: "n")
        #expect(effects.perform(.saveNote(edited), terminal: NoTerminal()) == [.noteDeletedElsewhere(edited)])
        #expect(store(at: path).notes.isEmpty, "nothing written before the reader chooses")

        // In the reader: the question; yes writes it back, no lets it go.
        let s = AppState(document: document, width: 140, height: 40, notes: [try note("Original", id: "n")])
        for key: Key in [.char("A"), .char("s"), .char("e")] { _ = s.update(.key(key)) }
        for key in Key.typing(" here") { _ = s.update(.key(key)) }
        _ = s.update(.notesChangedOnDisk([]))
        #expect(s.update(.key(.enter)).isEmpty)
        #expect(FrameRenderer.render(s).text.contains("This note was deleted in another window. Keep your version? (y/n)"))
        guard case .restoreNote(let kept)? = s.update(.key(.char("y"))).first else { Issue.record("not restored"); return }
        #expect(kept.id == "n" && kept.body == "Original here")
        #expect(effects.perform(.restoreNote(kept), terminal: NoTerminal()).first.map { if case .noteSaved = $0 { true } else { false } } == true)
        #expect(store(at: path).notes.map(\.body) == ["Original here"])
        _ = s.update(.noteSaved(kept, notes: [kept]))
        #expect(s.layers.isEmpty)
    }
}
