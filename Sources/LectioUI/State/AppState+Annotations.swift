import Algorithms
import LectioCore

extension AppState {
    /// The notes file changed (saved here or by another instance): the notes placed before
    /// and unchanged keep their place, in place (nothing copied); only new or changed ones are
    /// placed, so that a save in a file of 100,000 notes places one.
    func notesDidChange(_ notes: [Annotation]) {
        var position: [String: Int] = [:]
        position.reserveCapacity(notes.count)
        for i in notes.indices { position[notes[i].id] = i }
        var unchanged = [Bool](repeating: false, count: notes.count)
        var gone: [Int] = []
        for k in annotations.indices {
            if let i = position[annotations[k].annotation.id], !unchanged[i], notes[i] == annotations[k].annotation {
                unchanged[i] = true
            } else {
                gone.append(k)
            }
        }
        let fresh = notes.indices.filter { !unchanged[$0] }.map { notes[$0] }
        guard (gone.count + fresh.count) * 4 <= notes.count else {
            annotations = PlacedNote.place(notes, in: sourceText)
            notesPane.clampSelection(toCount: notesInPane.count)
            return
        }
        for k in gone.reversed() { annotations.remove(at: k) }
        for placed in PlacedNote.place(fresh, in: sourceText) {
            let at = annotations.partitioningIndex { !PlacedNote.precedes($0, placed) }
            annotations.insert(placed, at: at)
        }
        notesPane.clampSelection(toCount: notesInPane.count)
    }

    /// The notes as read and placed at open, away from the app loop (`.notesPlaced`).
    func notesPlaced(_ placed: [PlacedNote], readOnlyReason: String?, notice: String?) {
        annotations = placed
        notesArePlacing = false
        notesPane.clampSelection(toCount: notesInPane.count)
        notesReadOnlyReason = readOnlyReason
        let orphans = placed.filter { $0.range == nil }.count
        if let message = readOnlyReason ?? notice {
            self.message = message
        } else if orphans > 0, message == nil {
            message = orphans == 1 ? "1 note could not be placed: A to see it" : "\(orphans) notes could not be placed: A to see them"
        }
    }

    /// `v`: selects the character under the word cursor (the start of the cursor's line, or
    /// where a search or a word motion put it); motions then extend the selection.
    func startSelection() {
        guard !document.blocks.isEmpty else { return }
        let start = min(canonical.skippingSpaces(from: caretOffset), max(0, canonical.scalars.count - 1))
        selection = Selection(anchor: start, head: start + 1)
        message = "Selecting: e/w words, j/k lines, ( ) sentences, V paragraphs, o other end, a annotate, Esc cancel"
    }

    func extendSelection(lines n: Int) {
        guard var sel = selection else { return }
        let target = step(layout.position(ofCanonical: sel.movingEnd), by: n)
        let line = layout.line(at: target)
        let lineStart = document.blocks[target.block].start + line.start
        if sel.movesStart {
            sel.moveStart(to: lineStart)
        } else {
            sel.moveEnd(to: lineStart + line.text.unicodeScalars.count)
        }
        selection = sel
        followSelection()
    }

    /// Keeps the moving end of the selection under the cursor, on screen.
    func followSelection() {
        guard let sel = selection else { return }
        reading.moveCursor(to: layout.position(ofCanonical: sel.movingEnd))
        scrollToCursor()
    }

    /// `a`: the note editor for the selection, or for the paragraph under the cursor.
    func annotate() -> [Effect] {
        if let reason = notesReadOnlyReason {
            message = "Notes are read-only: \(reason)"
            selection = nil
            return []
        }
        guard !document.blocks.isEmpty else { return [] }
        var range: Range<Int>
        if let sel = selection, !sel.range.isEmpty {
            range = sel.range
        } else {
            let block = document.blocks[cursor.block]
            range = block.start..<(block.start + block.scalarCount)
        }
        // No spaces at the ends of a passage.
        range = canonical.trimmed(range)
        if let id = selection?.reattaching, let note = annotations.first(where: { $0.annotation.id == id })?.annotation {
            selection = nil
            var moved = note
            moved.anchor = Anchoring.anchor(document: document, text: sourceText, start: range.lowerBound, end: range.upperBound)
            moved = stamps.editing(moved, body: moved.body)
            return [.saveNote(moved)]
        }
        selection = nil
        layers.push(NoteEditor(range: range))
        return []
    }

