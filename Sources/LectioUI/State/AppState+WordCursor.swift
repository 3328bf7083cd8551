import LectioCore

/// The word cursor: a column for the reading cursor, moved by character, word, sentence and
/// line end, and the end of the selection that moves.
extension AppState {
    /// Where the word cursor is: the character it was moved to, or the start of the cursor's line.
    public var caretOffset: Int { reading.caret ?? cursorOffset }

    /// The ways the word cursor moves.
    enum CaretMotion {
        case left, right, nextWordStart, wordEnd, previousWordStart, previousWordEnd, lineStart, lineEnd, nextSentence, previousSentence
    }

    /// Where `motion` takes the word cursor from `offset`.
    func caretTarget(_ motion: CaretMotion, from offset: Int) -> Int {
        let text = canonical
        let last = max(0, text.scalars.count - 1)
        var target: Int
        switch motion {
        case .left: target = offset - 1
        case .right: target = offset + 1
        case .nextWordStart: target = text.nextWordStart(from: offset)
        case .wordEnd: target = text.wordEnd(from: offset)
        case .previousWordStart: target = text.previousWordStart(from: offset)
        case .previousWordEnd:
            target = text.previousWordStart(from: offset) - 1
            while target > 0, CanonicalText.isSpace(text.scalars[target]) { target -= 1 }
        case .lineStart, .lineEnd:
            let p = layout.position(ofCanonical: offset)
            let line = layout.line(at: p)
            let start = document.blocks[p.block].start + line.start
            var end = start + line.text.unicodeScalars.count
            while end > start + 1, CanonicalText.isSpace(text.scalars[min(last, end - 1)]) { end -= 1 }
            target = motion == .lineStart ? start : max(start, end - 1)
        case .nextSentence: target = text.nextSentenceStart(from: offset)
        case .previousSentence: target = text.sentenceStart(before: offset)
        }
        target = max(0, min(last, target))
        // The newline between blocks is no place for the cursor: step over it.
        if text.scalars.indices.contains(target), text.scalars[target] == "\n" {
            target = target < offset ? max(0, target - 1) : min(last, target + 1)
        }
        return target
    }

    /// Moves the word cursor (and the reading cursor with it) in the reading view.
    func moveCaret(_ motion: CaretMotion) {
        guard !document.blocks.isEmpty else { return }
        let target = caretTarget(motion, from: caretOffset)
        reading.moveCursor(to: layout.position(ofCanonical: target), caret: target)
        scrollToCursor()
    }

    /// Moves the end of the selection that moves (the last character, or the first after `o`)
    /// as the word cursor moves; the selection never becomes empty.
    func extendSelection(_ motion: CaretMotion) {
        guard var sel = selection else { return }
        if sel.movesStart {
            sel.moveStart(to: caretTarget(motion, from: sel.range.lowerBound))
        } else {
            sel.moveEnd(to: caretTarget(motion, from: sel.range.upperBound - 1) + 1)
        }
        selection = sel
        followSelection()
    }

    /// `w` / `b` in a selection: a word further or back, at whichever end moves.
    func extendSelection(words n: Int) {
        guard let sel = selection else { return }
        if sel.movesStart {
            extendSelection(n > 0 ? .nextWordStart : .previousWordStart)
        } else {
            extendSelection(n > 0 ? .wordEnd : .previousWordEnd)
        }
    }

    /// A motion of the word cursor, or of the selection's moving end while selecting.
    func move(_ motion: CaretMotion) {
        if selection != nil { extendSelection(motion) } else { moveCaret(motion) }
    }

    /// `V`: the selection grows to whole paragraphs (the blocks it touches).
    func selectParagraphs() {
        guard !document.blocks.isEmpty else { return }
        let range = selection?.range ?? caretOffset..<(caretOffset + 1)
        let first = document.blocks[document.blockIndex(containing: range.lowerBound)]
        let last = document.blocks[document.blockIndex(containing: max(range.lowerBound, range.upperBound - 1))]
        selection = Selection(anchor: first.start, head: last.start + max(1, last.scalarCount), reattaching: selection?.reattaching)
        followSelection()
    }
}
