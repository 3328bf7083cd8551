/// Where each pane stands for a screen size and the reader's pane choices.
///
/// From 120 columns the footnotes and personal-notes panes stand at the right by default;
/// narrower, they are folded away and, when the reader opens them, share the bottom third.
public struct PaneLayout: Sendable, Equatable {
    public static let minimumWidth = 40
    public static let minimumHeight = 10
    public static let wideWidth = 120

    public var text: Rect
    public var footnotes: Rect?
    public var notes: Rect?
    public var status: Rect
    /// Below the minimum size nothing but a message is drawn.
    public var tooSmall: Bool
    /// Extra columns on the left of the text for paragraph references.
    public var gutter = 0
    /// The most columns a line of text may take (the measure), or `nil` for the full pane.
    public var lineLength: Int?

    /// Whether side panes show by default at this width.
    public static func panesShownByDefault(width: Int) -> Bool { width >= wideWidth }

    /// The layout for a size; `footnotes`/`notes` say whether each pane is shown.
    public init(width: Int, height: Int, footnotes showFootnotes: Bool, notes showNotes: Bool, lineLength: Int? = nil) {
        self.lineLength = lineLength
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        tooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let body = Rect(x: 0, y: 0, width: width, height: height - 1)
        text = body
        footnotes = nil
        notes = nil
        if tooSmall || (!showFootnotes && !showNotes) { return }
        if width >= Self.wideWidth {
            let side = max(36, width * 3 / 10)
            text = Rect(x: 0, y: 0, width: width - side, height: body.height)
            let column = Rect(x: width - side + 1, y: 0, width: side - 1, height: body.height)
            if showFootnotes && showNotes {
                let top = column.height * 3 / 5
                footnotes = Rect(x: column.x, y: 0, width: column.width, height: top)
                notes = Rect(x: column.x, y: top, width: column.width, height: column.height - top)
            } else if showFootnotes {
                footnotes = column
            } else {
                notes = column
            }
        } else {
            let paneHeight = max(4, body.height / 3)
            text = Rect(x: 0, y: 0, width: width, height: body.height - paneHeight)
            let strip = Rect(x: 0, y: body.height - paneHeight, width: width, height: paneHeight)
            if showFootnotes && showNotes {
                let half = width / 2
                footnotes = Rect(x: 0, y: strip.y, width: half, height: strip.height)
                notes = Rect(x: half + 1, y: strip.y, width: width - half - 1, height: strip.height)
            } else if showFootnotes {
                footnotes = strip
            } else {
                notes = strip
            }
        }
    }

    /// The columns of the text pane given to the text itself: at most `lineLength` wide, centred
    /// in the pane with even margins, and at least two columns on the left for the reading
    /// cursor and marks (plus the gutter) and one on the right.
    public var textColumn: Rect {
        let left = 2 + gutter
        let available = max(1, text.width - left - 1)
        let width = min(available, max(1, lineLength ?? available))
        let x = max(text.x + left, text.x + (text.width - width) / 2)
        return Rect(x: x, y: text.y, width: width, height: text.height)
    }
}
