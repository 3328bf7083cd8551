import LectioCore

/// The table of contents: every section, indented by level; the current one marked.
public struct ContentsPopup: Popup, Equatable {
    /// Index of the highlighted section.
    public var selected: Int

    /// The contents with a section highlighted.
    public init(selected: Int) { self.selected = selected }

    public static let mode = Mode("contents", title: "Table of contents")
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .choiceDown),
        KeyBinding([.char("k"), .up], .choiceUp),
        KeyBinding([.char("g"), .home], .choiceFirst),
        KeyBinding([.char("G"), .end], .choiceLast),
        KeyBinding([.enter], .choose),
        KeyBinding([.escape, .char("q"), .char("t")], .close),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        let count = reader.document.sections.count
        switch command {
        case .choiceDown, .scrollDown: move(by: 1, count: count)
        case .choiceUp, .scrollUp: move(by: -1, count: count)
        case .choiceFirst: move(by: -count, count: count)
        case .choiceLast: move(by: count, count: count)
        case .choose:
            guard reader.document.sections.indices.contains(selected) else { return .keep }
            let block = reader.document.sections[selected].block
            return .close { $0.jump(to: LinePosition(block: block, line: 0)); return [] }
        case .close: return .close
        default: break
        }
        return .keep
    }

    mutating func move(by n: Int, count: Int) {
        guard count > 0 else { return }
        selected = max(0, min(count - 1, selected + n))
    }

    /// A click on an entry jumps there; outside the box closes it.
    public mutating func click(_ event: MouseEvent, rect: Rect?, reader: AppState) -> PopupOutcome {
        if event.kind == .release { return .keep }
        guard event.kind == .click else { return perform(event.kind == .wheelUp ? .scrollUp : .scrollDown, reader: reader) }
        guard let rect, rect.contains(x: event.x, y: event.y) else { return .close }
        let i = scroll(rows: rect.height - 2, count: reader.document.sections.count) + (event.y - rect.y - 1)
        guard event.y > rect.y, event.y < rect.maxY - 1, reader.document.sections.indices.contains(i) else { return .keep }
        selected = i
        return perform(.choose, reader: reader)
    }

    /// The first entry shown: the selected one kept near the middle.
    func scroll(rows: Int, count: Int) -> Int { max(0, min(selected - rows / 2, count - rows)) }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let sections = reader.document.sections
        let (x, width) = reader.popupColumns(preferred: 80)
        let height = min(max(sections.count, 1) + 2, reader.height - 2)
        let r = Rect(x: x, y: max(0, (reader.height - 1 - height) / 2), width: width, height: height)
        screen.box(r, title: "Contents", hint: "Enter jump · Esc close")
        let rows = r.height - 2
        guard !sections.isEmpty else {
            screen.put("This text has no sections.", x: r.x + 2, y: r.y + 1, style: Style(.dim, role: .muted))
            return r
        }
        let first = scroll(rows: rows, count: sections.count)
        let current = reader.document.sectionIndex(containing: reader.cursor.block)
        for row in 0..<rows where first + row < sections.count {
            let i = first + row
            let s = sections[i]
            let y = r.y + 1 + row
            let style = i == selected ? Style([.reverse], role: .selection) : (s.isMatter ? Style(.dim, role: .muted) : .plain)
            if i == selected { screen.fill(Rect(x: r.x + 1, y: y, width: r.width - 2, height: 1), style: style) }
            let mark = i == current ? "• " : "  "
            let indent = String(repeating: "  ", count: max(0, s.level - 1))
            screen.put(mark + indent + s.title, x: r.x + 2, y: y, maxWidth: r.width - 4, style: style)
        }
        return r
    }
}
