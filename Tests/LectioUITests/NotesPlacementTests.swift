import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI

/// A change of the notes file places only what changed, and gives what placing every note gives.
@Suite struct NotesPlacementTests {
    @Test func aChangeOnDiskPlacesWhatChangedAndEndsAsPlacingAllWould() throws {
        let document = try Fixtures.bundledDocument()
        let text = SourceText(canonical: CanonicalText(document: document))
        func note(_ i: Int, body: String = "") -> Annotation {
            let start = 1000 + (i * 7919) % (text.canonical.scalars.count - 1100)
            return Annotation(anchor: Anchoring.anchor(document: document, text: text, start: start, end: start + 12),
                              body: body.isEmpty ? "note \(i)" : body, id: "n\(i)", now: Date(timeIntervalSince1970: Double(i)))
        }
        var notes = (0..<40).map { note($0) }
        let state = AppState(document: document, width: 140, height: 40, notes: notes)
        #expect(state.annotations == PlacedNote.place(notes, in: text))
        // One edited, one deleted, one added, one moved elsewhere by another window.
        let moved = 5_000
        notes[20].anchor = Anchoring.anchor(document: document, text: text, start: moved, end: moved + 12)
        notes[3] = note(3, body: "edited")
        notes.remove(at: 10)
        notes.append(note(99))
        _ = state.update(.notesChangedOnDisk(notes))
        #expect(state.annotations == PlacedNote.place(notes, in: text))
        #expect(state.annotations.first { $0.annotation.id == "n20" }?.range == moved..<(moved + 12))
        #expect(!state.annotations.contains { $0.annotation.id == "n10" })
        // A save here: the note saved is placed in reading order among the others.
        let saved = note(100, body: "saved here")
        _ = state.update(.noteSaved(saved, notes: notes + [saved]))
        #expect(state.annotations == PlacedNote.place(notes + [saved], in: text))
    }
}