    func editEditor(_ edit: (inout NoteEditor) -> Void) {
        layers.updateTop(NoteEditor.self, edit)
    }

    /// Puts text back from `$EDITOR`.
    func externalEditorReturned(_ text: String) {
        editEditor {
            $0.replace(with: text)
            $0.error = nil
        }
    }

    /// The external editor gave nothing back: the note editor keeps its text and says why.
    func externalEditorFailed(_ reason: String) {
        editEditor { $0.error = reason }
        message = reason
    }

    /// Enter in the note editor: asks for the note to be written. The editor stays open until
    /// the save has succeeded, so that a failed save loses nothing.
    func saveEditor() -> [Effect] {
        guard let editor = layers.top(as: NoteEditor.self) else { return [] }
        guard editor.saving == nil else {
            message = "Saving the note…"
            return []
        }
        let body = editor.text.trimmingTrailingWhitespace()
        guard !body.isEmpty else {
            message = "The note is empty: type something, or Esc to cancel"
            return []
        }
        let note: Annotation
        if let id = editor.editing, let old = annotations.first(where: { $0.annotation.id == id })?.annotation ?? editor.editedNote {
            note = stamps.editing(old, body: body)
            if !annotations.contains(where: { $0.annotation.id == id }) {
                // Deleted in another window while it was edited here: which to keep?
                editEditor { $0.saving = note.id }
                noteDeletedElsewhere(note)
                return []
            }
        } else {
            let anchor = Anchoring.anchor(document: document, text: sourceText, start: editor.range.lowerBound, end: editor.range.upperBound)
            note = stamps.note(on: anchor, body: body)
        }
        editEditor {
            $0.saving = note.id
            $0.error = nil
        }
        // The editor stays open, its text kept, until the notes thread says how it went.
        message = "Saving the note…"
        return [.saveNote(note)]
    }

    /// The notes file holds `note` now: the editor that wrote it closes (wherever it stands:
    /// a question may have come over it while the note was being saved).
    func noteSaved(_ note: Annotation, notes: [Annotation]) {
        notesDidChange(notes)
        message = settleEditor(saving: note.id, closing: true) ? "Note saved" : "Note re-attached"
    }

    /// The editor that asked for note `id` to be saved, changed by `change` or closed; whether
    /// there was one.
    func settleEditor(saving id: String, closing: Bool, _ change: (inout NoteEditor) -> Void = { _ in }) -> Bool {
        guard let i = layers.popups.lastIndex(where: { ($0 as? NoteEditor)?.saving == id }),
              var editor = layers.popups[i] as? NoteEditor else { return false }
        change(&editor)
        var rebuilt = LayerStack()
        for (k, popup) in layers.popups.enumerated() {
            if k != i { rebuilt.push(popup) } else if !closing { rebuilt.push(editor) }
        }
        layers = rebuilt
        return true
    }

    /// Asks the reader, at open, about a notes file found beside this one: a sync-conflict copy
    /// to merge in, or the notes of this text under its old path (it was moved).
    public func offer(notesFile path: String, merge: Bool) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let question = merge
            ? "A sync-conflict copy of your notes was found (\(name)). Merge it in? (y/n)"
            : "Notes for this text were found under its old place (\(name)). Use them here? (y/n)"
        layers.push(Confirmation(question: question, action: merge ? .mergeNotes(from: path) : .relinkNotes(from: path)))
    }

    /// The note being edited here was deleted in another window: ask which to keep.
    func noteDeletedElsewhere(_ note: Annotation) {
        layers.push(Confirmation(question: "This note was deleted in another window. Keep your version? (y/n)",
                                 action: .restoreNote(note), noClosesEditor: true))
    }

    /// The note was not written: the editor stays open with its text and the reason.
    func noteSaveFailed(_ note: Annotation, reason: String) {
        let inEditor = settleEditor(saving: note.id, closing: false) { editor in
            editor.saving = nil
            editor.error = "Not saved: \(reason)"
        }
        message = inEditor ? "Not saved — your text is kept: Enter tries again, Ctrl-E opens it in your editor" : "Not saved: \(reason)"
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
