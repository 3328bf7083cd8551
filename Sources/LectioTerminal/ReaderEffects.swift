import Glibc
import LectioCore
import LectioUI

/// The reader's effect performer: writes notes through the notes store and runs the external
/// editor in the terminal's foreground, and reports each result as an event. This is where the
/// reader's I/O happens; `AppState` only asks for it.
///
/// Notes are written on a thread of their own (`NotesWorker`): `perform` asks for a save and
/// returns at once, and the result (`.noteSaved`, `.noteSaveFailed`…) comes back through
/// `changesFromOutside()`, which the app loop calls before each frame; `wake` tells the loop
/// that a result is waiting. Saves run in the order asked; `finish()` (or the end of the
/// performer) waits for those still running. When no save is running, `changesFromOutside()`
/// also looks whether the notes file changed on disk (size, modification time, inode) and, if
/// so, has it read again.
public final class ReaderEffects: EffectPerformer {
    let worker: NotesWorker?
    let editor: (String) -> Result<String, ExternalEditorFailure>
    /// The library file (`forgetText` changes it).
    let library: String?
    /// The notes file's path (the store's), looked at from the app loop.
    let notesPath: String?
    /// The notes file as last read or written here: its status, compared to notice changes.
    var seen: FileStatus?
    /// The text's path, recorded when notes of a moved text are linked to it.
    let textPath: String?
    /// Jobs asked of the worker whose delivery has not been collected yet.
    private var pending = 0

    /// Effects on a notes store (none: notes cannot be saved) with an editor runner, the text's
    /// path and the library file. `wake` is called from the notes thread when a result waits
    /// (the terminal makes its `nextKey()` return). With `inBackground` false, notes are
    /// written at once and `perform` returns their result (tests, a loop without a wake-up).
    public init(notes: NotesStore?, textPath: String? = nil, editor: @escaping (String) -> Result<String, ExternalEditorFailure>,
                library: String? = nil, wake: @escaping @Sendable () -> Void = {}, inBackground: Bool = true) {
        self.textPath = textPath
        self.editor = editor
        self.library = library
        notesPath = notes?.path
        worker = notes.map { NotesWorker(store: $0, inBackground: inBackground, wake: wake) }
        seen = notes.flatMap { FileStatus(path: $0.path) }
    }

    deinit { worker?.finish() }

    /// Waits until every note asked to be written is in the file (call before the process ends).
    public func finish() { worker?.finish() }

    /// Reads the notes file and places its notes in `text` on the notes thread, for a store made
    /// without reading (`NotesStore(readingNow: false)`): the first frame need not wait for
    /// them. `.notesPlaced` reports them.
    public func placeNotes(in text: @escaping @Sendable () -> SourceText) {
        _ = submit { store in
            store.load()
            // No notes, no text to place them in (it is four bytes a character: a long book's
            // is tens of MB).
            let placed = store.readOnlyReason == nil && !store.notes.isEmpty ? PlacedNote.place(store.notes, in: text()) : []
            return [.notesPlaced(placed, readOnlyReason: store.readOnlyReason, notice: store.notice)]
        }
    }

