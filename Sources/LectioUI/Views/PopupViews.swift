import LectioCore

/// The footnote popup: a box over the text with the marker's context and the note, wrapped
/// and scrollable, placed so that the marker's line stays in sight.
struct FootnotePopupView {
    let state: AppState
    let popup: FootnotePopup

    /// The last `words` words before a marker, and the marker.
    static func context(of marker: FootnoteMarker, in document: Document, words: Int) -> String {
        let block = document.blocks[marker.block]
        let before = String(String.UnicodeScalarView(block.scalars[..<marker.range.lowerBound]))
        let tail = before.split(separator: " ", omittingEmptySubsequences: true).suffix(words).joined(separator: " ")
        return tail.replacingNewlines() + String(String.UnicodeScalarView(block.scalars[marker.range]))
    }

    var marker: FootnoteMarker { state.document.footnotes[popup.marker] }

    var rect: Rect {
        let width = min(76, state.width - 4)
        let height = min(content.count + 2, max(5, state.height * 3 / 5))
        let markerRow = state.layout.distance(from: state.top, to: state.position(ofMarker: popup.marker), limit: state.height)
        var y: Int
        if markerRow < state.pageHeight / 2 { y = markerRow + 1 } else { y = markerRow - height }
        y = max(0, min(y, state.height - 1 - height))
        return Rect(x: (state.width - width) / 2, y: y, width: width, height: height)
    }

    var contentWidth: Int { min(76, state.width - 4) - 4 }

    var content: [(String, Style)] {
        let wrapper = TextWrapper(measure: state.measure)
        var lines: [(String, Style)] = []
        let context = "…" + Self.context(of: marker, in: state.document, words: 12)
        for l in wrapper.wrap(context, width: contentWidth) { lines.append((l.text, Style(.dim, role: .muted))) }
        lines.append(("", .plain))
        if let n = marker.note {
            for l in wrapper.wrap(state.document.notes[n].text, width: contentWidth) { lines.append((l.text, .plain)) }
        } else {
            lines.append(("No note was found for this marker.", Style(.bold, role: .notice)))
        }
        return lines
    }

    var visibleRows: Int { rect.height - 2 }
    var maxScroll: Int { max(0, content.count - visibleRows) }

    func draw(into screen: inout Screen) {
        let r = rect
        let hint = marker.note == nil ? "Esc close" : (maxScroll > 0 ? "j/k scroll · Enter go to note · Esc close" : "Enter go to note · Esc close")
        screen.box(r, title: "Footnote \(marker.label)", hint: hint)
        let lines = content
        let scroll = min(popup.scroll, maxScroll)
        for row in 0..<visibleRows where scroll + row < lines.count {
            let (text, style) = lines[scroll + row]
            screen.put(text, x: r.x + 2, y: r.y + 1 + row, maxWidth: r.width - 4, style: style)
        }
        if scroll + visibleRows < lines.count {
            screen.put("↓", x: r.maxX - 1, y: r.maxY - 2, style: Style(role: .border))
        }
    }
}

/// The table of contents: every section, indented by level; the current one marked.
struct ContentsView {
    let state: AppState
    let popup: ContentsPopup

    var rect: Rect {
        let width = min(80, state.width - 4)
        let height = min(max(state.document.sections.count, 1) + 2, state.height - 2)
        return Rect(x: (state.width - width) / 2, y: max(0, (state.height - 1 - height) / 2), width: width, height: height)
    }

    /// The first entry shown: the selected one kept near the middle.
    var scroll: Int {
        let rows = rect.height - 2
        return max(0, min(popup.selected - rows / 2, state.document.sections.count - rows))
    }

    /// The section shown at screen row `y`, if any.
    func section(atRow y: Int) -> Int? {
        let i = scroll + (y - rect.y - 1)
        return y > rect.y && y < rect.maxY - 1 && state.document.sections.indices.contains(i) ? i : nil
    }

    func draw(into screen: inout Screen) {
        let sections = state.document.sections
        let r = rect
        screen.box(r, title: "Contents", hint: "Enter jump · Esc close")
        let rows = r.height - 2
        guard !sections.isEmpty else {
            screen.put("This text has no sections.", x: r.x + 2, y: r.y + 1, style: Style(.dim, role: .muted))
            return
        }
        let scroll = self.scroll
        let current = state.document.sectionIndex(containing: state.cursor.block)
        for row in 0..<rows where scroll + row < sections.count {
            let i = scroll + row
            let s = sections[i]
            let y = r.y + 1 + row
            let style = i == popup.selected ? Style([.reverse], role: .selection) : (s.isMatter ? Style(.dim, role: .muted) : .plain)
            if i == popup.selected { screen.fill(Rect(x: r.x + 1, y: y, width: r.width - 2, height: 1), style: style) }
            let mark = i == current ? "• " : "  "
            let indent = String(repeating: "  ", count: max(0, s.level - 1))
            screen.put(mark + indent + s.title, x: r.x + 2, y: y, maxWidth: r.width - 4, style: style)
        }
    }
}

/// The help screen, generated from the keymap: every key of every mode.
struct HelpView {
    let state: AppState

    var lines: [(String, Style)] {
        var out: [(String, Style)] = []
        for mode in Mode.allCases {
            out.append((mode.title, Style(.bold, role: .heading)))
            var seen: [Command] = []
            for binding in state.keymap.bindings[mode] ?? [] where !seen.contains(binding.command) {
                seen.append(binding.command)
                let keys = state.keymap.keys(for: binding.command, in: mode).map(\.label).joined(separator: " ")
                out.append(("  " + keys.padding(toLength: 22) + binding.command.summary, .plain))
            }
            out.append(("", .plain))
        }
        out.append(("Marks (kept between runs)", Style(.bold, role: .heading)))
        if state.marks.isEmpty { out.append(("  none yet: m then a letter sets one", Style(.dim, role: .muted))) }
        for (letter, offset) in state.marks.sorted(by: { $0.key < $1.key }) {
            let block = state.document.blockIndex(containing: offset)
            let section = state.document.sectionIndex(containing: block).map { state.document.sections[$0].title } ?? "start"
            out.append(("  '\(letter)".padding(toLength: 22) + "\(section) (paragraph \(state.paragraphReferences.label(ofBlock: block) ?? "-"))", .plain))
        }
        out.append(("", .plain))
        out.append(("Files", Style(.bold, role: .heading)))
        out.append(("  Notes file: \(state.notesFilePath ?? "none")", .plain))
        if let statePath = state.stateFilePath { out.append(("  Reading state: \(statePath)", .plain)) }
        return out
    }

    var rect: Rect {
        let width = min(84, state.width - 4)
        let height = min(lines.count + 2, state.height - 2)
        return Rect(x: (state.width - width) / 2, y: max(0, (state.height - 1 - height) / 2), width: width, height: height)
    }

    var maxScroll: Int { max(0, lines.count - (rect.height - 2)) }

    func draw(into screen: inout Screen, scroll: Int) {
        let r = rect
        screen.box(r, title: "Keys", hint: maxScroll > 0 ? "j/k scroll · Esc close" : "Esc close")
        let all = lines
        let scroll = min(scroll, maxScroll)
        for row in 0..<(r.height - 2) where scroll + row < all.count {
            let (text, style) = all[scroll + row]
            screen.put(text, x: r.x + 2, y: r.y + 1 + row, maxWidth: r.width - 4, style: style)
        }
    }
}

extension String {
    func replacingNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
    func padding(toLength n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
