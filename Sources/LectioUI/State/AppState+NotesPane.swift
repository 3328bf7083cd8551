import LectioCore

/// One line item of the notes pane: a note, and the tag it is listed under (by-tag scope).
public struct NotesPaneEntry: Sendable, Equatable {
    public var note: Int
    public var group: String?
}

extension AppState {
    /// The entries the notes pane lists now: its scope, filtered by tag and words, in its order.
    public var notesInPane: [NotesPaneEntry] {
        var entries = notesInScope
        if let tag = notesTag { entries = entries.filter { annotations[$0.note].annotation.tags.contains(tag) } }
        if let filter = notesFilter, !filter.isEmpty {
            let needle = NotesFilter(filter)
            entries = entries.filter { needle.matches(annotations[$0.note].annotation) }
        }
        if notesOrder == .modified, notesScope != .byTag {
            entries.sort { annotations[$0.note].annotation.modified > annotations[$1.note].annotation.modified }
        }
        return entries
    }

    /// The entries of the pane's scope.
    var notesInScope: [NotesPaneEntry] {
        switch notesScope {
        case .all:
            return annotations.indices.map { NotesPaneEntry(note: $0, group: nil) }
        case .section:
            // Notes stand in reading order, orphans last: the section's notes are one run,
            // found by halving (a pane over 100,000 notes looks at a few dozen), then the orphans.
            let sections = document.sections
            let here = document.sectionIndex(containing: cursor.block)
            let start = here.map { document.blocks[sections[$0].block].start } ?? Int.min
            let next = here.map { $0 + 1 } ?? 0
            let end = next < sections.count ? document.blocks[sections[next].block].start : Int.max
            let placed = annotations
            let from = Self.firstIndex(in: placed) { ($0.range?.lowerBound ?? Int.max) >= start }
            let to = Self.firstIndex(in: placed) { ($0.range?.lowerBound ?? Int.max) >= end }
            let orphans = Self.firstIndex(in: placed) { $0.range == nil }
            return (Array(from..<max(from, min(to, orphans))) + Array(orphans..<placed.count)).map { NotesPaneEntry(note: $0, group: nil) }
        case .byTag:
            var entries: [NotesPaneEntry] = []
            let tags = Set(annotations.flatMap(\.annotation.tags)).sorted()
            for tag in tags {
                for i in annotations.indices where annotations[i].annotation.tags.contains(tag) {
                    entries.append(NotesPaneEntry(note: i, group: "#" + tag))
                }
            }
            for i in annotations.indices where annotations[i].annotation.tags.isEmpty {
                entries.append(NotesPaneEntry(note: i, group: "untagged"))
            }
            return entries
        }
    }

    /// The first index of `notes` where `isAfter` holds, which holds from there on.
    static func firstIndex(in notes: [PlacedNote], where isAfter: (PlacedNote) -> Bool) -> Int {
        var low = 0, high = notes.count
        while low < high {
            let mid = (low + high) / 2
            if isAfter(notes[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The note highlighted in the notes pane.
    var selectedPaneNote: PlacedNote? {
        let entries = notesInPane
        guard entries.indices.contains(notesSelected) else { return nil }
        return annotations[entries[notesSelected].note]
    }

    func focusNotes() {
        if !showsNotesPane {
            notesPaneChoice = true
            relayout()
        }
        notesFocus = true
        notesSelected = min(notesSelected, max(0, notesInPane.count - 1))
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
        layers.push(TagChooser(tags: tags, selected: notesTag.flatMap { tags.firstIndex(of: $0) } ?? 0))
    }

    /// Highlights the note with this id in the pane (it may have moved: the file was read again).
    func selectPaneNote(id: String) {
        if let i = notesInPane.firstIndex(where: { annotations[$0.note].annotation.id == id }) { notesSelected = i }
    }

    /// Shows only the notes of `tag`.
    func filterNotes(byTag tag: String) {
        notesTag = tag
        notesSelected = 0
        notesFocus = true
    }

    func moveNotesSelection(by n: Int) {
        notesSelected = max(0, min(notesInPane.count - 1, notesSelected + n))
    }

    func goToSelectedNote() {
        guard let note = selectedPaneNote else { return }
        guard let range = note.range else {
            message = "This note is orphaned: its passage is no longer in the text (r re-attaches it)"
            return
        }
        notesFocus = false
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
        notesFocus = false
        startSelection()
        selection?.reattaching = note.annotation.id
        message = nil
    }

    /// The notes whose passage overlaps the canonical range.
    func annotations(overlapping range: Range<Int>) -> [Int] {
        annotations.indices.filter { annotations[$0].range?.overlaps(range) ?? false }
    }
}
