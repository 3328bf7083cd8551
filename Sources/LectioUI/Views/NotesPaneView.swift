import LectioCore

/// The personal-notes pane: the notes of the current section (or all, or by tag), each with its
/// quoted passage and the start of its body; focused, it shows its keys.
struct NotesPaneView {
    let state: AppState

    /// Draws the pane; returns which entry each screen row shows (for the mouse).
    @discardableResult
    func draw(into screen: inout Screen, rect: Rect) -> [Int: Int] {
        let entries = state.notesInPane
        var header = "Personal notes · \(state.notesScope.rawValue) (\(entries.count))"
        if let tag = state.notesTag { header += " · #\(tag)" }
        if let filter = state.notesFilter { header += " · “\(filter)”" }
        if state.notesOrder == .modified { header += " · \(NotesOrder.modified.rawValue)" }
        drawPaneHeader(header, into: &screen, rect: rect)
        let inner = Self.inner(of: rect, focused: state.notesFocus)
        if state.notesFocus {
            let hint = "Enter read · p go · e edit · d delete · r re-attach · / filter · # tag · o order · s scope · Esc back"
            screen.put(hint, x: inner.x, y: inner.maxY, maxWidth: inner.width, style: Style(.dim, role: .muted))
        }
        let wrapper = TextWrapper(measure: state.measure)
        if entries.isEmpty {
            var hint = state.annotations.isEmpty ? "No personal notes yet."
                : state.notesFilter != nil || state.notesTag != nil ? "No note matches the filter (Esc clears it)."
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
            let selected = state.notesFocus && n == state.notesSelected
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
        if state.notesFocus {
            var rows = items[0...min(state.notesSelected, items.count - 1)].reduce(0) { $0 + $1.count }
            while rows > inner.height, first < state.notesSelected {
                rows -= items[first].count
                first += 1
            }
        }
        return Array(items[first...].joined())
    }

    /// The area below the header (and above the hint when focused).
    static func inner(of rect: Rect, focused: Bool) -> Rect {
        Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1 - (focused ? 1 : 0))
    }
}
