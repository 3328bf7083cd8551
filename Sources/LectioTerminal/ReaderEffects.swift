import LectioCore
import LectioUI

/// The reader's effect performer: writes notes through the notes store and runs the external
/// editor in the terminal's foreground, and reports each result as an event. This is where the
/// reader's I/O happens; `AppState` only asks for it.
public final class ReaderEffects: EffectPerformer {
    let notes: NotesStore?
    let editor: (String) -> Result<String, ExternalEditorFailure>
    /// The library file (`forgetText` changes it).
    let library: String?

    /// Effects on a notes store (none: notes cannot be saved) with an editor runner, and the
    /// library file.
    public init(notes: NotesStore?, editor: @escaping (String) -> Result<String, ExternalEditorFailure>, library: String? = nil) {
        self.notes = notes
        self.editor = editor
        self.library = library
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
        case .saveNote(let note):
            guard let notes else { return [.noteSaveFailed(note, reason: "there is no notes file")] }
            do {
                try notes.save(note)
                return [.noteSaved(note, notes: notes.notes)]
            } catch {
                return [.noteSaveFailed(note, reason: "\(error)")]
            }
        case .deleteNote(let id):
            guard let notes else { return [.noteDeleteFailed(id: id, reason: "there is no notes file")] }
            do {
                try notes.delete(id: id)
                return [.noteDeleted(id: id, notes: notes.notes)]
            } catch {
                return [.noteDeleteFailed(id: id, reason: "\(error)")]
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
}
