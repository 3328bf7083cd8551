import LectioCore

extension AppState {
    /// What to remember of this session: position, jump history, marks, searches.
    public var readingState: ReadingState {
        ReadingState(position: reading.cursorAnchor ?? cursorOffset, top: layout.canonicalOffset(of: top), history: history,
                     marks: Dictionary(uniqueKeysWithValues: marks.map { (String($0.key), $0.value) }),
                     searches: search.history)
    }

    /// Takes up a remembered session; with `fromStart`, everything but the position.
    public func restore(_ saved: ReadingState, fromStart: Bool) {
        history = saved.history
        marks = Dictionary(uniqueKeysWithValues: saved.marks.compactMap { k, v in k.first.map { ($0, v) } }.filter { $0.1 <= document.scalarCount })
        search.history = saved.searches
        guard !fromStart, !document.blocks.isEmpty, saved.position <= document.scalarCount else { return }
        reading.moveCursor(to: layout.position(ofCanonical: saved.position), anchor: saved.position)
        top = layout.position(ofCanonical: min(saved.top, saved.position))
        if isSeparator(cursor) { reading.moveCursor(to: step(cursor, by: 1), anchor: saved.position) }
        clampTop()
        scrollToCursor()
    }
}
