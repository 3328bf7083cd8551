import LectioCore

/// Where the reader is: the first line shown, the reading cursor, the exact places both stand
/// for across relayouts, and the footnote marker selected under the cursor.
///
/// A move of the cursor goes through `moveCursor(to:anchor:marker:)`, the one place that keeps
/// the cursor, its anchor and the selected marker consistent: a move leaves any selected marker
/// and any old anchor behind unless it names new ones.
public struct ReadingPosition: Sendable, Equatable {
    /// First line shown in the text pane.
    public internal(set) var top: LinePosition
    /// The reading cursor.
    public internal(set) var cursor: LinePosition
    /// The exact place the cursor stands for, kept across relayouts so that resizing there and
    /// back returns to the same line; `nil` means the start of the cursor's line.
    var cursorAnchor: Int?
    /// The same for the first line shown: a resize and its undoing give back the same screen.
    var topAnchor: Int?
    /// The word cursor: the canonical offset of the character the reader moved to (by word,
    /// character or sentence, or a search match), where `v` starts; `nil` means the start of the
    /// cursor's line. Any other move of the cursor leaves it behind.
    public internal(set) var caret: Int?
    /// The highlighted footnote marker (index in `document.footnotes`).
    public internal(set) var selectedMarker: Int?
    /// The highlighted link (index in `document.links`).
    public internal(set) var selectedLink: Int?

    /// A position with the cursor on the first line shown.
    public init(at start: LinePosition) {
        top = start
        cursor = start
    }

    /// Moves the cursor to `p`, standing for the canonical offset `anchor` (or the start of its
    /// line), with `marker` selected (or none).
    mutating func moveCursor(to p: LinePosition, anchor: Int? = nil, marker: Int? = nil, caret: Int? = nil, link: Int? = nil) {
        cursor = p
        cursorAnchor = caret ?? anchor
        selectedMarker = marker
        selectedLink = link
        self.caret = caret
    }

    /// The same words after the text was laid out again: cursor and top found from their
    /// anchors (or their old places), the anchors kept for the next relayout.
    mutating func relaid(cursorOffset: Int, topOffset: Int, in layout: DocumentLayout) {
        cursor = layout.position(ofCanonical: cursorOffset)
        top = layout.position(ofCanonical: topOffset)
        cursorAnchor = cursorOffset
        topAnchor = topOffset
    }
}
