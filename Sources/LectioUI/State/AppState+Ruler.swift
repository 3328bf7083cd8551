import LectioCore

extension AppState {
    /// Where the overview ruler stands: the rightmost column of the text pane (its right
    /// margin); `nil` when it is hidden or the screen is too small.
    public var rulerRect: Rect? {
        let panes = self.panes
        guard showsRuler, !panes.tooSmall, panes.text.width > 4, panes.text.height > 0 else { return nil }
        return Rect(x: panes.text.maxX - 1, y: panes.text.y, width: 1, height: panes.text.height)
    }

    /// The ruler for the screen as it is: the page in view, section starts, footnote markers,
    /// personal notes and the search's matches, over the whole text.
    public var ruler: Ruler? {
        guard let rect = rulerRect, !document.blocks.isEmpty else { return nil }
        let blocks = document.blocks
        let start = layout.canonicalOffset(of: top)
        let bottom = layout.move(top, by: pageHeight - 1)
        let end = bottom == layout.last ? document.scalarCount : layout.canonicalOffset(of: layout.move(bottom, by: 1))
        var ruler = Ruler(rows: rect.height, length: document.scalarCount, view: start..<max(start + 1, end),
                          sections: document.sections.map { blocks[$0.block].start },
                          footnotes: document.footnotes.map { blocks[$0.block].start + $0.range.lowerBound },
                          notes: annotations.compactMap(\.range))
        if let result = search.result, !result.hits.isEmpty { markMatches(result, on: &ruler) }
        return ruler
    }

    /// Marks the rows holding a match: each match placed (a binary search each) while there
    /// are few; with many (a common word), each row asks whether its blocks hold one.
    func markMatches(_ search: SearchResult, on ruler: inout Ruler) {
        if search.hits.count <= 20_000 {
            for hit in search.hits { ruler.mark(searchIndex.approximateCanonicalOffset(ofHit: hit), .match) }
            return
        }
        for row in 0..<ruler.rows {
            let lo = ruler.offset(ofRow: row)
            let hi = row + 1 < ruler.rows ? ruler.offset(ofRow: row + 1) : document.scalarCount + 1
            let blocks = document.blockIndex(containing: lo)...document.blockIndex(containing: max(lo, hi - 1))
            if !searchIndex.hitIndices(of: search, inBlocks: blocks).isEmpty { ruler.mark(row: row, .match) }
        }
    }

    /// A click on the ruler's row `row`: a recorded jump to the place it stands for.
    func clickRuler(row: Int) {
        guard let ruler else { return }
        selection = nil
        history.record(cursorOffset)
        jump(toCanonical: ruler.offset(ofRow: row))
        message = "\(percent)%"
    }
}
