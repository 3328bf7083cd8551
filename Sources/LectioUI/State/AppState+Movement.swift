import LectioCore

extension AppState {
    /// Whether `p` is the blank line after a block, which the cursor steps over.
    func isSeparator(_ p: LinePosition) -> Bool {
        p.block < document.blocks.count - 1 && p.line == layout.lineCount(ofBlock: p.block) - 1
    }

    /// `p` moved by `n` lines, not landing on a separator.
    func step(_ p: LinePosition, by n: Int) -> LinePosition {
        var p = p
        let direction = n >= 0 ? 1 : -1
        for _ in 0..<abs(n) {
            var next = layout.move(p, by: direction)
            if isSeparator(next) { next = layout.move(next, by: direction) }
            if next == p || isSeparator(next) { break }
            p = next
        }
        return p
    }

    /// The last position `top` may take: the end of the text on the last row.
    var maxTop: LinePosition { layout.move(layout.last, by: -(pageHeight - 1)) }

    func clampTop() {
        if top > maxTop { top = maxTop }
    }

    /// Scrolls so that the cursor is on screen, with two lines of context where there are.
    var scrollContext: Int { pageHeight > 8 ? 2 : 0 }

    func scrollToCursor() {
        let context = scrollContext
        if cursor < top || layout.distance(from: top, to: cursor, limit: context + 1) < context {
            top = layout.move(cursor, by: -context)
        } else if layout.distance(from: top, to: cursor, limit: pageHeight) > pageHeight - 1 - context {
            top = layout.move(cursor, by: -(pageHeight - 1 - context))
        }
        clampTop()
    }

    func moveCursor(by n: Int) {
        reading.moveCursor(to: step(cursor, by: n))
        scrollToCursor()
    }

    /// Turns the page: the view moves by `n` lines and the cursor keeps its row.
    func page(by n: Int) {
        let row = max(scrollContext, min(pageHeight - 1 - scrollContext, layout.distance(from: top, to: cursor, limit: pageHeight)))
        let newTop = n > 0 ? min(layout.move(top, by: n), maxTop) : layout.move(top, by: n)
        if newTop == top {
            // At an end already: the cursor goes to the first or last line.
            var c = n > 0 ? layout.last : layout.first
            if isSeparator(c) { c = step(c, by: n > 0 ? -1 : 1) }
            reading.moveCursor(to: c)
            return
        }
        top = newTop
        var c = layout.move(top, by: row)
        if isSeparator(c) { c = layout.move(c, by: 1) }
        if layout.distance(from: top, to: c, limit: pageHeight) >= pageHeight { c = layout.move(c, by: -2) }
        reading.moveCursor(to: c)
    }

    /// Moves the cursor to `target` with `target` near the top of the screen; records the jump.
    /// Like every move of the cursor, it leaves any selected marker behind.
    func jump(to target: LinePosition, anchor: Int? = nil, recording: Bool = true) {
        if recording { history.record(cursorOffset) }
        reading.moveCursor(to: target, anchor: anchor)
        top = target
        clampTop()
        scrollToCursor()
    }

    /// Jumps to a canonical offset (for history), keeping it on screen.
    func jump(toCanonical offset: Int, marker: Int? = nil) {
        let target = layout.position(ofCanonical: offset)
        reading.moveCursor(to: target, anchor: offset, marker: marker)
        if target < top || layout.distance(from: top, to: target, limit: pageHeight) >= pageHeight {
            top = layout.move(target, by: -min(2, pageHeight / 4))
        }
        clampTop()
        scrollToCursor()
    }

    func nextSection() {
        guard let next = document.sections.first(where: { $0.block > cursor.block }) else {
            message = "This is the last section"
            return
        }
        jump(to: LinePosition(block: next.block, line: 0))
    }

    func previousSection() {
        guard let here = document.sectionIndex(containing: cursor.block) else {
            message = "This is the first section"
            return
        }
        let section = document.sections[here]
        if cursor > LinePosition(block: section.block, line: 0) {
            jump(to: LinePosition(block: section.block, line: 0))
        } else if here > 0 {
            jump(to: LinePosition(block: document.sections[here - 1].block, line: 0))
        } else {
            message = "This is the first section"
        }
    }

    func goBack() {
        layers.pop(FootnotePopup.self)
        guard let place = history.goBack(from: cursorOffset) else {
            message = "No earlier place to go back to"
            return
        }
        jump(toCanonical: place)
    }

    func goForward() {
        guard let place = history.goForward(from: cursorOffset) else {
            message = "Nothing to go forward to"
            return
        }
        jump(toCanonical: place)
    }
}
