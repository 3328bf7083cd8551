import LectioCore

/// The library (`L`): every text opened, with how far the reader got and how many notes it
/// holds; sorted by last opened, title or notes; filtered by `/`. Enter opens a text (the
/// session switches to it; Ctrl-O at its first place comes back), `d` forgets an entry.
/// Files gone from their path are shown as missing, with their note counts.
public struct LibraryPopup: Popup, Equatable {
    /// How the entries are sorted.
    public var order: Library.Order = .last
    /// The filter in force (a filter being typed shows live, see `LibraryFilter`).
    public var query = ""
    /// The highlighted row among those shown.
    public var selected = 0

    /// The library, the text before this one highlighted (the current one is first by date).
    public init(reader: AppState) {
        let rows = Library(entries: reader.library).sorted(by: order)
        selected = rows.firstIndex { $0.path != reader.textPath } ?? 0
    }

    public static let mode = Mode("library", title: "Library")
    public static let bindings: [KeyBinding] = ChoiceList.moves + [
        KeyBinding([.enter], .choose),
        KeyBinding([.char("s")], .cycleLibraryOrder),
        KeyBinding([.char("/")], .filterLibrary),
        KeyBinding([.char("d")], .forgetText),
        KeyBinding([.escape, .char("q"), .char("L")], .close),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    /// The entries shown, in order, filtered.
    public func rows(_ reader: AppState) -> [LibraryEntry] {
        let query = reader.layers.top(as: LibraryFilter.self)?.text ?? self.query
        return Library.filter(Library(entries: reader.library).sorted(by: order), by: query)
    }

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        let rows = rows(reader)
        switch command {
        case .choiceDown, .scrollDown: move(by: 1, count: rows.count)
        case .choiceUp, .scrollUp: move(by: -1, count: rows.count)
        case .choiceFirst: move(by: -rows.count, count: rows.count)
        case .choiceLast: move(by: rows.count, count: rows.count)
        case .cycleLibraryOrder: order = order.next; selected = 0
        case .filterLibrary: return PopupOutcome(.push(LibraryFilter(text: query)))
        case .forgetText:
            guard rows.indices.contains(selected) else { return .keep }
            let path = rows[selected].path
            return .keep { _ in [.forgetText(path)] }
        case .choose:
            guard rows.indices.contains(selected) else { return .keep }
            let entry = rows[selected]
            if entry.path == reader.textPath { return .close }
            if reader.missingTexts.contains(entry.path) {
                return .keep { $0.message = "\(entry.title) is missing from \(entry.path)"; return [] }
            }
            return .close { _ in [.openText(entry.path)] }
        case .close: return .close
        default: break
        }
        return .keep
    }

    mutating func move(by n: Int, count: Int) {
        selected = count == 0 ? 0 : max(0, min(count - 1, selected + n))
    }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let rows = rows(reader)
        let width = min(110, reader.width - 4)
        let height = min(max(rows.count, 1) + 3, reader.height - 2)
        let r = Rect(x: (reader.width - width) / 2, y: max(0, (reader.height - 1 - height) / 2), width: width, height: height)
        let orderName = ["last": "last opened", "title": "title", "notes": "notes"][order.rawValue] ?? order.rawValue
        screen.box(r, title: "Library · by \(orderName)", hint: "Enter open · s sort · / filter · d forget · Esc close")
        let filter = reader.layers.top(as: LibraryFilter.self)?.text ?? query
        let header = filter.isEmpty ? "\(rows.count) text\(rows.count == 1 ? "" : "s")" : "\(rows.count) matching “\(filter)”"
        screen.put(header, x: r.x + 2, y: r.y + 1, maxWidth: r.width - 4, style: Style(.dim, role: .muted))
        guard !rows.isEmpty else { return r }
        let visible = max(0, r.height - 3)
        let selected = min(self.selected, rows.count - 1)
        let first = max(0, min(selected - visible / 2, rows.count - visible))
        for row in 0..<visible where first + row < rows.count {
            let i = first + row
            drawRow(rows[i], selected: i == selected, current: rows[i].path == reader.textPath,
                    missing: reader.missingTexts.contains(rows[i].path), y: r.y + 2 + row, in: r, screen: &screen)
        }
        return r
    }

    func drawRow(_ entry: LibraryEntry, selected: Bool, current: Bool, missing: Bool, y: Int, in r: Rect, screen: inout Screen) {
        let style = selected ? Style([.reverse], role: .selection) : (missing ? Style(.dim, role: .muted) : .plain)
        if selected { screen.fill(Rect(x: r.x + 1, y: y, width: r.width - 2, height: 1), style: style) }
        let notes = "\(entry.notes) note\(entry.notes == 1 ? "" : "s")"
        // Narrow, the date gives way to the title.
        let right = (missing ? "missing  " : "\(entry.position)%".leftPadded(to: 4) + "  ")
            + notes.leftPadded(to: 9) + (r.width >= 72 ? "  " + entry.lastOpenedText : "") + " "
        let rightWidth = screen.measure.width(of: right)
        let left = (current ? "• " : "  ") + entry.title
        screen.put(left, x: r.x + 1, y: y, maxWidth: max(0, r.width - 3 - rightWidth), style: style)
        screen.put(right, x: r.maxX - 1 - rightWidth, y: y, maxWidth: rightWidth, style: style)
    }
}

extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
