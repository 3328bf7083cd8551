import LectioCore

/// What the app loop needs of a terminal: its size, a way to show a frame, and keys.
public protocol TerminalDevice: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows a finished frame.
    func present(_ screen: Screen)
    /// Waits for the next key; `nil` when input has ended.
    func nextKey() -> Key?
    /// Gives the terminal to another program (`$EDITOR`) while `body` runs.
    func suspend(_ body: () -> Void)
}

extension TerminalDevice {
    public func suspend(_ body: () -> Void) { body() }
}

/// The one loop that owns input, resizing and drawing, and performs the effects that
/// `AppState` asks for: saving notes, running `$EDITOR`, quitting.
public final class App {
    public let state: AppState
    let terminal: TerminalDevice
    let notes: NotesStore?
    let editExternally: (String) -> Result<String, ExternalEditorError>

    /// An app for a state on a terminal, with the notes file (if any) and the way to run
    /// an external editor.
    public init(state: AppState, terminal: TerminalDevice, notes: NotesStore? = nil,
                editExternally: @escaping (String) -> Result<String, ExternalEditorError> = ExternalEditor.edit) {
        self.state = state
        self.terminal = terminal
        self.notes = notes
        self.editExternally = editExternally
    }

    /// Runs until the reader quits or input ends.
    public func run() {
        let size = terminal.size
        if size.width != state.width || size.height != state.height { state.resize(width: size.width, height: size.height) }
        while true {
            terminal.present(FrameRenderer.render(state))
            guard let key = terminal.nextKey() else { return }
            if key == .resize {
                let size = terminal.size
                state.resize(width: size.width, height: size.height)
                continue
            }
            for effect in state.handle(key) {
                if effect == .quit { return }
                perform(effect)
            }
        }
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            break  // run() ends the loop before performing anything else
        case .saveNote(let note):
            guard let notes else { return state.show("No notes file: the note was not saved") }
            do {
                try notes.save(note)
                state.notesDidChange(notes.notes)
            } catch {
                state.show("Not saved: \(error)")
            }
        case .deleteNote(let id):
            guard let notes else { return }
            do {
                try notes.delete(id: id)
                state.notesDidChange(notes.notes)
            } catch {
                state.show("Not deleted: \(error)")
            }
        case .editExternally(let text):
            var result: Result<String, ExternalEditorError> = .failure(.failed("not run"))
            terminal.suspend { result = editExternally(text) }
            switch result {
            case .success(let edited): state.externalEditorReturned(edited)
            case .failure(let error): state.show("$EDITOR: \(error)")
            }
        }
    }
}
