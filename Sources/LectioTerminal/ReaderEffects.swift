import LectioCore
import LectioUI

/// The reader's effect performer: writes notes through the notes store and runs the external
/// editor in the terminal's foreground, and reports each result as an event. This is where the
/// reader's I/O happens; `AppState` only asks for it.
public final class ReaderEffects: EffectPerformer {
    let notes: NotesStore?
    let editor: (String) -> Result<String, ExternalEditorFailure>

    /// Effects on a notes store (none: notes cannot be saved) with an editor runner.
    public init(notes: NotesStore?, editor: @escaping (String) -> Result<String, ExternalEditorFailure>) {
        self.notes = notes
        self.editor = editor
    }

    public func perform(_ effect: Effect, terminal: TerminalDevice) -> [Event] {
        switch effect {
        case .quit:
            return []
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
