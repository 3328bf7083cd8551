import LectioCore

/// `#` in the notes pane: the tags of the notes, to show only the notes of one.
public struct TagChooser: ListPopup, Equatable {
    /// The tags, sorted.
    public var tags: [String]
    /// The highlighted tag.
    public var list = ChoiceList()
    public var selected: Int {
        get { list.selected }
        set { list.selected = newValue }
    }

    /// A chooser among `tags`.
    public init(tags: [String], selected: Int = 0) {
        self.tags = tags
        self.selected = max(0, min(selected, tags.count - 1))
    }

    public static let mode = Mode("tags", title: "Choosing a tag")
    public static let bindings = ChoiceList.chooserBindings

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        if list.move(command, count: tags.count) { return .keep }
        switch command {
        case .choose:
            let tag = tags[selected]
            return .close { $0.filterNotes(byTag: tag); return [] }
        case .close: return .close
        default: break
        }
        return .keep
    }

    public func entryCount(_ reader: AppState) -> Int { tags.count }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let width = min(50, reader.width - 4)
        let height = min(tags.count + 2, reader.height - 2)
        let r = Rect(x: (reader.width - width) / 2, y: max(0, (reader.height - 1 - height) / 2), width: width, height: height)
        screen.box(r, title: "Show the notes of a tag", hint: "Enter show · Esc cancel")
        let rows = r.height - 2
        let first = list.firstShown(rows: rows, count: tags.count)
        for row in 0..<rows where first + row < tags.count {
            let i = first + row
            let count = reader.annotations.filter { $0.annotation.tags.contains(tags[i]) }.count
            let y = r.y + 1 + row
            let style = i == selected ? Style([.reverse], role: .selection) : .plain
            if i == selected { screen.fill(Rect(x: r.x + 1, y: y, width: r.width - 2, height: 1), style: style) }
            screen.put("#\(tags[i])  (\(count))", x: r.x + 2, y: y, maxWidth: r.width - 4, style: style)
        }
        return r
    }
}
