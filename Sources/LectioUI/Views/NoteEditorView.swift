import LectioCore

/// The note editor popup: the passage, then the note being typed with its caret.
struct NoteEditorView {
    let state: AppState
    let editor: NoteEditor

    func draw(into screen: inout Screen) {
        let width = min(76, state.width - 4)
        let inner = width - 4
        let wrapper = TextWrapper(measure: state.measure)
        let quote = "“" + state.canonical.string(editor.range.lowerBound, editor.range.upperBound).replacingNewlines() + "”"
        var quoteLines = wrapper.wrap(quote, width: inner).map(\.text)
        if quoteLines.count > 3 { quoteLines = Array(quoteLines.prefix(3)); quoteLines[2] += "…" }
        let bodyLines = wrapper.wrap(editor.text, width: inner - 1)
        let errorLines = editor.error.map { wrapper.wrap($0, width: inner).map(\.text) } ?? []
        let rows = min(quoteLines.count + 1 + errorLines.count + max(3, bodyLines.count), state.height - 4)
        let height = rows + 2
        let r = Rect(x: (state.width - width) / 2, y: max(0, (state.height - 1 - height) / 2), width: width, height: height)
        screen.box(r, title: editor.editing == nil ? "New note" : "Edit note",
                   hint: "Enter save · Ctrl-J new line · Ctrl-E $EDITOR · Esc cancel")
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
        let caretOffset = editor.characters[..<editor.caret].reduce(0) { $0 + $1.unicodeScalars.count }
        var caretLine = bodyLines.count - 1
        for (i, line) in bodyLines.enumerated() where line.start <= caretOffset { caretLine = i }
        let bodyRows = r.maxY - 1 - y
        let first = max(0, caretLine - bodyRows + 1)
        for (i, line) in bodyLines.enumerated() where i >= first && y + i - first < r.maxY - 1 {
            let row = y + i - first
            screen.put(line.text, x: r.x + 2, y: row, maxWidth: inner)
            if i == caretLine {
                let scalars = Array(editor.text.unicodeScalars)
                let before = String(String.UnicodeScalarView(scalars[line.start..<min(max(line.start, caretOffset), line.start + line.text.unicodeScalars.count)]))
                let col = r.x + 2 + state.measure.width(of: before)
                let under = screen[min(col, screen.width - 1), row]
                screen.put(under.text == " " || under.isContinuation ? " " : under.text, x: col, y: row, style: Style(.reverse))
            }
        }
        if editor.text.isEmpty {
            screen.put("Type the note; #words become tags.", x: r.x + 3, y: y, maxWidth: inner - 1, style: Style(.dim, role: .muted))
        }
    }
}

/// A yes/no question.
struct ConfirmView {
    let question: Confirmation

    func draw(into screen: inout Screen) {
        let width = min(screen.measure.width(of: question.question) + 6, screen.width - 2)
        let r = Rect(x: (screen.width - width) / 2, y: max(0, screen.height / 2 - 2), width: width, height: 3)
        screen.box(r, title: "Confirm", style: Style(.bold, role: .notice))
        screen.put(question.question, x: r.x + 2, y: r.y + 1, maxWidth: width - 4, style: Style(.bold))
    }
}
