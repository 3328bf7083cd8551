import Algorithms
import LectioCore

extension AppState {
    /// Where the marker stands in the layout.
    public func position(ofMarker index: Int) -> LinePosition {
        let m = document.footnotes[index]
        return layout.position(block: m.block, offset: m.range.lowerBound)
    }

    /// Tab / Shift-Tab: selects the next (or previous) footnote marker or link from the cursor
    /// (or from the one selected) and scrolls to it.
    func selectFootnote(forward: Bool) {
        layers.pop(FootnotePopup.self)
        guard !document.footnotes.isEmpty || !document.links.isEmpty else {
            message = "This text has no footnotes"
            return
        }
        // Where to look from, in canonical offsets: past the selected marker or link, else the
        // cursor's line (from its start going forward, before the next line going back).
        let from: Int, inclusive: Bool
        if let marker = selectedMarker {
            (from, inclusive) = (document.canonicalOffset(ofFootnote: marker), false)
        } else if let link = selectedLink {
            (from, inclusive) = (offset(ofLink: link), false)
        } else if forward {
            (from, inclusive) = (layout.canonicalOffset(of: cursor), true)
        } else {
            let next = layout.move(cursor, by: 1)
            (from, inclusive) = (next == cursor ? document.scalarCount + 1 : layout.canonicalOffset(of: next), false)
        }
        let markers = document.footnotes.indices
        let marker: Int?
        let link: Int?
        if forward {
            let i = markers.partitioningIndex { inclusive ? document.canonicalOffset(ofFootnote: $0) >= from : document.canonicalOffset(ofFootnote: $0) > from }
            marker = i < markers.endIndex ? i : nil
            link = document.links.indices.filter { inclusive ? offset(ofLink: $0) >= from : offset(ofLink: $0) > from }.min { offset(ofLink: $0) < offset(ofLink: $1) }
        } else {
            let i = markers.partitioningIndex { document.canonicalOffset(ofFootnote: $0) >= from }
            marker = i > markers.startIndex ? i - 1 : nil
            link = document.links.indices.filter { offset(ofLink: $0) < from }.max { offset(ofLink: $0) < offset(ofLink: $1) }
        }
        let markerOffset = marker.map { document.canonicalOffset(ofFootnote: $0) }
        let linkOffset = link.map { offset(ofLink: $0) }
        let takesLink: Bool
        switch (markerOffset, linkOffset) {
        case (nil, nil):
            message = forward ? "No footnote marker after this point" : "No footnote marker before this point"
            return
        case (nil, _?): takesLink = true
        case (_?, nil): takesLink = false
        case (let m?, let l?): takesLink = forward ? l < m : l > m
        }
        let target = takesLink ? linkOffset! : markerOffset!
        // A place off the screen is a jump: recorded, so Back returns, and said.
        let p = layout.position(ofCanonical: target)
        let bottom = layout.move(top, by: pageHeight - 1)
        let leavesScreen = p < top || p > bottom
        if leavesScreen { history.record(cursorOffset) }
        if takesLink, let link {
            reading.moveCursor(to: p, anchor: target, link: link)
            message = describe(link: link)
        } else if let marker {
            reading.moveCursor(to: p, anchor: target, marker: marker)
            if leavesScreen {
                message = "→ footnote \(document.footnotes[marker].label)" + (currentSection.map { " › \($0.title)" } ?? "") + " (Ctrl-O goes back)"
            }
        }
        scrollToCursor()
    }

    /// Where a link stands in the canonical text.
    func offset(ofLink index: Int) -> Int {
        let link = document.links[index]
        return document.blocks[link.block].start + link.range.lowerBound
    }

    /// What the status line says of a selected link: where it leads.
    func describe(link index: Int) -> String {
        switch document.links[index].target {
        case .external(let url): return "Link to \(url) (outside the book)"
        case .passage(let block, _):
            let section = document.sectionIndex(containing: block).map { " › \(document.sections[$0].title)" } ?? ""
            return "Link\(section): Enter follows it, Ctrl-O comes back"
        }
    }

    /// Enter on a selected link: an internal one is followed as a jump; an external one is
    /// only shown (Lectio opens no browser).
    func followLink(_ index: Int) {
        switch document.links[index].target {
        case .external(let url):
            message = "Link to \(url) (outside the book: Lectio opens no browser)"
        case .passage(let block, let offset):
            guard document.blocks.indices.contains(block) else { return }
            let target = document.blocks[block].start + min(offset, document.blocks[block].scalarCount)
            history.record(cursorOffset)
            jump(toCanonical: target)
            message = "→" + (currentSection.map { " \($0.title)" } ?? " the link's place") + " (Ctrl-O comes back)"
        }
    }

    /// The first marker shown on the line `p` or later.
    func firstMarker(atOrAfter p: LinePosition) -> Int? {
        (document.firstFootnote(inBlockAtLeast: p.block)..<document.footnotes.count).first { position(ofMarker: $0) >= p }
    }

    /// The last marker shown before the line `p`.
    func lastMarker(before p: LinePosition) -> Int? {
        (0..<document.firstFootnote(inBlockAtLeast: p.block + 1)).last { position(ofMarker: $0) < p }
    }

    /// Enter: follows the selected link, or opens the selected marker's note, or the first
    /// marker on the cursor's line.
    func openFootnote() {
        if let link = selectedLink { return followLink(link) }
        var marker = selectedMarker
        if marker == nil, let first = firstMarker(atOrAfter: cursor), position(ofMarker: first) == cursor {
            marker = first
        }
        guard let marker else {
            message = "No footnote selected: Tab selects the next marker"
            return
        }
        reading.selectedMarker = marker
        layers.push(FootnotePopup(marker: marker))
    }

    /// The markers shown on the text pane now.
    public var markersInView: [Int] {
        guard !document.blocks.isEmpty else { return [] }
        let bottom = layout.move(top, by: pageHeight - 1)
        return document.footnotes(inBlocks: top.block...bottom.block).filter {
            let p = position(ofMarker: $0)
            return p >= top && p <= bottom
        }
    }
}
