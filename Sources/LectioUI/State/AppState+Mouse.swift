import LectioCore

/// Where things stood in the last frame drawn, for the mouse: hit-testing uses what the reader
/// saw, never a layout made again.
public struct FrameRegions: Sendable, Equatable {
    /// The rectangle of each popup, bottom to top (`nil` for one that drew nothing).
    public var popups: [Rect?] = []
    /// The notes pane's rows: screen row → entry of `notesInPane`.
    public var notesEntries: [Int: Int] = [:]

    public init(popups: [Rect?] = [], notesEntries: [Int: Int] = [:]) {
        self.popups = popups
        self.notesEntries = notesEntries
    }
}

extension AppState {
    /// The wheel scrolls; a click on a footnote marker opens its note, on a note in the notes
    /// pane jumps there; a popup on top takes the event itself (a click outside closes it).
    func mouse(_ event: MouseEvent, regions: FrameRegions) -> [Effect] {
        message = nil
        if let popup = layers.top {
            var top = popup
            let rect = regions.popups.count == layers.count ? regions.popups.last ?? nil : nil
            return apply(top.click(event, rect: rect, reader: self), to: top)
        }
        switch event.kind {
        case .wheelUp, .wheelDown:
            scroll(by: event.kind == .wheelUp ? -3 : 3)
            return []
        case .release:
            drag(to: event)
            return []
        case .click:
            break
        }
        let panes = self.panes
        if let rect = panes.notes, rect.contains(x: event.x, y: event.y) {
            if let entry = regions.notesEntries[event.y] {
                notesPane.focus = true
                notesPane.selected = entry
                goToSelectedNote()
            }
            return []
        }
        if let rect = rulerRect, rect.contains(x: event.x, y: event.y) {
            clickRuler(row: event.y - rect.y)
            return []
        }
        guard let (p, offset) = place(at: event) else { return [] }
        let canonicalOffset = document.blocks[p.block].start + min(offset, max(0, document.blocks[p.block].scalarCount - 1))
        // The word cursor goes where the button went down; letting it go elsewhere selects.
        reading.moveCursor(to: p, caret: canonicalOffset)
        selection = nil
        mousePress = canonicalOffset
        if let marker = document.footnotes(inBlocks: p.block...p.block).first(where: { document.footnotes[$0].range.contains(offset) }) {
            reading.selectedMarker = marker
            layers.push(FootnotePopup(marker: marker))
        }
        return []
    }

    /// The line and the offset in its block under a mouse event in the text pane.
    func place(at event: MouseEvent) -> (LinePosition, Int)? {
        let panes = self.panes
        guard panes.text.contains(x: event.x, y: event.y), !document.blocks.isEmpty else { return nil }
        let row = event.y - panes.text.y
        let p = layout.move(top, by: row)
        guard layout.distance(from: top, to: p) == row, !isSeparator(p) else { return nil }
        let line = layout.line(at: p)
        var x = panes.textColumn.x + line.indent
        var offset = line.start
        // Justified, the spaces are wider, as drawn.
        let justify = justification(ofLineAt: p)
        let gaps = justify > 0 ? line.text.filter { $0 == " " }.count : 0
        var gap = 0
        for c in line.text {
            var w = measure.width(of: c)
            if gaps > 0, c == " " {
                w += Self.justificationColumns(gap: gap, of: gaps, spreading: justify)
                gap += 1
            }
            if event.x >= x && event.x < x + max(1, w) { break }
            x += w
            offset += c.unicodeScalars.count
        }
        return (p, offset)
    }

    /// The button let go: after a drag from where it went down, the passage between is selected.
    func drag(to event: MouseEvent) {
        guard let press = mousePress else { return }
        mousePress = nil
        guard let (p, offset) = place(at: event) else { return }
        let here = document.blocks[p.block].start + min(offset, max(0, document.blocks[p.block].scalarCount - 1))
        guard here != press else { return }
        selection = .dragged(from: press, to: here)
        followSelection()
    }

    /// Scrolls the view by `n` lines; the cursor stays on screen.
    func scroll(by n: Int) {
        let newTop = n > 0 ? min(layout.move(top, by: n), maxTop) : layout.move(top, by: n)
        top = newTop
        let bottom = layout.move(top, by: pageHeight - 1)
        var c = cursor
        if c < top { c = step(top, by: 0) }
        if c > bottom { c = bottom }
        if isSeparator(c) { c = layout.move(c, by: n > 0 ? 1 : -1) }
        reading.moveCursor(to: c)
    }
}
