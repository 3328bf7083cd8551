import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI

/// Selecting, writing, listing, editing and deleting notes, on an in-memory screen.
@Suite struct AnnotationScenarioTests {
    let document: Document

    init() throws { document = try Fixtures.bundledDocument() }

    /// A state whose cursor is on the line "hardships to be overcome. The truth will out." (at 100 columns).
    func stateOnTruthLine() throws -> AppState {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        for key: Key in [.char("]"), .char("]"), .char("]")] { _ = s.update(.key(key)) }
        for _ in 0..<30 where !s.layout.line(at: s.cursor).text.hasSuffix("The truth will out.") { _ = s.update(.key(.char("j"))) }
        try #require(s.layout.line(at: s.cursor).text.hasSuffix("The truth will out."))
        return s
    }

    func press(_ s: AppState, _ keys: [Key]) -> [Effect] { keys.flatMap { s.update(.key($0)) } }

    @Test func selectAPhraseByWordsAndWriteANote() throws {
        let s = try stateOnTruthLine()
        // To the sentence's start by the word cursor, then a character and five word ends.
        _ = press(s, [.char("$"), .char("(")])
        #expect(s.canonical.string(s.caretOffset, s.caretOffset + 9) == "The truth")
        _ = press(s, [.char("v")])
        #expect(s.mode == .selecting)
        #expect(s.selection.map { s.canonical.string($0.range.lowerBound, $0.range.upperBound) } == "T")
        _ = press(s, Array(repeating: .char("e"), count: 4))
        #expect(s.selection.map { s.canonical.string($0.range.lowerBound, $0.range.upperBound) } == "The truth will out")
        _ = press(s, [.char("e")])
        let sel = try #require(s.selection)
        #expect(s.canonical.string(sel.range.lowerBound, sel.range.upperBound) == "The truth will out.")
        let screen = FrameRenderer.render(s)
        #expect(screen.line(39).contains("SELECT 4 words"))
        _ = press(s, [.char("a")])
        #expect(s.mode == NoteEditor.mode)
        var effects = press(s, Key.typing("Sedov’s creed — 真理 #trials"))
        #expect(effects.isEmpty)
        effects += press(s, [.ctrl("j")] + Key.typing("second line") + [.alt("\n")] + Key.typing("third"))
        let editor = FrameRenderer.render(s)
        #expect(editor.text.contains("┌─ New note · line 3, column 6 ─"))
        #expect(editor.text.contains("“The truth will out.”"))
        #expect(editor.text.contains("Sedov’s creed — 真理 #trials"))
        #expect(editor.text.contains("second line"))
        effects = press(s, [.enter])
        guard case .saveNote(let note)? = effects.first else {
            Issue.record("Enter should save, got \(effects)")
            return
        }
        #expect(note.anchor.exact == "The truth will out.")
        #expect(note.body == "Sedov’s creed — 真理 #trials\nsecond line\nthird")
        #expect(note.tags == ["trials"])
        #expect(s.mode == NoteEditor.mode, "open until the save is reported")
        _ = s.update(.noteSaved(note, notes: [note]))
        #expect(s.layers.isEmpty)
    }

    @Test func theSelectionShrinksByWordsNeverBelowOneAndEscCancels() throws {
        let s = try stateOnTruthLine()
        _ = press(s, [.char("v"), .char("w"), .char("w"), .char("w")])
        let text = { (s: AppState) in s.selection.map { s.canonical.string($0.range.lowerBound, $0.range.upperBound) } }
        #expect(text(s) == "hardships to be")
        _ = press(s, [.char("b")])
        #expect(text(s) == "hardships to")
        _ = press(s, [.char("b"), .char("b"), .char("b")])
        #expect(text(s) == "h", "never less than the character it started on")
        _ = press(s, [.char("j")])
        #expect(text(s)?.hasSuffix("The truth will out.\nNot one piece of the monstrous Stalinist apparatus will remain. The dreadful responsibility") == true)
        _ = press(s, [.escape])
        #expect(s.selection == nil)
        #expect(s.mode == .reading)
    }

