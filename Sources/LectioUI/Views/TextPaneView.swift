import LectioCore

/// The text pane: the laid-out text from `top`, with the reading cursor in the margin,
/// headings in bold, and footnote markers highlighted (the selected one in reverse).
struct TextPaneView {
    let state: AppState

    static func baseStyle(_ kind: Block.Kind) -> Style {
        switch kind {
        case .title: return Style([.bold, .underline], role: .heading)
        case .heading: return Style(.bold, role: .heading)
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
                screen.put("▌", x: rect.x, y: y, style: Style(role: .selection))
            }
            let line = layout.line(at: p)
            let start = document.blocks[p.block].start + line.start
            let lineRange = start..<max(start + 1, start + line.text.unicodeScalars.count)
            let noted = passages.filter { $0.overlaps(lineRange) }
            if !line.text.isEmpty, !noted.isEmpty {
                screen.put("▎", x: rect.x + 1, y: y, style: Style(.bold, role: .annotation))
            }
            if state.showsParagraphReferences, p.line == 0, let label = state.paragraphReferences.label(ofBlock: p.block) {
                let w = min(6, label.count)
                screen.put(label, x: column.x - 1 - w, y: y, maxWidth: 6, style: Style(.dim, role: .muted))
            }
            drawLine(line, block: p.block, matches: matches, noted: noted, into: &screen, x: column.x + line.indent, y: y, width: column.width - line.indent)
            previous = p
            p = layout.move(p, by: 1)
        }
    }

    func drawLine(_ line: VisualLine, block index: Int, matches: [(range: Range<Int>, current: Bool)],
                  noted: [Range<Int>], into screen: inout Screen, x: Int, y: Int, width: Int) {
        let block = state.document.blocks[index]
        let base = Self.baseStyle(block.kind)
        let markers = state.document.footnotes(inBlocks: index...index)
        let selected = state.selection?.range
        let caret = state.selection == nil ? state.reading.caret : nil
        var offset = line.start
        var col = x
        for c in line.text {
            var style = base
            for m in markers where state.document.footnotes[m].range.contains(offset) {
                style = m == state.selectedMarker ? Style([.reverse, .bold], role: .selection) : Style([.bold, .underline], role: .marker)
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
                case .code: style = Style(style.attributes, role: .muted)
                }
            }
            col += screen.put(String(c), x: col, y: y, maxWidth: x + width - col, style: style)
            offset += c.unicodeScalars.count
        }
    }
}
