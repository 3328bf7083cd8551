import LectioCore

/// The note editor popup's state: the passage, the text typed so far and the caret.
public struct NoteEditor: Popup, Equatable {
    /// The canonical range of the passage.
    public var range: Range<Int>
    /// The note being edited, or `nil` for a new note.
    public var editing: String?
    /// The note as it was when its editing began (to keep it if another window deletes it).
    public var editedNote: Annotation?
    /// The text, as characters; `caret` is an index into it.
    public var characters: [Character]
    public var caret: Int
    /// The text when the editor opened, to know whether anything was typed.
    public let original: String
    /// The id of the note whose save was asked for and not yet reported.
    public var saving: String?
    /// Why the last save or the external editor failed, shown in the editor's frame.
    public var error: String?

    /// An editor on `range` with `body` already written.
    public init(range: Range<Int>, editing: String? = nil, body: String = "") {
        self.range = range
        self.editing = editing
        characters = Array(body)
        caret = characters.count
        original = body
    }

    /// The text.
    public var text: String { String(characters) }
    /// Whether anything changed since the editor opened.
    public var isModified: Bool { text != original }

    mutating func insert(_ c: Character) {
        characters.insert(c, at: caret)
        caret += 1
    }

    mutating func deleteBackward() {
        guard caret > 0 else { return }
        characters.remove(at: caret - 1)
        caret -= 1
    }

    mutating func deleteForward() {
        guard caret < characters.count else { return }
        characters.remove(at: caret)
    }

    mutating func move(by n: Int) { caret = max(0, min(characters.count, caret + n)) }

    /// Home / End: to the start or end of the current line of text.
    mutating func moveToLineEdge(end: Bool) {
        if end {
            while caret < characters.count, characters[caret] != "\n" { caret += 1 }
        } else {
            while caret > 0, characters[caret - 1] != "\n" { caret -= 1 }
        }
    }

    /// ↑ / ↓: to the line above or below, at the same column (or the line's end).
    mutating func moveLine(by n: Int) {
        let (line, column) = lineAndColumn
        let lines = characters.split(separator: "\n", omittingEmptySubsequences: false)
        let target = line - 1 + n
        guard target >= 0, target < lines.count else {
            caret = n < 0 ? 0 : characters.count
            return
        }
        var offset = 0
        for l in lines.prefix(target) { offset += l.count + 1 }
        caret = offset + min(column - 1, lines[target].count)
    }

    /// The caret's line and column in the text (both from 1), as the frame shows them.
    public var lineAndColumn: (line: Int, column: Int) {
        var line = 1, column = 1
        for c in characters[..<caret] {
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// Replaces the text (after an external editor).
    mutating func replace(with text: String) {
        characters = Array(text)
        caret = characters.count
    }

    public static let mode = Mode("editor", title: "Note editor (other keys type)")
    public static let bindings: [KeyBinding] = [
        KeyBinding([.enter], .saveNote),
        KeyBinding([.ctrl("j"), .alt("\n")], .newLine),
        KeyBinding([.escape], .cancelEditor),
        KeyBinding([.ctrl("e")], .externalEditor),
        KeyBinding([.left], .caretLeft),
        KeyBinding([.right], .caretRight),
        KeyBinding([.up], .caretUp),
        KeyBinding([.down], .caretDown),
        KeyBinding([.home, .ctrl("a")], .caretLineStart),
        KeyBinding([.end], .caretLineEnd),
        KeyBinding([.backspace], .deleteBackward),
        KeyBinding([.delete], .deleteForward),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        // While the note is being saved its text stands still: what is saved is what is shown.
        if saving != nil, command != .saveNote { return .keep }
        switch command {
        case .saveNote: return .keep { $0.saveEditor() }
        case .newLine: insert("\n")
        case .cancelEditor:
            guard isModified else { return .close }
            return PopupOutcome(.push(Confirmation(question: "Discard your changes? (y/n)", action: .discardEditor)))
        case .externalEditor: return .keep { [text] _ in [.editExternally(text)] }
        case .caretLeft: move(by: -1)
        case .caretRight: move(by: 1)
        case .caretUp: moveLine(by: -1)
        case .caretDown: moveLine(by: 1)
        case .caretLineStart: moveToLineEdge(end: false)
        case .caretLineEnd: moveToLineEdge(end: true)
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        default: break
        }
        return .keep
    }

    /// Any other character is typed.
    public mutating func type(_ key: Key, reader: AppState) -> PopupOutcome {
        if case .char(let c) = key, saving == nil { insert(c) }
        return .keep
    }

    /// The editor is modal: clicks do nothing.
    public mutating func click(_ event: MouseEvent, rect: Rect?, reader: AppState) -> PopupOutcome { .keep }

    public func draw(into screen: inout Screen, reader state: AppState) -> Rect? {
        let (x, width) = state.popupColumns(preferred: 76)
        let inner = width - 4
        let wrapper = TextWrapper(measure: state.measure)
        let quote = "“" + state.canonical.string(range.lowerBound, range.upperBound).replacingNewlines() + "”"
        var quoteLines = wrapper.wrap(quote, width: inner).map(\.text)
        if quoteLines.count > 3 { quoteLines = Array(quoteLines.prefix(3)); quoteLines[2] += "…" }
        let bodyLines = wrapper.wrap(text, width: inner - 1)
        let errorLines = error.map { wrapper.wrap($0, width: inner).map(\.text) } ?? []
        let rows = min(quoteLines.count + 1 + errorLines.count + max(3, bodyLines.count), state.height - 4)
        let height = rows + 2
        let r = Rect(x: x, y: max(0, (state.height - 1 - height) / 2), width: width, height: height)
        let (line, column) = lineAndColumn
        screen.box(r, title: (editing == nil ? "New note" : "Edit note") + " · line \(line), column \(column)",
                   hint: saving != nil ? "saving…" : "Enter save · Ctrl-J new line · Ctrl-E $EDITOR · Esc cancel")
        var y = r.y + 1
        for line in quoteLines where y < r.maxY - 1 {
            screen.put(line, x: r.x + 2, y: y, maxWidth: inner, style: Style(.italic, role: .annotation))
            y += 1
        }
        for line in errorLines where y < r.maxY - 2 {
            screen.put(line, x: r.x + 2, y: y, maxWidth: inner, style: Style(.bold, role: .notice))
            y += 1
        }
        y += 1
        // The caret's line and column in the wrapped text.
        let caretOffset = characters[..<caret].reduce(0) { $0 + $1.unicodeScalars.count }
        var caretLine = bodyLines.count - 1
        for (i, line) in bodyLines.enumerated() where line.start <= caretOffset { caretLine = i }
        let bodyRows = r.maxY - 1 - y
        let first = max(0, caretLine - bodyRows + 1)
        for (i, line) in bodyLines.enumerated() where i >= first && y + i - first < r.maxY - 1 {
            let row = y + i - first
            screen.put(line.text, x: r.x + 2, y: row, maxWidth: inner)
            if i == caretLine {
                let scalars = Array(text.unicodeScalars)
                let before = String(String.UnicodeScalarView(scalars[line.start..<min(max(line.start, caretOffset), line.start + line.text.unicodeScalars.count)]))
                let col = r.x + 2 + state.measure.width(of: before)
                let under = screen[min(col, screen.width - 1), row]
                screen.put(under.text == " " || under.isContinuation ? " " : under.text, x: col, y: row, style: Style(.reverse))
            }
        }
        if text.isEmpty {
            screen.put("Type the note; #words become tags.", x: r.x + 3, y: y, maxWidth: inner - 1, style: Style(.dim, role: .muted))
        }
        return r
    }
}
