import LectioCore

/// What the app loop must do after a key: the state itself never does I/O.
public enum Effect: Sendable, Equatable {
    case quit
    /// Write this note to the notes file (add, or replace by id).
    case saveNote(Annotation)
    /// Write this note although it was deleted in the file meanwhile (the reader chose to keep it).
    case restoreNote(Annotation)
    /// Merge the notes of this copy of the notes file (a sync conflict) into the notes file.
    case mergeNotes(from: String)
    /// Take the notes file written for this text under another path (the text was moved).
    case relinkNotes(from: String)
    /// Delete the note with this id from the notes file.
    case deleteNote(id: String)
    /// Hand the note editor's text to `$EDITOR`, then put the result back in the editor.
    case editExternally(String)
}
