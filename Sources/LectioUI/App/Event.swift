import LectioCore

/// Everything that can change the state: input, and the results of effects fed back by the
/// app loop. `AppState.update(_:)` is the only way in, so every behaviour is a sequence of
/// events a test can replay.
public enum Event: Sendable, Equatable {
    /// A key.
    case key(Key)
    /// A mouse event, with where things stood in the frame the reader saw.
    case mouse(MouseEvent, regions: FrameRegions)
    /// The terminal has a new size.
    case resize(width: Int, height: Int)
    /// A note was written; the notes file now holds `notes`.
    case noteSaved(Annotation, notes: [Annotation])
    /// A note could not be written, and why; nothing was lost yet: the editor still has it.
    case noteSaveFailed(Annotation, reason: String)
    /// A note was deleted; the notes file now holds `notes`.
    case noteDeleted(id: String, notes: [Annotation])
    /// A note could not be deleted, and why.
    case noteDeleteFailed(id: String, reason: String)
    /// The external editor gave this text back.
    case editorReturned(String)
    /// The external editor gave nothing back, and why.
    case editorFailed(String)
    /// The notes file holds other notes than shown (another instance changed it).
    case notesChanged([Annotation])
    /// The library file now holds these texts (after `forgetText`).
    case libraryChanged([LibraryEntry])
    /// The library file could not be changed, and why.
    case libraryFailed(String)
    /// The notes file was changed on disk by another window or `lectio notes`: read again.
    case notesChangedOnDisk([Annotation])
    /// Another copy of the notes was merged in (or linked): the notes file now holds `notes`.
    case notesMerged([Annotation], added: Int, conflicts: Int)
    /// The merge or link asked for could not be done, and why.
    case notesMergeFailed(String)
    /// A note edited here was deleted in the file meanwhile: nothing was written.
    case noteDeletedElsewhere(Annotation)
    /// The notes file was read and its notes placed in the text away from the app loop (at
    /// open, so that the first frame need not wait): the notes, in reading order; why they are
    /// read-only; what the reader should know about the file.
    case notesPlaced([PlacedNote], readOnlyReason: String?, notice: String?)
}

/// Performs the effects that `AppState.update(_:)` asks for — the I/O that the UI never does
/// itself — and reports their results as events.
public protocol EffectPerformer: AnyObject {
    /// Performs `effect` (the terminal is there for effects that need it, such as running an
    /// editor in its foreground) and returns the events that report how it went.
    func perform(_ effect: Effect, terminal: TerminalDevice) -> [Event]
    /// What changed outside the app since it last asked (the notes file written by another
    /// process), as events; asked before every frame.
    func changesFromOutside() -> [Event]
}

extension EffectPerformer {
    public func changesFromOutside() -> [Event] { [] }
}

/// Performs nothing: for a state with no notes file and no editor (tests, the benchmark).
public final class NoEffects: EffectPerformer {
    public init() {}
    public func perform(_ effect: Effect, terminal: TerminalDevice) -> [Event] {
        switch effect {
        case .quit: return []
        case .saveNote(let note), .restoreNote(let note): return [.noteSaveFailed(note, reason: "no notes file")]
        case .deleteNote(let id): return [.noteDeleteFailed(id: id, reason: "no notes file")]
        case .editExternally: return [.editorFailed("no external editor here")]
        case .openText, .openPreviousText: return []
        case .forgetText: return [.libraryFailed("no library file")]
        case .mergeNotes, .relinkNotes: return [.notesMergeFailed("no notes file")]
        }
    }
}
