import LectioCore

extension AppState {
    /// The wheel scrolls; a click on a footnote marker opens its note, on a contents entry or a
    /// note in the notes pane jumps there; a click outside a popup closes it.
    func mouse(_ event: MouseEvent) -> [Effect] {
        message = nil
        switch event.kind {
        case .wheelUp, .wheelDown:
            if layers.isEmpty { scroll(by: event.kind == .wheelUp ? -3 : 3) } else { scrollPopup(by: event.kind == .wheelUp ? -3 : 3) }
            return []
        case .click:
            break
        }
        if let layer = layers.last {
            switch layer {
            case .contents(let popup):
                let view = ContentsView(state: self, popup: popup)
                if let section = view.section(atRow: event.y) {
                    layers[layers.count - 1] = .contents(ContentsPopup(selected: section))
                    chooseSection()
                } else if !view.rect.contains(x: event.x, y: event.y) {
                    layers.removeLast()
                }
            case .footnote(let popup):
                if !FootnotePopupView(state: self, popup: popup).rect.contains(x: event.x, y: event.y) { layers.removeLast() }
            case .help:
                if !HelpView(state: self).rect.contains(x: event.x, y: event.y) { layers.removeLast() }
            case .noteEditor, .confirm, .prompt:
                break
            }
            return []
        }
        let panes = self.panes
        if let rect = panes.notes, rect.contains(x: event.x, y: event.y) {
            let inner = NotesPaneView.inner(of: rect, focused: notesFocus)
            let rows = NotesPaneView(state: self).rows(inner: inner)
            let row = event.y - inner.y
            if rows.indices.contains(row), let entry = rows[row].2 {
                notesFocus = true
                notesSelected = entry
                goToSelectedNote()
            }
            return []
        }
        guard panes.text.contains(x: event.x, y: event.y), !document.blocks.isEmpty else { return [] }
        let row = event.y - panes.text.y
        let p = layout.move(top, by: row)
        guard layout.distance(from: top, to: p) == row, !isSeparator(p) else { return [] }
        cursor = p
        cursorAnchor = nil
        selection = nil
        selectedMarker = nil
        // The marker under the click, if any.
        let line = layout.line(at: p)
        let column = panes.textColumn
        var x = column.x + line.indent
        var offset = line.start
        for c in line.text {
            let w = measure.width(of: c)
            if event.x >= x && event.x < x + max(1, w) { break }
            x += w
            offset += c.unicodeScalars.count
        }
        if let marker = document.footnotes(inBlocks: p.block...p.block).first(where: { document.footnotes[$0].range.contains(offset) }) {
            selectedMarker = marker
            layers.append(.footnote(FootnotePopup(marker: marker)))
        }
        return []
    }

    /// Scrolls the view by `n` lines; the cursor stays on screen.
    func scroll(by n: Int) {
        let newTop = n > 0 ? min(layout.move(top, by: n), maxTop) : layout.move(top, by: n)
        top = newTop
        let bottom = layout.move(top, by: pageHeight - 1)
        if cursor < top { cursor = step(top, by: 0) }
        if cursor > bottom { cursor = bottom }
        if isSeparator(cursor) { cursor = layout.move(cursor, by: n > 0 ? 1 : -1) }
        cursorAnchor = nil
        selectedMarker = nil
    }
}
