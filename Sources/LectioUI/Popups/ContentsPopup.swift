import LectioCore

/// The table of contents: every section, indented by level; the current one marked.
public struct ContentsPopup: ListPopup, Equatable {
    /// The highlighted section.
    public var list: ChoiceList
    /// Index of the highlighted section.
    public var selected: Int { list.selected }

    /// The contents with a section highlighted.
    public init(selected: Int) { list = ChoiceList(selected: selected) }

    public static let mode = Mode("contents", title: "Table of contents")
    public static let bindings: [KeyBinding] = ChoiceList.moves + [
        KeyBinding([.enter], .choose),
        KeyBinding([.escape, .char("q"), .char("t")], .close),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        if list.move(command, count: reader.document.sections.count) { return .keep }
        switch command {
        case .choose:
            guard reader.document.sections.indices.contains(selected) else { return .keep }
            let block = reader.document.sections[selected].block
            return .close { $0.jump(to: LinePosition(block: block, line: 0)); return [] }
        case .close: return .close
        default: break
        }
        return .keep
    }

    public func entryCount(_ reader: AppState) -> Int { reader.document.sections.count }

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
        let first = list.firstShown(rows: rows, count: sections.count)
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
