/// A place in the laid-out text: a block, a piece of it, and a visual line inside that piece.
///
/// A block is one piece unless it is very long (see `ParagraphChunks`): then its lines are
/// counted per piece, so that a place deep in it is known without wrapping what comes before.
public struct LinePosition: Sendable, Hashable, Comparable {
    /// The block.
    public var block: Int
    /// The piece of the block (0 for all but very long blocks).
    public var piece: Int
    /// The visual line in the piece (the last one of the last piece is the blank line after the block).
    public var line: Int

    /// A position.
    public init(block: Int, piece: Int = 0, line: Int) { self.block = block; self.piece = piece; self.line = line }

    /// Whether this is the first line of its block.
    public var startsBlock: Bool { piece == 0 && line == 0 }

    public static func < (a: LinePosition, b: LinePosition) -> Bool {
        if a.block != b.block { return a.block < b.block }
        return a.piece != b.piece ? a.piece < b.piece : a.line < b.line
    }
}

/// The document laid out for one width, lazily: a block (or a piece of a very long block) is
/// wrapped the first time it is shown and kept, so opening a long book, turning a page or
/// resizing touches only what is on screen.
public final class DocumentLayout {
    /// The document.
    public let document: Document
    /// The width of the text column.
    public let width: Int
    let wrapper: TextWrapper
    /// Where very long blocks are cut, shared by the layouts of one document at every width.
    let pieces: PieceTable
    private var cache: [Int: [VisualLine]] = [:]
    /// The lines of pieces of very long blocks, the most recent kept (`pieceCacheLimit`).
    private var pieceCache: [PieceKey: [VisualLine]] = [:]
    private var pieceOrder: [PieceKey] = []
    static let pieceCacheLimit = 48
    /// How many pieces of very long blocks have been wrapped (they are wrapped only when shown).
    public private(set) var piecesWrapped = 0

    struct PieceKey: Hashable { var block: Int; var piece: Int }

    /// A layout of `document` at `width` columns; `previous`, a layout of the same document at
    /// another width, lends where its very long blocks are cut.
    public convenience init(document: Document, width: Int, measure: CharacterWidth, reusing previous: DocumentLayout? = nil) {
        let shared = previous.flatMap { $0.document.scalarCount == document.scalarCount && $0.document.blocks.count == document.blocks.count ? $0.pieces : nil }
        self.init(document: document, width: width, measure: measure, pieces: shared ?? PieceTable())
    }

    /// A layout that cuts very long blocks as `pieces` says (tests cut small texts).
    init(document: Document, width: Int, measure: CharacterWidth, pieces: PieceTable) {
        self.document = document
        self.width = max(1, width)
        self.wrapper = TextWrapper(measure: measure)
        self.pieces = pieces
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

    /// The number of pieces block `index` is wrapped in (1 unless it is very long).
    public func pieceCount(ofBlock index: Int) -> Int { pieces.chunks(of: document.blocks[index], at: index)?.count ?? 1 }

    /// All the visual lines of a block (every piece of a very long one), followed by one blank
    /// line that separates it from the next (none inside a tight list); after the last block
    /// of the text proper, the end mark.
    public func lines(ofBlock index: Int) -> [VisualLine] {
        let count = pieceCount(ofBlock: index)
        if count == 1 { return lines(ofBlock: index, piece: 0) }
        return (0..<count).flatMap { lines(ofBlock: index, piece: $0) }
    }

    /// The visual lines of piece `piece` of a block, offsets from the block's start; the last
    /// piece ends with the blank line and the end mark.
    public func lines(ofBlock index: Int, piece: Int) -> [VisualLine] {
        guard let chunks = pieces.chunks(of: document.blocks[index], at: index) else {
            if let cached = cache[index] { return cached }
            let lines = ornamented(typeset(document.blocks[index]), block: index)
            cache[index] = lines
            return lines
        }
        let key = PieceKey(block: index, piece: piece)
        if let cached = pieceCache[key] { return cached }
        var lines = typeset(document.blocks[index], piece: piece, of: chunks)
        if piece == chunks.count - 1 { lines = ornamented(lines, block: index) }
        piecesWrapped += 1
        pieceCache[key] = lines
        pieceOrder.append(key)
        if pieceOrder.count > Self.pieceCacheLimit { pieceCache[pieceOrder.removeFirst()] = nil }
        return lines
    }

    /// A block's last lines followed by the blank separator and, after the text proper, the end mark.
    func ornamented(_ typeset: [VisualLine], block index: Int) -> [VisualLine] {
        var lines = typeset
        let block = document.blocks[index]
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
        return lines
    }

    /// A block's own lines: wrapped with its indent (list items nested by depth, their text
    /// hanging under the text, not the bullet); top-level headings and scene breaks centred.
    func typeset(_ block: Block) -> [VisualLine] {
        typeset(block.text, kind: block.kind, block: block, continuing: false)
    }

    /// The lines of one piece of a very long block, offsets from the block's start.
    func typeset(_ block: Block, piece: Int, of chunks: ParagraphChunks) -> [VisualLine] {
        let range = chunks.byteRange(of: piece)
        let utf8 = block.text.utf8
        let text = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
        var lines = typeset(text, kind: block.kind, block: block, continuing: !chunks.startsLine[piece])
        // A piece that ends after a line break: the next piece starts the next line.
        if piece < chunks.count - 1, text.utf8.last == 0x0A, lines.count > 1, lines.last?.text.isEmpty == true { lines.removeLast() }
        let shift = chunks.scalarStarts[piece]
        for i in lines.indices { lines[i].start += shift; lines[i].end += shift }
        return lines
    }

    func typeset(_ text: String, kind: Block.Kind, block: Block, continuing: Bool) -> [VisualLine] {
        switch kind {
        case .sceneBreak:
            let w = wrapper.measure.width(of: text)
            return [VisualLine(start: 0, end: block.scalarCount, text: text, width: w, indent: max(0, (width - w) / 2))]
        case .quote where block.depth > 0:
            return wrapper.wrap(text, width: width, indent: min(width / 2, 4 + 2 * block.depth), continuing: continuing)
        case .listItem:
            let indent = min(width / 2, 2 + 2 * block.depth)
            return wrapper.wrap(text, width: width, indent: indent, hanging: Self.listMarkerWidth(block.text), continuing: continuing)
        case .title, .heading(level: 1):
            return wrapper.wrap(text, width: width, continuing: continuing).map { line in
                var l = line
                l.indent = max(0, (width - line.width) / 2)
                return l
            }
        default:
            let indent = Self.indent(of: kind)
            if block.indentsFirstLine, kind == .paragraph {
                return wrapper.wrap(text, width: width, indent: indent + Self.firstLineIndent, hanging: -Self.firstLineIndent, continuing: continuing)
            }
            return wrapper.wrap(text, width: width, indent: indent, continuing: continuing)
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
}
