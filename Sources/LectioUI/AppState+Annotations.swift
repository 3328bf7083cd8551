import LectioCore

extension AppState {
    /// The notes file changed (saved here or by another instance): place the notes again.
    public func notesDidChange(_ notes: [Annotation]) {
        annotations = PlacedNote.place(notes, in: canonical)
        notesSelected = min(notesSelected, max(0, notesInPane.count - 1))
    }

    /// `v`: selects the first word at the cursor; movement keys then extend the selection.
    func startSelection() {
        guard !document.blocks.isEmpty else { return }
        let start = cursorOffset
        let s = canonical.scalars
        var a = start
        while a < s.count, isSpace(s[a]) { a += 1 }
        selection = Selection(anchor: a, head: wordEnd(after: a))
        message = "Selecting: j/k lines, w/b words, o other end, a annotate, Esc cancel"
    }

    func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\u{A0}" }

    /// The end of the word that starts at or after `offset`.
    func wordEnd(after offset: Int) -> Int {
        let s = canonical.scalars
        var i = offset
        while i < s.count, isSpace(s[i]) { i += 1 }
        while i < s.count, !isSpace(s[i]) { i += 1 }
        return i
    }

    /// The start of the word that ends at or before `offset`.
    func wordStart(before offset: Int) -> Int {
        let s = canonical.scalars
        var i = offset
        while i > 0, isSpace(s[i - 1]) { i -= 1 }
        while i > 0, !isSpace(s[i - 1]) { i -= 1 }
        return i
    }

    func extendSelection(words n: Int) {
        guard var sel = selection else { return }
        if sel.movesStart {
            var start = sel.anchor < sel.head ? sel.anchor : sel.head
            let end = max(sel.anchor, sel.head)
            if n > 0 {
                let next = wordEnd(after: start)
                var i = next
                while i < canonical.scalars.count, isSpace(canonical.scalars[i]) { i += 1 }
                if i < end { start = i }
            } else {
                start = wordStart(before: start)
            }
            sel = Selection(anchor: end, head: start, movesStart: true, reattaching: sel.reattaching)
        } else {
            let start = min(sel.anchor, sel.head)
            var end = max(sel.anchor, sel.head)
            if n > 0 {
                end = wordEnd(after: end)
            } else {
                let back = wordStart(before: end)
                var e = back
                while e > start, isSpace(canonical.scalars[e - 1]) { e -= 1 }
                if e > start { end = e }
            }
            sel = Selection(anchor: start, head: end, movesStart: false, reattaching: sel.reattaching)
        }
        selection = sel
        followSelection()
    }

    func extendSelection(lines n: Int) {
        guard var sel = selection else { return }
        let start = min(sel.anchor, sel.head), end = max(sel.anchor, sel.head)
        let moving = sel.movesStart ? start : max(start, end - 1)
        let target = step(layout.position(ofCanonical: moving), by: n)
        let line = layout.line(at: target)
        let lineStart = document.blocks[target.block].start + line.start
        let lineEnd = lineStart + line.text.unicodeScalars.count
        if sel.movesStart {
            sel.head = min(lineStart, end - 1)
            sel.anchor = end
        } else {
            sel.anchor = start
            sel.head = max(lineEnd, start + 1)
        }
        selection = sel
        followSelection()
    }

    /// Keeps the moving end of the selection under the cursor, on screen.
    func followSelection() {
        guard let sel = selection else { return }
        let moving = sel.movesStart ? sel.range.lowerBound : max(sel.range.lowerBound, sel.range.upperBound - 1)
        cursor = layout.position(ofCanonical: moving)
        cursorAnchor = nil
        scrollToCursor()
    }

    /// `a`: the note editor for the selection, or for the paragraph under the cursor.
    func annotate() -> [Effect] {
        if let reason = notesReadOnlyReason {
            message = "Notes are read-only: \(reason)"
            selection = nil
            return []
        }
        guard !document.blocks.isEmpty else { return [] }
        var range: Range<Int>
        if let sel = selection, !sel.range.isEmpty {
            range = sel.range
        } else {
            let block = document.blocks[cursor.block]
            range = block.start..<(block.start + block.scalarCount)
        }
        // No spaces at the ends of a passage.
        let s = canonical.scalars
        while range.count > 1, isSpace(s[range.lowerBound]) { range = (range.lowerBound + 1)..<range.upperBound }
        while range.count > 1, isSpace(s[range.upperBound - 1]) { range = range.lowerBound..<(range.upperBound - 1) }
        if let id = selection?.reattaching, let note = annotations.first(where: { $0.annotation.id == id })?.annotation {
            selection = nil
            var moved = note
            moved.anchor = Anchoring.anchor(document: document, text: canonical, start: range.lowerBound, end: range.upperBound)
            moved = moved.editing(body: moved.body)
            message = "Note re-attached"
            return [.saveNote(moved)]
        }
        selection = nil
        layers.append(.noteEditor(NoteEditor(range: range)))
        return []
    }

    func typeInEditor(_ key: Key) {
        guard case .char(let c) = key else { return }
        editEditor { $0.insert(c) }
    }

    func editEditor(_ edit: (inout NoteEditor) -> Void) {
        guard case .noteEditor(var editor) = layers.last else { return }
        edit(&editor)
        layers[layers.count - 1] = .noteEditor(editor)
    }

    /// Puts text back from `$EDITOR`.
    public func externalEditorReturned(_ text: String) {
        editEditor { $0.replace(with: text) }
    }

    func saveEditor() -> [Effect] {
        guard case .noteEditor(let editor) = layers.last else { return [] }
        let body = editor.text.trimmingTrailingWhitespace()
        guard !body.isEmpty else {
            message = "The note is empty: type something, or Esc to cancel"
            return []
        }
        layers.removeLast()
        if let id = editor.editing, let old = annotations.first(where: { $0.annotation.id == id })?.annotation {
            message = "Note saved"
            return [.saveNote(old.editing(body: body))]
        }
        let anchor = Anchoring.anchor(document: document, text: canonical, start: editor.range.lowerBound, end: editor.range.upperBound)
        message = "Note saved"
        return [.saveNote(Annotation(anchor: anchor, body: body))]
    }

    func cancelEditor() {
        guard case .noteEditor(let editor) = layers.last else { return }
        if editor.isModified {
            layers.append(.confirm(Confirmation(question: "Discard this note? (y/n)", action: .discardEditor)))
        } else {
            layers.removeLast()
        }
    }

    func confirm(_ yes: Bool) -> [Effect] {
        guard case .confirm(let question) = layers.last else { return [] }
        layers.removeLast()
        guard yes else { return [] }
        switch question.action {
        case .discardEditor:
            if case .noteEditor = layers.last { layers.removeLast() }
            return []
        case .deleteNote(let id):
            message = "Note deleted"
            return [.deleteNote(id: id)]
        }
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