    @Test func notesPaneListsByTag() throws {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        let text = CanonicalText(document: document)
        func note(_ quote: String, _ body: String) throws -> Annotation {
            let start = try #require(text.occurrences(of: Array(quote.unicodeScalars)).first)
            return Annotation(anchor: Anchoring.anchor(document: document, text: text, start: start, end: start + quote.unicodeScalars.count), body: body)
        }
        _ = s.update(.notesChanged([try note("Kremlin-ordered", "Opening #politics"), try note("The truth will out.", "Creed #tone #politics"), try note("Moscow", "Plain")]))
        _ = press(s, [.char("A"), .char("s"), .char("s")])
        #expect(s.notesPane.scope == .byTag)
        let lines = FrameRenderer.render(s).lines.map { String($0.suffix(40)) }
        let politics = try #require(lines.firstIndex { $0.contains("#politics") })
        let tone = try #require(lines.firstIndex { $0.contains("#tone") && !$0.contains("Creed") })
        let untagged = try #require(lines.firstIndex { $0.contains("untagged") })
        #expect(politics < tone && tone < untagged)
        #expect(s.notesInPane.map(\.group) == ["#politics", "#politics", "#tone", "untagged"])
    }

    @Test func withoutASelectionTheNoteIsOnTheParagraph() throws {
        let s = try stateOnTruthLine()
        _ = press(s, [.char("a")] + Key.typing("whole paragraph"))
        guard case .saveNote(let note)? = press(s, [.enter]).first else { Issue.record("not saved"); return }
        #expect(note.anchor.exact.hasPrefix("The real trial, that of the executioners"))
        #expect(note.anchor.exact.hasSuffix("The truth will out."))
    }

    @Test func escapeAsksBeforeDiscardingTypedText() throws {
        let s = try stateOnTruthLine()
        _ = press(s, [.char("a"), .escape])
        #expect(s.layers.isEmpty)
        _ = press(s, [.char("a"), .char("x"), .escape])
        #expect(FrameRenderer.render(s).text.contains("Discard your changes? (y/n)"))
        _ = press(s, [.char("n")])
        #expect(s.mode == NoteEditor.mode)
        _ = press(s, [.escape, .char("y")])
        #expect(s.layers.isEmpty)
    }

    @Test func savedNotesAreHighlightedMarkedAndListed() throws {
        let s = try stateOnTruthLine()
        _ = press(s, [.char("$"), .char("("), .char("v")] + Array(repeating: .char("e"), count: 5) + [.char("a")])
        _ = press(s, Key.typing("Creed"))
        guard case .saveNote(let note)? = press(s, [.enter]).first else { Issue.record("not saved"); return }
        #expect(s.mode == NoteEditor.mode, "the editor stays open until the save is reported")
        _ = s.update(.noteSaved(note, notes: [note]))
        #expect(s.layers.isEmpty)
        #expect(s.message == "Note saved")
        let screen = FrameRenderer.render(s)
        let row = try #require(ScreenText.row(of: "The truth will out.", in: screen))
        #expect(screen[1, row].text == "▎")
        let col = try #require(screen.line(row).range(of: "The truth").map { screen.line(row).distance(from: screen.line(row).startIndex, to: $0.lowerBound) })
        #expect(screen[col, row].style.role == .annotation)
        #expect(screen[col - 2, row].style.role != .annotation)
        #expect(screen.text.contains("Personal notes · this section (1)"))
        #expect(screen.text.contains("“The truth will out.”"))
        #expect(screen.text.contains("  Creed"))
    }

    @Test func notesPaneJumpsEditsAndDeletesAfterAsking() throws {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        let text = CanonicalText(document: document)
        let start = try #require(text.occurrences(of: Array("The truth will out.".unicodeScalars)).first)
        let note = Annotation(anchor: Anchoring.anchor(document: document, text: text, start: start, end: start + 19), body: "Creed")
        _ = s.update(.notesChanged([note]))
        _ = press(s, [.char("A")])
        #expect(s.mode == .notes)
        _ = press(s, [.char("s")])
        #expect(s.notesPane.scope == .all)
        _ = press(s, [.enter])
        #expect(s.mode == NoteViewer.mode)
        #expect(FrameRenderer.render(s).text.contains("┌─ Note ─"))
        _ = press(s, [.enter])
        #expect(s.mode == .reading)
        #expect(s.currentSection?.title.hasPrefix("Chapter 7") == true)
        #expect(s.cursorOffset <= start)
        _ = press(s, [.ctrl("o")])
        #expect(s.cursor.block == document.startBlock)
        _ = press(s, [.char("A"), .char("e")])
        #expect(FrameRenderer.render(s).text.contains("┌─ Edit note · line 1, column 6 ─"))
        guard case .saveNote(let edited)? = press(s, Key.typing(" #tone") + [.enter]).first else { Issue.record("not saved"); return }
        #expect(edited.id == note.id)
        #expect(edited.body == "Creed #tone")
        _ = s.update(.noteSaved(edited, notes: [edited]))
        _ = press(s, [.char("d")])
        #expect(FrameRenderer.render(s).text.contains("Delete the note on “The truth will out.”? (y/n)"))
        #expect(press(s, [.char("y")]) == [.deleteNote(id: note.id)])
    }

