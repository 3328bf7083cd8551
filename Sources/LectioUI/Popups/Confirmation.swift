import LectioCore

/// A yes/no question in a popup.
public struct Confirmation: Popup, Equatable {
    /// What "yes" does.
    public enum Action: Sendable, Equatable {
        case deleteNote(id: String)
        case discardEditor
        /// Quit although the note editor holds unsaved text.
        case quit
        /// Write back a note that another window deleted.
        case restoreNote(Annotation)
        /// Merge a sync-conflict copy of the notes file, or take the notes of a moved text.
        case mergeNotes(from: String)
        case relinkNotes(from: String)
    }
    public var question: String
    public var action: Action
    /// Whether "no" also closes the note editor under the question.
    public var noClosesEditor: Bool

    /// A question and what yes does.
    public init(question: String, action: Action, noClosesEditor: Bool = false) {
        self.question = question
        self.action = action
        self.noClosesEditor = noClosesEditor
    }

    public static let mode = Mode("confirm", title: "Questions")
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("y"), .char("Y")], .confirmYes),
        KeyBinding([.char("n"), .char("N"), .escape], .confirmNo),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        switch command {
        case .confirmNo:
            guard noClosesEditor else { return .close }
            return .close { reader in
                reader.layers.pop(NoteEditor.self)
                reader.message = "The note stays deleted"
                return []
            }
        case .confirmYes:
            switch action {
            case .discardEditor: return .close { $0.layers.pop(NoteEditor.self); return [] }
            case .deleteNote(let id): return .close { _ in [.deleteNote(id: id)] }
            case .quit: return .close { _ in [.quit] }
            case .restoreNote(let note): return .close { _ in [.restoreNote(note)] }
            case .mergeNotes(let path): return .close { _ in [.mergeNotes(from: path)] }
            case .relinkNotes(let path): return .close { _ in [.relinkNotes(from: path)] }
            }
        default: return .keep
        }
    }

    /// A question waits for its answer: clicks do nothing.
    public mutating func click(_ event: MouseEvent, rect: Rect?, reader: AppState) -> PopupOutcome { .keep }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let width = min(screen.measure.width(of: question) + 6, screen.width - 2)
        let r = Rect(x: (screen.width - width) / 2, y: max(0, screen.height / 2 - 2), width: width, height: 3)
        screen.box(r, title: "Confirm", style: Style(.bold, role: .notice))
        screen.put(question, x: r.x + 2, y: r.y + 1, maxWidth: width - 4, style: Style(.bold))
        return r
    }
}
