import Glibc
import LectioCore
import LectioUI

/// The reader's effect performer: writes notes through the notes store and runs the external
/// editor in the terminal's foreground, and reports each result as an event. This is where the
/// reader's I/O happens; `AppState` only asks for it. Before each frame it looks whether the
/// notes file changed on disk (size, modification time, inode) and, if so, reads it again.
public final class ReaderEffects: EffectPerformer {
    let notes: NotesStore?
    let editor: (String) -> Result<String, ExternalEditorFailure>
    /// The library file (`forgetText` changes it).
    let library: String?
    /// The notes file as last read or written here: its status, compared to notice changes.
    var seen: FileStatus?
    /// The text's path, recorded when notes of a moved text are linked to it.
    let textPath: String?

    /// Effects on a notes store (none: notes cannot be saved) with an editor runner, the text's
    /// path and the library file.
    public init(notes: NotesStore?, textPath: String? = nil, editor: @escaping (String) -> Result<String, ExternalEditorFailure>,
                library: String? = nil) {
        self.notes = notes
        self.textPath = textPath
        self.editor = editor
        self.library = library
        seen = notes.flatMap { FileStatus(path: $0.path) }
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
            guard let notes else { return [.noteSaveFailed(note, reason: "there is no notes file")] }
            do {
                if case .saveNote = effect, notes.notes.contains(where: { $0.id == note.id }) {
                    // An edit: if another window deleted the note meanwhile, ask before bringing it back.
                    try notes.reload()
                    seen = FileStatus(path: notes.path)
                    if !notes.notes.contains(where: { $0.id == note.id }) { return [.noteDeletedElsewhere(note)] }
                }
                try notes.save(note)
                seen = FileStatus(path: notes.path)
                return [.noteSaved(note, notes: notes.notes)]
            } catch {
                return [.noteSaveFailed(note, reason: "\(error)")]
            }
        case .deleteNote(let id):
            guard let notes else { return [.noteDeleteFailed(id: id, reason: "there is no notes file")] }
            do {
                try notes.delete(id: id)
                seen = FileStatus(path: notes.path)
                return [.noteDeleted(id: id, notes: notes.notes)]
            } catch {
                return [.noteDeleteFailed(id: id, reason: "\(error)")]
            }
        case .mergeNotes(let copy):
            guard let notes else { return [.notesMergeFailed("there is no notes file")] }
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
                seen = FileStatus(path: notes.path)
                return [.notesMerged(notes.notes, added: result?.added ?? 0, conflicts: result?.conflicts ?? 0)]
            } catch {
                return [.notesMergeFailed("\(error)")]
            }
        case .relinkNotes(let old):
            guard let notes, let textPath else { return [.notesMergeFailed("there is no notes file")] }
            do {
                try NotesRelocation.relink(from: old, to: notes.path, textPath: textPath)
                try notes.reload()
                seen = FileStatus(path: notes.path)
                return [.notesMerged(notes.notes, added: notes.notes.count, conflicts: 0)]
            } catch {
                return [.notesMergeFailed("\(error)")]
            }
        case .editExternally(let text):
            var result: Result<String, ExternalEditorFailure> = .failure(ExternalEditorFailure("not run"))
            terminal.suspend { result = editor(text) }
            switch result {
            case .success(let edited): return [.editorReturned(edited)]
            case .failure(let failure): return [.editorFailed(failure.description)]
            }
        }
    }

    /// The notes file read again when it changed on disk since this process last saw it.
    public func changesFromOutside() -> [Event] {
        guard let notes, notes.readOnlyReason == nil else { return [] }
        let now = FileStatus(path: notes.path)
        guard now != seen else { return [] }
        seen = now
        do { try notes.reload() } catch { return [] }
        return [.notesChangedOnDisk(notes.notes)]
    }
}
