import LectioCore

extension AppState {
    /// Where the marker stands in the layout.
    public func position(ofMarker index: Int) -> LinePosition {
        let m = document.footnotes[index]
        return layout.position(block: m.block, offset: m.range.lowerBound)
    }

    /// Tab / Shift-Tab: selects the next (or previous) marker from the cursor and scrolls to it.
    func selectFootnote(forward: Bool) {
        layers.pop(FootnotePopup.self)
        let markers = document.footnotes
        guard !markers.isEmpty else {
            message = "This text has no footnotes"
            return
        }
        var target: Int?
        if let selected = selectedMarker {
            // A selected marker stands under the cursor: moving the cursor clears the selection.
            target = forward ? selected + 1 : selected - 1
            if let t = target, !markers.indices.contains(t) { target = nil }
        } else if forward {
            target = firstMarker(atOrAfter: cursor)
        } else {
            target = lastMarker(before: layout.move(cursor, by: 1))
        }
        guard let target else {
            message = forward ? "No footnote marker after this point" : "No footnote marker before this point"
            return
        }
        // A marker off the screen is a jump: recorded, so Back returns, and said.
        let p = position(ofMarker: target)
        let bottom = layout.move(top, by: pageHeight - 1)
        let leavesScreen = p < top || p > bottom
        if leavesScreen { history.record(cursorOffset) }
        reading.moveCursor(to: p, anchor: document.canonicalOffset(ofFootnote: target), marker: target)
        if leavesScreen {
            message = "→ footnote \(markers[target].label)" + (currentSection.map { " › \($0.title)" } ?? "") + " (Ctrl-O goes back)"
        }
        scrollToCursor()
    }

    /// The first marker shown on the line `p` or later.
    func firstMarker(atOrAfter p: LinePosition) -> Int? {
        (document.firstFootnote(inBlockAtLeast: p.block)..<document.footnotes.count).first { position(ofMarker: $0) >= p }
    }

    /// The last marker shown before the line `p`.
    func lastMarker(before p: LinePosition) -> Int? {
        (0..<document.firstFootnote(inBlockAtLeast: p.block + 1)).last { position(ofMarker: $0) < p }
    }

    /// Enter: opens the selected marker's note, or the first marker on the cursor's line.
    func openFootnote() {
        var marker = selectedMarker
        if marker == nil, let first = firstMarker(atOrAfter: cursor), position(ofMarker: first) == cursor {
            marker = first
        }
        guard let marker else {
            message = "No footnote selected: Tab selects the next marker"
            return
        }
        reading.selectedMarker = marker
        layers.push(FootnotePopup(marker: marker))
    }

    /// The markers shown on the text pane now.
    public var markersInView: [Int] {
        guard !document.blocks.isEmpty else { return [] }
        let bottom = layout.move(top, by: pageHeight - 1)
        return document.footnotes(inBlocks: top.block...bottom.block).filter {
            let p = position(ofMarker: $0)
            return p >= top && p <= bottom
        }
    }
}
