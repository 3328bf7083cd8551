import LectioCore

/// The note editor popup's state: the passage, the text typed so far and the caret.
public struct NoteEditor: Sendable, Equatable {
    /// The canonical range of the passage.
    public var range: Range<Int>
    /// The note being edited, or `nil` for a new note.
    public var editing: String?
    /// The text, as characters; `caret` is an index into it.
    public var characters: [Character]
    public var caret: Int
    /// The text when the editor opened, to know whether anything was typed.
    public let original: String
    /// The id of the note whose save was asked for and not yet reported.
    public var saving: String?
    /// Why the last save or the external editor failed, shown in the editor's frame.
    public var error: String?

    /// An editor on `range` with `body` already written.
    public init(range: Range<Int>, editing: String? = nil, body: String = "") {
        self.range = range
        self.editing = editing
        characters = Array(body)
        caret = characters.count
        original = body
    }

    /// The text.
    public var text: String { String(characters) }
    /// Whether anything changed since the editor opened.
    public var isModified: Bool { text != original }

    mutating func insert(_ c: Character) {
        characters.insert(c, at: caret)
        caret += 1
    }

    mutating func deleteBackward() {
        guard caret > 0 else { return }
        characters.remove(at: caret - 1)
        caret -= 1
    }

    mutating func deleteForward() {
        guard caret < characters.count else { return }
        characters.remove(at: caret)
    }

    mutating func move(by n: Int) { caret = max(0, min(characters.count, caret + n)) }

    /// Home / End: to the start or end of the current line of text.
    mutating func moveToLineEdge(end: Bool) {
        if end {
            while caret < characters.count, characters[caret] != "\n" { caret += 1 }
        } else {
            while caret > 0, characters[caret - 1] != "\n" { caret -= 1 }
        }
    }

    /// Replaces the text (after an external editor).
    mutating func replace(with text: String) {
        characters = Array(text)
        caret = characters.count
    }
}

/// A yes/no question in a popup.
public struct Confirmation: Sendable, Equatable {
    /// What "yes" does.
    public enum Action: Sendable, Equatable {
        case deleteNote(id: String)
        case discardEditor
    }
    public var question: String
    public var action: Action
}

/// A passage being chosen: the anchor end stays, the active end moves with the keys.
public struct Selection: Sendable, Equatable {
    public var anchor: Int
    public var head: Int
    /// Whether keys move the start (after `o`) rather than the end.
    public var movesStart = false
    /// The note to re-attach to this passage instead of writing a new one.
    public var reattaching: String?

    /// The canonical range selected.
    public var range: Range<Int> { min(anchor, head)..<max(anchor, head) }
}

/// Which notes the notes pane lists.
public enum NotesScope: String, Sendable, CaseIterable {
    case section = "this section"
    case all = "all notes"
    case byTag = "by tag"

    var next: NotesScope {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
