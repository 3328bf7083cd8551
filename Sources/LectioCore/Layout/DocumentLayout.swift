/// A place in the laid-out text: a block and a visual line inside it.
public struct LinePosition: Sendable, Hashable, Comparable {
    /// The block.
    public var block: Int
    /// The visual line in the block (the last one is the blank line after it).
    public var line: Int

    /// A position.
    public init(block: Int, line: Int) { self.block = block; self.line = line }

    public static func < (a: LinePosition, b: LinePosition) -> Bool {
        a.block != b.block ? a.block < b.block : a.line < b.line
    }
}

/// The document laid out for one width, lazily: a block is wrapped the first time it is shown
/// and kept, so opening a long book or turning a page touches only what is on screen.
public final class DocumentLayout {
    /// The document.
    public let document: Document
    /// The width of the text column.
    public let width: Int
    let wrapper: TextWrapper
    private var cache: [Int: [VisualLine]] = [:]

    /// A layout of `document` at `width` columns.
    public init(document: Document, width: Int, measure: CharacterWidth) {
        self.document = document
        self.width = max(1, width)
        self.wrapper = TextWrapper(measure: measure)
    }

    /// The columns a paragraph's first line is indented by, where the book indents it.
    static let firstLineIndent = 2

    /// Indent of a block kind.
    static func indent(of kind: Block.Kind) -> Int {
        switch kind {
        case .quote: return 4
        case .preformatted, .listItem: return 2
        default: return 0
        }
    }

    /// The visual lines of a block, followed by one blank line that separates it from the next
    /// (none inside a tight list); after the last block of the text proper, the end mark.
    public func lines(ofBlock index: Int) -> [VisualLine] {
        if let cached = cache[index] { return cached }
        let block = document.blocks[index]
        var lines = typeset(block)
        let separator = VisualLine(start: block.scalarCount, end: block.scalarCount, text: "", width: 0, ornament: .separator)
        if index < document.blocks.count - 1, !block.joinsNext || index == endOfText { lines.append(separator) }
        if index == endOfText {
            if index == document.blocks.count - 1 { lines.append(separator) }
            let mark = "— end —"
            let w = wrapper.measure.width(of: mark)
            lines.append(VisualLine(start: block.scalarCount, end: block.scalarCount, text: mark, width: w,
                                    indent: max(0, (width - w) / 2), ornament: .endOfText))
            if index < document.blocks.count - 1 { lines.append(separator) }
        }
        cache[index] = lines
        return lines
    }

    /// A block's own lines: wrapped with its indent (list items nested by depth, their text
    /// hanging under the text, not the bullet); top-level headings and scene breaks centred.
    func typeset(_ block: Block) -> [VisualLine] {
        switch block.kind {
        case .sceneBreak:
            let w = wrapper.measure.width(of: block.text)
            return [VisualLine(start: 0, end: block.scalarCount, text: block.text, width: w, indent: max(0, (width - w) / 2))]
        case .listItem:
            let indent = min(width / 2, 2 + 2 * block.depth)
            return wrapper.wrap(block.text, width: width, indent: indent, hanging: Self.listMarkerWidth(block.text))
        case .title, .heading(level: 1):
            return wrapper.wrap(block.text, width: width).map { line in
                var l = line
                l.indent = max(0, (width - line.width) / 2)
                return l
            }
        default:
            let indent = Self.indent(of: block.kind)
            if block.indentsFirstLine, block.kind == .paragraph {
                return wrapper.wrap(block.text, width: width, indent: indent + Self.firstLineIndent, hanging: -Self.firstLineIndent)
            }
            return wrapper.wrap(block.text, width: width, indent: indent)
        }
    }

    /// Columns of a list item's marker and the space after it (`• `, `12. `, `a) `), or 0.
    static func listMarkerWidth(_ text: String) -> Int {
        var n = 0
        for c in text.prefix(6) {
            n += 1
            if c == " " { return n }
        }
        return 0
    }

    /// The last block of the text proper: before back matter (a Gutenberg licence), or the last.
    public private(set) lazy var endOfText: Int = {
        let start = document.startBlock
        let back = document.sections.first { $0.isMatter && $0.block > start && $0.title != "Notes" }
        return max(0, (back?.block ?? document.blocks.count) - 1)
    }()

    /// Whether a line is space the layout adds (the blank between blocks, the end mark), which
    /// the reading cursor steps over.
    public func isSpacing(_ position: LinePosition) -> Bool { line(at: position).ornament != .none }

    /// The end mark of the text.
    public var endMark: LinePosition {
        let lines = lines(ofBlock: endOfText)
        let i = lines.lastIndex { $0.ornament == .endOfText } ?? lines.count - 1
        return LinePosition(block: endOfText, line: i)
    }

    /// The number of lines in a block, blank separator included.
    public func lineCount(ofBlock index: Int) -> Int { lines(ofBlock: index).count }

    /// The first and the last positions of the document.
    public var first: LinePosition { LinePosition(block: 0, line: 0) }
    public var last: LinePosition {
        guard !document.blocks.isEmpty else { return first }
        let b = document.blocks.count - 1
        return LinePosition(block: b, line: lineCount(ofBlock: b) - 1)
    }

    /// `position` moved by `delta` visual lines, clamped to the document.
    public func move(_ position: LinePosition, by delta: Int) -> LinePosition {
        guard !document.blocks.isEmpty else { return first }
        var p = position
        var remaining = delta
        while remaining > 0 {
            let count = lineCount(ofBlock: p.block)
            let room = count - 1 - p.line
            if remaining <= room { p.line += remaining; return p }
            if p.block == document.blocks.count - 1 { p.line = count - 1; return p }
            remaining -= room + 1
            p = LinePosition(block: p.block + 1, line: 0)
        }
        while remaining < 0 {
            if -remaining <= p.line { p.line += remaining; return p }
            if p.block == 0 { p.line = 0; return p }
            remaining += p.line + 1
            p = LinePosition(block: p.block - 1, line: lineCount(ofBlock: p.block - 1) - 1)
        }
        return p
    }

    /// The number of lines from `a` to `b` (positive when `b` is later), counted up to `limit`.
    public func distance(from a: LinePosition, to b: LinePosition, limit: Int = .max) -> Int {
        if a == b { return 0 }
        if b < a { return -distance(from: b, to: a, limit: limit) }
        var n = 0
        var p = a
        while p.block < b.block, n < limit {
            n += lineCount(ofBlock: p.block) - p.line
            p = LinePosition(block: p.block + 1, line: 0)
        }
        return n + (b.line - p.line)
    }

    /// The visual line at `position`.
    public func line(at position: LinePosition) -> VisualLine {
        let lines = lines(ofBlock: position.block)
        return lines[min(position.line, lines.count - 1)]
    }

    /// The position of the line that shows the scalar at `offset` of `block`.
    public func position(block: Int, offset: Int) -> LinePosition {
        let lines = lines(ofBlock: block)
        var index = 0
        for (i, l) in lines.enumerated() where l.start <= offset && l.ornament == .none && (l.text.isEmpty == false || i == 0) { index = i }
        return LinePosition(block: block, line: index)
    }

    /// The position that shows the canonical offset `offset`.
    public func position(ofCanonical offset: Int) -> LinePosition {
        guard !document.blocks.isEmpty else { return first }
        let b = document.blockIndex(containing: offset)
        return position(block: b, offset: offset - document.blocks[b].start)
    }

    /// The canonical offset of the first character shown at `position`.
    public func canonicalOffset(of position: LinePosition) -> Int {
        guard !document.blocks.isEmpty else { return 0 }
        return document.blocks[position.block].start + line(at: position).start
    }
}