    @Test func orphansAreListedAndCanBeReattached() throws {
        let s = AppState(document: document, width: 140, height: 40, lineLength: nil)
        let orphan = Annotation(anchor: Anchor(section: "Gone", start: 10, end: 20, exact: "words that are nowhere", prefix: "", suffix: ""), body: "Lost")
        _ = s.update(.notesChanged([orphan]))
        #expect(s.annotations.first?.status == .orphan)
        _ = press(s, [.char("A"), .char("s")])
        #expect(FrameRenderer.render(s).text.contains("(orphaned) “words that are nowhere”"))
        _ = press(s, [.char("r")])
        #expect(s.mode == .reattaching)
        #expect(FrameRenderer.render(s).text.contains("Re-attach: select the passage (1 word), Enter to attach, Esc to cancel"))
        // `v`, the natural key, starts the passage again instead of cancelling.
        _ = press(s, [.char("w"), .char("v")])
        #expect(s.mode == .reattaching)
        guard case .saveNote(let moved)? = press(s, [.char("w"), .char("w"), .enter]).first else { Issue.record("not re-attached"); return }
        #expect(moved.id == orphan.id)
        #expect(moved.body == "Lost")
        #expect(moved.anchor.exact == "French to")
        #expect(s.layers.isEmpty, "no editor for a new note")
    }

    @Test func readOnlyNotesRefuseNewNotesAndSaySo() {
        let s = AppState(document: document, width: 140, height: 40, notesReadOnlyReason: "notes file /x cannot be read", lineLength: nil)
        #expect(s.message == "notes file /x cannot be read")
        _ = press(s, [.char("a")])
        #expect(s.layers.isEmpty)
        #expect(s.message?.hasPrefix("Notes are read-only") == true)
    }

    @Test func theEditorMovesBetweenLinesAndCtrlCAsksBeforeLosingText() throws {
        let s = try stateOnTruthLine()
        _ = press(s, [.char("a")] + Key.typing("first line") + [.ctrl("j")] + Key.typing("second"))
        _ = press(s, [.up])
        let editor = try #require(s.layers.top(as: NoteEditor.self))
        #expect(editor.lineAndColumn == (1, 7))
        _ = press(s, Key.typing("X") + [.down, .down])
        #expect(s.layers.top(as: NoteEditor.self)?.text == "first Xline\nsecond")
        #expect(FrameRenderer.render(s).text.contains("line 2, column 7"))
        // Ctrl-C with unsaved text asks; n keeps the text, y quits.
        #expect(press(s, [.ctrl("c")]).isEmpty)
        #expect(FrameRenderer.render(s).text.contains("Quit and lose the note you are writing? (y/n)"))
        _ = press(s, [.char("n")])
        #expect(s.layers.top(as: NoteEditor.self)?.text == "first Xline\nsecond")
        #expect(press(s, [.ctrl("c"), .char("y")]) == [.quit])
        // Elsewhere Ctrl-C still quits at once.
        let reading = try stateOnTruthLine()
        #expect(press(reading, [.ctrl("c")]) == [.quit])
    }

    @Test func orphansAreAnnouncedAtOpen() {
        let lost = (1...2).map { Annotation(anchor: Anchor(section: "", start: 0, end: 5, exact: "nowhere \($0) at all", prefix: "", suffix: ""), body: "b", id: "o\($0)") }
        let s = AppState(document: document, width: 140, height: 40, notes: lost)
        #expect(s.message == "2 notes could not be placed: A to see them")
    }

