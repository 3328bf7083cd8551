import LectioCore

/// A go-to that matches several sections (`:7` in a book whose chapter numbers restart in each
/// part, or a title prefix that several share) lists them to choose from, instead of jumping
/// silently to one: those of the part the reader is in come first.
public struct SectionChooser: ListPopup, Equatable {
    /// What was asked for, as typed.
    public var query: String
    /// The matching sections (indices in `Document.sections`), in the order shown.
    public var candidates: [Int]
    /// The highlighted candidate.
    public var list = ChoiceList()
    public var selected: Int {
        get { list.selected }
        set { list.selected = newValue }
    }

    /// A chooser among `candidates`.
    public init(query: String, candidates: [Int]) {
        self.query = query
        self.candidates = candidates
    }

    public static let mode = Mode("choose", title: "Choosing among sections")
    public static let bindings = ChoiceList.chooserBindings

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        if list.move(command, count: candidates.count) { return .keep }
        switch command {
        case .choose:
            let section = candidates[selected]
            return .close { $0.goToSection(section); return [] }
        case .close: return .close
        default: break
        }
        return .keep
    }

    public func entryCount(_ reader: AppState) -> Int { candidates.count }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let document = reader.document
        let (x, width) = reader.popupColumns(preferred: 80)
        let height = min(candidates.count + 2, reader.height - 2)
        let r = Rect(x: x, y: max(0, (reader.height - 1 - height) / 2), width: width, height: height)
        screen.box(r, title: "\(candidates.count) sections match “\(query)”", hint: "Enter go · Esc cancel")
        let rows = r.height - 2
        let first = list.firstShown(rows: rows, count: candidates.count)
        for row in 0..<rows where first + row < candidates.count {
            let i = first + row
            let section = document.sections[candidates[i]]
            var label = section.title
            if let part = document.enclosingSection(of: candidates[i]) { label += "  (\(document.sections[part].title))" }
            let y = r.y + 1 + row
            let style = i == selected ? Style([.reverse], role: .selection) : .plain
            if i == selected { screen.fill(Rect(x: r.x + 1, y: y, width: r.width - 2, height: 1), style: style) }
            screen.put(label, x: r.x + 2, y: y, maxWidth: r.width - 4, style: style)
        }
        return r
    }
}
