import LectioCore

extension AppState {
    /// The entries the notes pane lists now: its scope, filtered by tag and words, in its order.
    public var notesInPane: [NotesPaneEntry] {
        // The section's notes, by canonical offsets: where its heading's block starts, to where
        // the next section's does.
        let sections = document.sections
        let here = document.sectionIndex(containing: cursor.block)
        let start = here.map { document.blocks[sections[$0].block].start } ?? Int.min
        let next = here.map { $0 + 1 } ?? 0
        let end = next < sections.count ? document.blocks[sections[next].block].start : Int.max
        return notesPane.entries(of: annotations, section: start..<end)
    }

    /// The note highlighted in the notes pane.
    var selectedPaneNote: PlacedNote? {
        let entries = notesInPane
        guard entries.indices.contains(notesPane.selected) else { return nil }
        return annotations[entries[notesPane.selected].note]
    }

    func focusNotes() {
        if !showsNotesPane {
            notesPaneChoice = true
            relayout()
        }
        notesPane.focus = true
        notesPane.clampSelection(toCount: notesInPane.count)
        if notesInPane.isEmpty { message = "No notes here yet: v selects a passage, a writes a note" }
    }

    /// Enter in the notes pane: the whole note in a viewer.
    func viewSelectedNote() {
        guard let note = selectedPaneNote else { return }
        layers.push(NoteViewer(id: note.annotation.id))
    }

    /// `#` in the notes pane: a list of the tags to show only one.
    func chooseTag() {
        let tags = Set(annotations.flatMap(\.annotation.tags)).sorted()
        guard !tags.isEmpty else {
            message = "No tags yet: #words in a note become tags"
            return
        }
        layers.push(TagChooser(tags: tags, selected: notesPane.tag.flatMap { tags.firstIndex(of: $0) } ?? 0))
    }

    /// Highlights the note with this id in the pane (it may have moved: the file was read again).
    func selectPaneNote(id: String) {
        if let i = notesInPane.firstIndex(where: { annotations[$0.note].annotation.id == id }) { notesPane.selected = i }
    }

    /// Shows only the notes of `tag`.
    func filterNotes(byTag tag: String) {
        notesPane.filter(byTag: tag)
    }

    func moveNotesSelection(by n: Int) {
        notesPane.moveSelection(by: n, count: notesInPane.count)
    }

    func goToSelectedNote() {
        guard let note = selectedPaneNote else { return }
        guard let range = note.range else {
            message = "This note is orphaned: its passage is no longer in the text (r re-attaches it)"
            return
        }
        notesPane.focus = false
        jump(to: layout.position(ofCanonical: range.lowerBound), anchor: range.lowerBound)
    }

    func editSelectedNote() {
        guard let note = selectedPaneNote else { return }
        if let reason = notesReadOnlyReason {
            message = "Notes are read-only: \(reason)"
            return
        }
        let range = note.range ?? note.annotation.anchor.start..<note.annotation.anchor.end
        var editor = NoteEditor(range: range, editing: note.annotation.id, body: note.annotation.body)
        editor.editedNote = note.annotation
        layers.push(editor)
    }

    func askToDeleteSelectedNote() {
        guard let note = selectedPaneNote else { return }
        if let reason = notesReadOnlyReason {
            message = "Notes are read-only: \(reason)"
            return
        }
        let quote = note.annotation.anchor.exact.replacingNewlines()
        layers.push(Confirmation(question: "Delete the note on “\(quote.prefix(40))\(quote.count > 40 ? "…" : "")”? (y/n)",
                                            action: .deleteNote(id: note.annotation.id)))
    }

    func reattachSelectedNote() {
        guard let note = selectedPaneNote else { return }
        guard note.range == nil else {
            message = "Only an orphaned note needs re-attaching"
            return
        }
        notesPane.focus = false
        startSelection()
        selection?.reattaching = note.annotation.id
        message = nil
    }

    /// The notes whose passage overlaps the canonical range.
    func annotations(overlapping range: Range<Int>) -> [Int] {
        annotations.indices.filter { annotations[$0].range?.overlaps(range) ?? false }
    }
}
