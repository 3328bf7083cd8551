extension DocumentLayout {
    /// Whether a line is space the layout adds (the blank between blocks, the end mark), which
    /// the reading cursor steps over.
    public func isSpacing(_ position: LinePosition) -> Bool { line(at: position).ornament != .none }

    /// The end mark of the text.
    public var endMark: LinePosition {
        let piece = pieceCount(ofBlock: endOfText) - 1
        let lines = lines(ofBlock: endOfText, piece: piece)
        let i = lines.lastIndex { $0.ornament == .endOfText } ?? lines.count - 1
        return LinePosition(block: endOfText, piece: piece, line: i)
    }

    /// The number of lines in a block, blank separator included (wraps the whole block).
    public func lineCount(ofBlock index: Int) -> Int {
        (0..<pieceCount(ofBlock: index)).reduce(0) { $0 + lineCount(ofBlock: index, piece: $1) }
    }

    /// The number of lines in a piece of a block.
    func lineCount(ofBlock index: Int, piece: Int) -> Int { lines(ofBlock: index, piece: piece).count }

    /// The first and the last positions of the document.
    public var first: LinePosition { LinePosition(block: 0, line: 0) }
    public var last: LinePosition {
        guard !document.blocks.isEmpty else { return first }
        let b = document.blocks.count - 1
        let piece = pieceCount(ofBlock: b) - 1
        return LinePosition(block: b, piece: piece, line: lineCount(ofBlock: b, piece: piece) - 1)
    }

    /// The first line of the piece after `p`'s, or `nil` at the end of the document.
    func startOfNextPiece(after p: LinePosition) -> LinePosition? {
        if p.piece + 1 < pieceCount(ofBlock: p.block) { return LinePosition(block: p.block, piece: p.piece + 1, line: 0) }
        if p.block + 1 < document.blocks.count { return LinePosition(block: p.block + 1, line: 0) }
        return nil
    }

    /// The last line of the piece before `p`'s, or `nil` at the start of the document.
    func endOfPreviousPiece(before p: LinePosition) -> LinePosition? {
        if p.piece > 0 { return LinePosition(block: p.block, piece: p.piece - 1, line: lineCount(ofBlock: p.block, piece: p.piece - 1) - 1) }
        guard p.block > 0 else { return nil }
        let piece = pieceCount(ofBlock: p.block - 1) - 1
        return LinePosition(block: p.block - 1, piece: piece, line: lineCount(ofBlock: p.block - 1, piece: piece) - 1)
    }

    /// `position` moved by `delta` visual lines, clamped to the document.
    public func move(_ position: LinePosition, by delta: Int) -> LinePosition {
        guard !document.blocks.isEmpty else { return first }
        var p = position
        var remaining = delta
        while remaining > 0 {
            let count = lineCount(ofBlock: p.block, piece: p.piece)
            let room = count - 1 - p.line
            if remaining <= room { p.line += remaining; return p }
            guard let next = startOfNextPiece(after: p) else { p.line = count - 1; return p }
            remaining -= room + 1
            p = next
        }
        while remaining < 0 {
            if -remaining <= p.line { p.line += remaining; return p }
            guard let previous = endOfPreviousPiece(before: p) else { p.line = 0; return p }
            remaining += p.line + 1
            p = previous
        }
        return p
    }

    /// The number of lines from `a` to `b` (positive when `b` is later), counted up to `limit`.
    public func distance(from a: LinePosition, to b: LinePosition, limit: Int = .max) -> Int {
        if a == b { return 0 }
        if b < a { return -distance(from: b, to: a, limit: limit) }
        var n = 0
        var p = a
        while (p.block, p.piece) < (b.block, b.piece), n < limit {
            n += lineCount(ofBlock: p.block, piece: p.piece) - p.line
            guard let next = startOfNextPiece(after: p) else { return n }
            p = next
        }
        return n + (b.line - p.line)
    }

    /// The visual line at `position`.
    public func line(at position: LinePosition) -> VisualLine {
        let lines = lines(ofBlock: position.block, piece: min(position.piece, pieceCount(ofBlock: position.block) - 1))
        return lines[min(position.line, lines.count - 1)]
    }

    /// The position of the line that shows the scalar at `offset` of `block`.
    public func position(block: Int, offset: Int) -> LinePosition {
        let piece = pieces.chunks(of: document.blocks[block], at: block)?.piece(containing: offset) ?? 0
        let lines = lines(ofBlock: block, piece: piece)
        var index = 0
        for (i, l) in lines.enumerated() where l.start <= offset && l.ornament == .none && (l.text.isEmpty == false || i == 0) { index = i }
        return LinePosition(block: block, piece: piece, line: index)
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
