import LectioCore

/// A personal note read whole: its quote, its body with every line, its tags and dates, in a
/// scrollable box over the text (the notes pane shows only the start of a body).
public struct NoteViewer: Popup, Equatable {
    /// The note shown.
    public var id: String
    /// First content line shown.
    public var scroll = 0

    /// The viewer of the note with this id.
    public init(id: String) { self.id = id }

    public static let mode = Mode("viewer", title: "Note viewer")
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .scrollDown),
        KeyBinding([.char("k"), .up], .scrollUp),
        KeyBinding([.space, .pageDown], .scrollPageDown),
        KeyBinding([.char("b"), .pageUp], .scrollPageUp),
        KeyBinding([.enter], .goToPassage),
        KeyBinding([.char("e")], .editNote),
        KeyBinding([.escape, .char("q")], .close),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        let rows = max(1, Self.rows(reader) - 1)
        switch command {
        case .scrollDown: scroll(by: 1, reader)
        case .scrollUp: scroll(by: -1, reader)
        case .scrollPageDown: scroll(by: rows, reader)
        case .scrollPageUp: scroll(by: -rows, reader)
        case .goToPassage: return .close { [id] in $0.selectPaneNote(id: id); $0.goToSelectedNote(); return [] }
        case .editNote: return .close { [id] in $0.selectPaneNote(id: id); $0.editSelectedNote(); return [] }
        case .close: return .close
        default: break
        }
        return .keep
    }

    mutating func scroll(by n: Int, _ reader: AppState) {
        let total = lines(reader, width: Self.inner(reader)).count
        scroll = max(0, min(scroll + n, total - Self.rows(reader)))
    }

    static func inner(_ reader: AppState) -> Int { min(76, reader.width - 4) - 4 }
    static func rows(_ reader: AppState) -> Int { max(1, reader.height - 6) }

    /// The note's lines as shown: quote, body, tags and dates, wrapped to `width`.
    func lines(_ reader: AppState, width: Int) -> [(String, Style)] {
        guard let placed = reader.annotations.first(where: { $0.annotation.id == id }) else {
            return [("This note is no longer in the notes file.", Style(.dim, role: .muted))]
        }
        let note = placed.annotation
        let wrapper = TextWrapper(measure: reader.measure)
        var out: [(String, Style)] = []
        let quote = "“" + note.anchor.exact.replacingNewlines() + "”"
        out += wrapper.wrap(quote, width: width).map { ($0.text, Style(.italic, role: .annotation)) }
        if placed.range == nil { out.append(("(orphaned: this passage is no longer in the text)", Style(.bold, role: .notice))) }
        out.append(("", .plain))
        for paragraph in note.body.split(separator: "\n", omittingEmptySubsequences: false) {
            let wrapped = wrapper.wrap(String(paragraph), width: width)
            out += wrapped.isEmpty ? [("", .plain)] : wrapped.map { ($0.text, .plain) }
        }
        out.append(("", .plain))
        var about = note.anchor.section.isEmpty ? "" : note.anchor.section + " · "
        about += "modified \(note.modified)"
        out += wrapper.wrap(about, width: width).map { ($0.text, Style(.dim, role: .muted)) }
        return out
    }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let width = min(76, reader.width - 4)
        let inner = width - 4
        let all = lines(reader, width: inner)
        let height = min(all.count, Self.rows(reader)) + 2
        let r = Rect(x: (reader.width - width) / 2, y: max(0, (reader.height - 1 - height) / 2), width: width, height: height)
        let more = all.count > height - 2 ? " · j/k scroll" : ""
        screen.box(r, title: "Note", hint: "Enter go to passage · e edit\(more) · Esc close")
        for (i, line) in all.dropFirst(scroll).prefix(height - 2).enumerated() {
            screen.put(line.0, x: r.x + 2, y: r.y + 1 + i, maxWidth: inner, style: line.1)
        }
        return r
    }
}