    /// Notes with `count` bodies, tagged in turn, on successive sentences' first words.
    func stateWithNotes(_ bodies: [String]) throws -> AppState {
        let s = AppState(document: document, width: 140, height: 40)
        let text = CanonicalText(document: document)
        let quotes = ["The truth will out.", "Kremlin-ordered murders", "Vyshinsky", "defend Trotsky’s honor"]
        let notes = try bodies.enumerated().map { i, body -> Annotation in
            let quote = quotes[i % quotes.count]
            let start = try #require(text.occurrences(of: Array(quote.unicodeScalars)).first)
            var note = Annotation(anchor: Anchoring.anchor(document: document, text: text, start: start, end: start + quote.unicodeScalars.count),
                                  body: body, id: "n\(i)")
            note.modified = "2026-11-2\(i)T10:00:00Z"
            return note
        }
        _ = s.update(.notesChanged(notes))
        return s
    }

    @Test func theNotesPaneFiltersByWordsAndTagsOrdersAndShowsAWholeNote() throws {
        let long = (1...12).map { "Line \($0) of a long note on the trials." }.joined(separator: "\n")
        let s = try stateWithNotes(["Creed #tone", "Opening of the book #context", long + " #trials", "Defence #tone #trials"])
        _ = press(s, [.char("A"), .char("s")])
        #expect(s.notesInPane.count == 4)
        #expect(FrameRenderer.render(s).text.contains("Personal notes · all notes (4)"))
        _ = press(s, [.char("G")])
        #expect(s.notesPane.selected == 3)
        _ = press(s, [.char("g")])
        #expect(s.notesPane.selected == 0)
        // Words, as search matches them: case and accents ignored.
        _ = press(s, [.char("/")] + Key.typing("DÉFENCE".lowercased()) + [.enter])
        #expect(s.notesInPane.map { s.annotations[$0.note].annotation.body } == ["Defence #tone #trials"])
        #expect(FrameRenderer.render(s).text.contains("all notes (1) · “dé"))
        _ = press(s, [.escape])
        #expect(s.notesPane.filter == nil && s.mode == .notes)
        // A tag from the list.
        _ = press(s, [.char("#")])
        #expect(FrameRenderer.render(s).text.contains("#trials  (2)"))
        _ = press(s, [.char("G"), .enter])
        #expect(s.notesPane.tag == "trials")
        #expect(Set(s.notesInPane.map { s.annotations[$0.note].annotation.id }) == ["n2", "n3"])
        _ = press(s, [.escape])
        // Latest first.
        _ = press(s, [.char("o")])
        #expect(s.notesInPane.map { s.annotations[$0.note].annotation.id } == ["n3", "n2", "n1", "n0"])
        // The whole body in the viewer, scrolled.
        _ = press(s, [.char("j"), .enter])
        let viewer = FrameRenderer.render(s).text
        #expect(viewer.contains("Line 1 of a long note"))
        #expect(viewer.contains("Line 12 of a long note"))
        _ = press(s, [.escape])
        #expect(s.mode == .notes)
    }

    @Test func aMouseDragSelectsThePassageBetween() throws {
        let s = try stateOnTruthLine()
        let screen = FrameRenderer.render(s)
        let row = try #require(ScreenText.row(of: "The truth will out.", in: screen))
        let line = screen.line(row)
        let col = try #require(line.range(of: "The truth").map { line.distance(from: line.startIndex, to: $0.lowerBound) })
        _ = s.update(.mouse(MouseEvent(kind: .click, x: col, y: row), regions: FrameRegions()))
        #expect(s.selection == nil)
        #expect(s.canonical.string(s.caretOffset, s.caretOffset + 3) == "The", "the word cursor goes where the button went down")
        _ = s.update(.mouse(MouseEvent(kind: .release, x: col + 13, y: row), regions: FrameRegions()))
        #expect(s.mode == .selecting)
        #expect(s.selection.map { s.canonical.string($0.range.lowerBound, $0.range.upperBound) } == "The truth will")
        // A click and a release in one place select nothing.
        _ = press(s, [.escape])
        _ = s.update(.mouse(MouseEvent(kind: .click, x: col, y: row), regions: FrameRegions()))
        _ = s.update(.mouse(MouseEvent(kind: .release, x: col, y: row), regions: FrameRegions()))
        #expect(s.selection == nil)
    }
}