    public func perform(_ effect: Effect, terminal: TerminalDevice) -> [Event] {
        switch effect {
        case .quit, .openText, .openPreviousText:
            return []  // the app loop ends; the session opens the other text
        case .forgetText(let path):
            guard let library else { return [.libraryFailed("there is no library file")] }
            do {
                return [.libraryChanged(try Library.update(path: library) { $0.forget(path: path) }.entries)]
            } catch {
                return [.libraryFailed("\(error)")]
            }
        case .saveNote(let note), .restoreNote(let note):
            guard worker != nil else { return [.noteSaveFailed(note, reason: "there is no notes file")] }
            let isEdit: Bool = { if case .saveNote = effect { return true } else { return false } }()
            return submit { store in Self.save(note, checkingDeletion: isEdit, in: store) }
        case .deleteNote(let id):
            guard worker != nil else { return [.noteDeleteFailed(id: id, reason: "there is no notes file")] }
            return submit { store in
                do {
                    try store.delete(id: id)
                    return [.noteDeleted(id: id, notes: store.notes)]
                } catch {
                    return [.noteDeleteFailed(id: id, reason: "\(error)")]
                }
            }
        case .mergeNotes(let copy):
            guard let worker else { return [.notesMergeFailed("there is no notes file")] }
            // Rare and asked for at open: done at once, after the saves asked before it.
            var events = collected()
            events += worker.sync { notes -> [Event] in
                do {
                    guard let data = try AtomicFile.read(copy) else { return [.notesMergeFailed("\(copy) is gone")] }
                    let theirs = try NotesFile.decode(data, path: copy)
                    var result: NotesMerge.Result?
                    try notes.change { mine in
                        let merged = NotesMerge.merge(mine, theirs.notes)
                        result = merged
                        mine = merged.notes
                    }
                    // Merged: the copy is kept, renamed, so that it is not offered again.
                    _ = rename(copy, copy + ".merged")
                    return [.notesMerged(notes.notes, added: result?.added ?? 0, conflicts: result?.conflicts ?? 0)]
                } catch {
                    return [.notesMergeFailed("\(error)")]
                }
            }
            seen = notesPath.flatMap { FileStatus(path: $0) }
            return events
        case .relinkNotes(let old):
            guard let worker, let textPath else { return [.notesMergeFailed("there is no notes file")] }
            var events = collected()
            events += worker.sync { notes -> [Event] in
                do {
                    try NotesRelocation.relink(from: old, to: notes.path, textPath: textPath)
                    try notes.reload()
                    return [.notesMerged(notes.notes, added: notes.notes.count, conflicts: 0)]
                } catch {
                    return [.notesMergeFailed("\(error)")]
                }
            }
            seen = notesPath.flatMap { FileStatus(path: $0) }
            return events
        case .editExternally(let text):
            var result: Result<String, ExternalEditorFailure> = .failure(ExternalEditorFailure("not run"))
            terminal.suspend { result = editor(text) }
            switch result {
            case .success(let edited): return [.editorReturned(edited)]
            case .failure(let failure): return [.editorFailed(failure.description)]
            }
        }
    }

    /// The results of the notes thread since the last frame; then, when no save is running,
    /// the notes file read again if it changed on disk since this process last saw it.
    public func changesFromOutside() -> [Event] {
        var events = collected()
        guard pending == 0, let notesPath else { return events }
        let now = FileStatus(path: notesPath)
        guard now != seen else { return events }
        seen = now
        events += submit { store in
            guard store.readOnlyReason == nil else { return [] }
            do { try store.reload() } catch { return [] }
            return [.notesChangedOnDisk(store.notes)]
        }
        return events
    }

    /// Asks the worker for `job`; returns its events at once when the worker runs jobs at once.
    private func submit(_ job: @escaping @Sendable (NotesStore) -> [Event]) -> [Event] {
        guard let worker else { return [] }
        pending += 1
        worker.submit { store in
            let events = job(store)
            return NotesWorker.Delivery(events: events, seen: .some(FileStatus(path: store.path)))
        }
        return worker.inBackground ? [] : collected()
    }

    /// The worker's deliveries so far: their events, in order; the last file status seen.
    private func collected() -> [Event] {
        guard let worker else { return [] }
        var events: [Event] = []
        for delivery in worker.collect() {
            pending -= 1
            if let status = delivery.seen { seen = status }
            events += delivery.events
        }
        return events
    }

    /// Writes `note`; an edit of a note that another window deleted meanwhile is not written
    /// but asked about (`.noteDeletedElsewhere`).
    static func save(_ note: Annotation, checkingDeletion: Bool, in notes: NotesStore) -> [Event] {
        do {
            if checkingDeletion, notes.notes.contains(where: { $0.id == note.id }) {
                // An edit: if another window deleted the note meanwhile, ask before bringing it back.
                try notes.reload()
                if !notes.notes.contains(where: { $0.id == note.id }) { return [.noteDeletedElsewhere(note)] }
            }
            try notes.save(note)
            return [.noteSaved(note, notes: notes.notes)]
        } catch {
            return [.noteSaveFailed(note, reason: "\(error)")]
        }
    }
}
