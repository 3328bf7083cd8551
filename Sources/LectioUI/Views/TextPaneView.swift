import LectioCore

/// The text pane: the laid-out text from `top`, with the reading cursor in the margin,
/// headings in bold, and footnote markers highlighted (the selected one in reverse).
struct TextPaneView {
    let state: AppState

    /// How a block's text is drawn: top-level headings (a title, PART) bold and centred,
    /// second-level (CHAPTER) bold, lower levels underlined; code in its own colour.
    static func baseStyle(_ kind: Block.Kind) -> Style {
        switch kind {
        case .title: return Style([.bold, .underline], role: .heading)
        case .heading(let level) where level <= 1: return Style(.bold, role: .heading)
        case .heading(let level) where level == 2: return Style(.bold, role: .heading2)
        case .heading: return Style(.underline, role: .heading3)
        case .preformatted: return Style(role: .code)
        case .byline: return Style(.italic)
        case .label, .frontMatter, .sceneBreak: return Style(.dim, role: .muted)
        case .quote: return Style(.italic)
        default: return .plain
        }
    }

    func draw(into screen: inout Screen, rect: Rect) {
        let layout = state.layout
        let document = state.document
        guard !document.blocks.isEmpty else {
            screen.put("(empty text)", x: rect.x + 2, y: rect.y, style: Style(.dim, role: .muted))
            return
        }
        let column = state.panes.textColumn
        let bottom = layout.move(state.top, by: rect.height - 1)
        let matches = state.matchRanges(inBlocks: state.top.block...bottom.block)
        // The passages of notes on screen, found once a frame (not once a line among every note).
        let visible = document.blocks[state.top.block].start..<(document.blocks[bottom.block].start + document.blocks[bottom.block].scalarCount + 1)
        let passages = state.annotations(overlapping: visible).compactMap { state.annotations[$0].range }
        var p = state.top
        var previous: LinePosition?
        for row in 0..<rect.height {
            if let previous, p == previous { break }
            let y = rect.y + row
            if p == state.cursor {
                screen.put("▌", x: column.x - 2, y: y, style: Style(role: .selection))
            }
            let line = layout.line(at: p)
            if line.ornament == .endOfText {
                screen.put(line.text, x: column.x + line.indent, y: y, maxWidth: column.width - line.indent, style: Style(.dim, role: .muted))
                previous = p
                p = layout.move(p, by: 1)
                continue
            }
            let start = document.blocks[p.block].start + line.start
            let lineRange = start..<max(start + 1, start + line.text.unicodeScalars.count)
            let noted = passages.filter { $0.overlaps(lineRange) }
            if !line.text.isEmpty, !noted.isEmpty {
                screen.put("▎", x: column.x - 1, y: y, style: Style(.bold, role: .annotation))
            }
            if state.showsParagraphReferences, p.startsBlock, let label = state.paragraphReferences.label(ofBlock: p.block) {
                let w = min(6, label.count)
                screen.put(label, x: column.x - 3 - w, y: y, maxWidth: 6, style: Style(.dim, role: .muted))
            }
            drawLine(line, block: p.block, matches: matches, noted: noted, into: &screen, x: column.x + line.indent, y: y,
                     width: column.width - line.indent, justify: state.justification(ofLineAt: p))
            previous = p
            p = layout.move(p, by: 1)
        }
    }

    func drawLine(_ line: VisualLine, block index: Int, matches: [(range: Range<Int>, current: Bool)],
                  noted: [Range<Int>], into screen: inout Screen, x: Int, y: Int, width: Int, justify: Int = 0) {
        let gaps = justify > 0 ? line.text.filter { $0 == " " }.count : 0
        var gap = 0
        let block = state.document.blocks[index]
        var base = Self.baseStyle(block.kind)
        // Back matter (a licence after the end mark) is dimmed.
        if index > state.layout.endOfText { base = base.adding(.dim) }
        if block.kind == .preformatted, line.ornament == .none {
            // Code stands on a rule; a wrapped line of code is marked as going on, not new.
            screen.put(line.continues ? "↪" : "│", x: x - 2, y: y, style: Style(.dim, role: .muted))
        }
        let markers = state.document.footnotes(inBlocks: index...index)
        let links = state.document.links.indices.filter { state.document.links[$0].block == index }
        let selected = state.selection?.range
        let caret = state.selection == nil ? state.reading.caret : nil
        var offset = line.start
        var col = x
        for c in line.text {
            var style = base
            for m in markers where state.document.footnotes[m].range.contains(offset) {
                // A bracketed label (`[12]`, `[some-label]`) is dimmed so that it reads as a
                // reference, not as words of the sentence; a symbol (`*`) stands out in bold.
                let bracketed = state.document.footnotes[m].range.count > 2
                style = m == state.selectedMarker ? Style([.reverse, .bold], role: .selectedMarker)
                    : Style(bracketed ? [.dim, .underline] : [.bold, .underline], role: .marker)
            }
            for l in links where state.document.links[l].range.contains(offset) {
                // A link reads as words underlined; the selected one stands out like a marker.
                style = l == state.selectedLink ? Style([.reverse, .bold], role: .selectedMarker) : style.adding(.underline)
            }
            let canonical = block.start + offset
            if noted.contains(where: { $0.contains(canonical) }) { style = Style(style.attributes.union(.underline), role: .annotation) }
            if canonical == caret { style = Style(style.attributes.union([.reverse, .underline]), role: .selection) }
            if let match = matches.first(where: { $0.range.contains(canonical) }) {
                style = Style(match.current ? [.reverse, .bold] : [.reverse], role: .match)
            }
            if let selected, selected.contains(canonical) { style = Style(style.attributes.union(.reverse), role: .selection) }
            for span in block.styles where span.range.contains(offset) {
                switch span.style {
                case .emphasis: style = style.adding(.italic)
                case .strong: style = style.adding(.bold)
                case .code: style = Style(style.attributes, role: .code)
                }
            }
            // A soft hyphen shows only where the line breaks at it.
            let shown = c == "\u{AD}" ? (line.hyphenated && offset + 1 == line.start + line.text.unicodeScalars.count ? "-" : "") : String(c)
            col += screen.put(shown, x: col, y: y, maxWidth: x + width - col, style: style)
            if gaps > 0, c == " " {
                // The extra columns, spread evenly; the first gaps take one more.
                col += AppState.justificationColumns(gap: gap, of: gaps, spreading: justify)
                gap += 1
            }
            offset += c.unicodeScalars.count
        }
    }
}
