import LectioCore

/// A passage being chosen: the anchor end stays, the active end moves with the keys.
public struct Selection: Sendable, Equatable {
    /// The canonical offset of the end that stays.
    public var anchor: Int
    /// The canonical offset of the end that moves.
    public var head: Int
    /// Whether keys move the start (after `o`) rather than the end.
    public var movesStart = false
    /// The note to re-attach to this passage instead of writing a new one.
    public var reattaching: String?

    /// The canonical range selected.
    public var range: Range<Int> { min(anchor, head)..<max(anchor, head) }

    /// The character at the end that moves: the first one after `o`, else the last one.
    public var movingEnd: Int { movesStart ? range.lowerBound : max(range.lowerBound, range.upperBound - 1) }

    /// The passage dragged over with the mouse, from the character where the button went down
    /// to the one where it was let go, both included.
    static func dragged(from press: Int, to release: Int) -> Selection {
        Selection(anchor: min(press, release), head: max(press, release) + 1)
    }

    /// Moves the start to `offset`; the end stays, and at least one character stays selected.
    mutating func moveStart(to offset: Int) {
        let end = range.upperBound
        anchor = end
        head = min(offset, end - 1)
    }

    /// Moves the end (exclusive) to `offset`; the start stays, and at least one character
    /// stays selected.
    mutating func moveEnd(to offset: Int) {
        let start = range.lowerBound
        anchor = start
        head = max(offset, start + 1)
    }
}
