import LectioCore

/// The personal-notes pane: the notes of the current section (or all, or by tag), each with its
/// quoted passage and the start of its body; focused, it shows its keys.
struct NotesPaneView {
    let state: AppState

    /// Draws the pane; returns which entry each screen row shows (for the mouse).
    @discardableResult
    func draw(into screen: inout Screen, rect: Rect) -> [Int: Int] {
        let entries = state.notesInPane
        let wrapper = TextWrapper(measure: state.measure)
        // The longest header that fits, never a cut one.
        var narrowing = ""
        if let tag = state.notesPane.tag { narrowing += " · #\(tag)" }
        if let filter = state.notesPane.filter { narrowing += " · “\(filter)”" }
        if state.notesPane.order == .modified { narrowing += " · \(NotesOrder.modified.rawValue)" }
        let headers = ["Personal notes · \(state.notesPane.scope.rawValue) (\(entries.count))" + narrowing,
                       "Notes · \(state.notesPane.scope.rawValue) (\(entries.count))" + narrowing,
                       "Notes (\(entries.count))" + narrowing, "Notes (\(entries.count))"]
        let header = headers.first { state.measure.width(of: $0) + 4 <= rect.width } ?? headers[headers.count - 1]
        drawPaneHeader(header, into: &screen, rect: rect)
        // Focused, the pane's keys stand at its foot, wrapped to its width.
        let hint = state.notesPane.focus ? wrapper.wrap(Self.keysHint, width: max(1, rect.width - 2)) : []
        let inner = Self.inner(of: rect, hintLines: min(hint.count, max(0, rect.height - 2)))
        for (i, line) in hint.enumerated() where inner.maxY + i < rect.maxY {
            screen.put(line.text, x: inner.x, y: inner.maxY + i, maxWidth: inner.width, style: Style(.dim, role: .muted))
        }
        if entries.isEmpty {
            var hint = state.notesArePlacing ? "Placing the notes…"
                : state.annotations.isEmpty ? "No personal notes yet."
                : state.notesPane.isFiltered ? "No note matches the filter (Esc clears it)."
                : "No notes in this section (s shows all)."
            if let reason = state.notesReadOnlyReason { hint = "Notes are read-only: \(reason)" } else {
                hint += " v selects a passage, a writes a note on it (or on the paragraph under the cursor)."
            }
            for (i, line) in wrapper.wrap(hint, width: inner.width).enumerated() where i < inner.height {
                screen.put(line.text, x: inner.x, y: inner.y + i, maxWidth: inner.width, style: Style(.dim, role: .muted))
            }
            return [:]
        }
        var y = inner.y
        var entriesByRow: [Int: Int] = [:]
        for (text, style, entry) in rows(inner: inner) {
            guard y < inner.maxY else { break }
            screen.put(text, x: inner.x, y: y, maxWidth: inner.width, style: style)
            if let entry { entriesByRow[y] = entry }
            y += 1
        }
        return entriesByRow
    }

    /// The rows the pane shows from its first visible entry: text, style, and the entry each
    /// row belongs to (for the mouse).
    func rows(inner: Rect) -> [(String, Style, Int?)] {
        let entries = state.notesInPane
        let wrapper = TextWrapper(measure: state.measure)
        var items: [[(String, Style, Int?)]] = []
        var previousGroup: String?
        for (n, entry) in entries.enumerated() {
            var lines: [(String, Style, Int?)] = []
            if let group = entry.group, group != previousGroup {
                lines.append((group, Style(.bold, role: .heading), nil))
                previousGroup = group
            }
            let placed = state.annotations[entry.note]
            let selected = state.notesPane.focus && n == state.notesPane.selected
            let quote = placed.annotation.anchor.exact.replacingNewlines()
            let label = (placed.range == nil ? "(orphaned) " : "") + "“\(quote)”"
            let quoteStyle = selected ? Style([.reverse, .bold], role: .selection) : Style(.italic, role: .annotation)
            lines.append((state.measure.truncate(label, to: inner.width), quoteStyle, n))
            let body = wrapper.wrap(placed.annotation.body.replacingNewlines(), width: inner.width - 2)
            for (i, l) in body.prefix(2).enumerated() {
                lines.append(("  " + l.text + (i == 1 && body.count > 2 ? "…" : ""), .plain, n))
            }
            lines.append(("", .plain, nil))
            items.append(lines)
        }
        guard !items.isEmpty else { return [] }
        // Scroll so that the selected entry is in view.
        var first = 0
        if state.notesPane.focus {
            var rows = items[0...min(state.notesPane.selected, items.count - 1)].reduce(0) { $0 + $1.count }
            while rows > inner.height, first < state.notesPane.selected {
                rows -= items[first].count
                first += 1
            }
        }
        return Array(items[first...].joined())
    }

    /// The keys of the focused pane.
    static let keysHint = "Enter read · p go · e edit · d delete · r re-attach · / filter · # tag · o order · s scope · Esc back"

    /// The area below the header and above the lines of the hint.
    static func inner(of rect: Rect, hintLines: Int) -> Rect {
        Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1 - hintLines)
    }
}
