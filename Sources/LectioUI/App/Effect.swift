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
    /// Leave this text for the one at this path (chosen in the library); the app loop ends
    /// and the session opens it, keeping this one to come back to.
    case openText(String)
    /// Come back to the text read before this one (Ctrl-O at the first place).
    case openPreviousText
    /// Drop the library's entry of this path (the text and its notes stay).
    case forgetText(String)
}
