import LectioCore

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

/// In which order the notes pane lists notes.
public enum NotesOrder: String, Sendable, CaseIterable {
    case place = "by place"
    case modified = "latest first"
}
