import LectioCore

/// Draws a pane's header: its title on a rule.
func drawPaneHeader(_ title: String, into screen: inout Screen, rect: Rect) {
    let style = Style(role: .border)
    for x in rect.x..<rect.maxX { screen.put("─", x: x, y: rect.y, style: style) }
    screen.put(" \(title) ", x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, style: Style(.bold, role: .heading))
}

/// The footnotes pane: the notes whose markers are on the page, each with a few words of
/// context and the note itself.
struct FootnotesPaneView {
    let state: AppState

    func draw(into screen: inout Screen, rect: Rect) {
        drawPaneHeader("Footnotes on this page", into: &screen, rect: rect)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
        let markers = state.markersInView
        guard !markers.isEmpty else {
            screen.put("No footnote markers on this page.", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(.dim, role: .muted))
            return
        }
        let wrapper = TextWrapper(measure: state.measure)
        var y = inner.y
        for m in markers {
            guard y < inner.maxY else { break }
            let marker = state.document.footnotes[m]
            let selected = m == state.selectedMarker
            let header = "\(marker.label)  …\(FootnotePopup.context(of: marker, in: state.document, words: 5))"
            screen.put(header, x: inner.x, y: y, maxWidth: inner.width,
                       style: selected ? Style([.reverse, .bold], role: .selection) : Style(.bold, role: .marker))
            y += 1
            let text = marker.note.map { state.document.notes[$0].text } ?? "(no note found for this marker)"
            let lines = wrapper.wrap(text, width: inner.width, indent: 2)
            for (i, line) in lines.enumerated() {
                guard y < inner.maxY else { break }
                let cut = y == inner.maxY - 1 && i < lines.count - 1
                screen.put(cut ? line.text + "…" : line.text, x: inner.x + line.indent, y: y,
                           maxWidth: inner.width - line.indent, style: marker.note == nil ? Style(.dim, role: .muted) : .plain)
                y += 1
            }
            y += 1
        }
    }
}

/// The status line: title, section, position, and the help key, or a message.
struct StatusLineView {
    let state: AppState

    func draw(into screen: inout Screen, rect: Rect) {
        let style = Style(.reverse, role: .status)
        screen.fill(rect, style: style)
        var right = " \(state.percent)%  ? help "
        if let search = state.search.result, let current = state.search.currentMatch {
            right = " match \(current + 1) of \(search.hits.count) ·" + right
        }
        var left = " \(state.indexing?.title ?? state.document.title)"
        if let section = state.indexing?.section ?? state.currentSection?.title { left += " › \(section)" }
        if let indexing = state.indexing { right = " indexing… \(indexing.percent)%  ? help " }
        var leftStyle = style
        if let sel = state.selection {
            let words = state.canonical.string(sel.range.lowerBound, sel.range.upperBound).split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            left = sel.reattaching != nil
                ? " Re-attach: select the passage (\(words) word\(words == 1 ? "" : "s")), Enter to attach, Esc to cancel"
                : " SELECT \(words) word\(words == 1 ? "" : "s") · a annotate · o other end · Esc cancel"
            leftStyle = Style([.reverse, .bold], role: .selection)
        }
        if let message = state.message {
            left = " \(message)"
            leftStyle = Style([.reverse, .bold], role: .notice)
        }
        // Too narrow for everything: a message gives up the position (it comes back with the
        // next key) but never `? help`; a list of keys loses its last items rather than half
        // a word.
        if state.message != nil, screen.measure.width(of: left) > rect.width - screen.measure.width(of: right) - 1 { right = " ? help " }
        let rightWidth = screen.measure.width(of: right)
        let room = rect.width - rightWidth - 1
        var items = left.split(separator: " · ", omittingEmptySubsequences: false).map(String.init)
        while state.message == nil, items.count > 1, screen.measure.width(of: items.joined(separator: " · ")) > room { items.removeLast() }
        left = screen.measure.truncate(items.joined(separator: " · "), to: room)
        screen.put(left, x: rect.x, y: rect.y, maxWidth: room, style: leftStyle)
        screen.put(right, x: rect.maxX - rightWidth, y: rect.y, style: style)
    }
}
