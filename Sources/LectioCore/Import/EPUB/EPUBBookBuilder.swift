/// Collects the blocks of a whole book as its documents are converted (into a
/// `DocumentBuilder`), with where every element id landed and every link, so that links and
/// notes can be resolved at the end.
struct EPUBBookBuilder {
    /// A place in the book: a block and a scalar offset in it.
    struct Place: Equatable {
        var block: Int
        var offset: Int
    }

    /// A link as it stood in the text, before it is known to be a note reference.
    struct RawLink {
        /// The document that holds the link.
        var document: String
        var block: Int
        var range: Range<Int>
        /// The `href` as written.
        var href: String
        /// The link's text.
        var text: String
        var types: [String]
        var roles: [String]
        var classes: [String]
        /// Inside `sup`, or holding one.
        var superscript: Bool
        /// `path#id` of the link, or of the nearest element with an id plus the link's index.
        var source: String
    }

    /// A heading (`h1`–`h6`) of the text.
    struct Heading {
        var title: String
        var level: Int
        var block: Int
        var source: String
    }

    /// The blocks, and what the importer records of the book as it goes.
    var document = DocumentBuilder()
    /// The blocks so far.
    var blocks: [Block] { document.blocks }
    /// `path#id` (and `path` for a document's start) → where it is.
    var places: [String: Place] = [:]
    var links: [RawLink] = []
    var headings: [Heading] = []
    /// Notes taken out of the reading flow (footnote asides): their document and element.
    var movedNotes: [(document: String, element: MarkupElement)] = []
    /// The block of the "Footnotes" heading of the notes taken out of the flow, if any.
    var notesHeading: Int?

    // The paragraph being built: its text in UTF-8, and how many scalars that is (offsets
    // into a block count scalars).
    var utf8: [UInt8] = []
    var scalarCount = 0
    var styles: [StyleSpan] = []
    var pendingSpace = false
    var blockLine = 0
    /// Columns on the current line of a preformatted block, for tab stops.
    var column = 0
    /// A list item's marker (`• `, `2. `), put before the item's first character.
    var prefix: [Unicode.Scalar] = []
    /// Links seen in the current document, for sources of links with no id around them.
    var documentLinks = 0

    /// Where the next character will stand.
    var here: Place { Place(block: blocks.count, offset: utf8.isEmpty ? prefix.count : scalarCount) }

    /// Where the next character will stand in the paragraph being built: its scalar offset
    /// and its byte in `utf8`.
    struct Position {
        var place: Place
        var byte: Int
    }

    /// `here`, with the byte where it stands.
    var position: Position {
        let marker = prefix.reduce(0) { $0 + UTF8.width($1) }
        return Position(place: here, byte: utf8.isEmpty ? marker : utf8.count)
    }

    /// `start` moved past the spaces that follow it in the paragraph being built.
    func skippingSpaces(from start: Position) -> Position {
        var p = start
        while p.byte < utf8.count, utf8[p.byte] == 0x20 { p.byte += 1; p.place.offset += 1 }
        return p
    }

    /// The text of the paragraph being built from the byte `byte` on.
    func text(fromByte byte: Int) -> String {
        String(decoding: utf8[min(byte, utf8.count)...], as: UTF8.self)
    }

    /// Appends text; runs of whitespace collapse to one space unless `preformatted`.
    /// Control characters become visible symbols, so that nothing can drive the terminal.
    mutating func append(_ text: String, preformatted: Bool, line: Int) {
        var state = TextCopy(pending: pendingSpace, column: column, count: scalarCount, last: utf8.last.map(Int.init) ?? -1)
        let prefix = self.prefix
        var text = text
        text.withUTF8 { source in
            // Room for the worst case: 3 bytes for a byte shown as a symbol, 8 spaces for a
            // tab, the list marker, one pending space.
            let room = (preformatted ? 8 * source.count : 3 * source.count) + 4 * prefix.count + 1
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { out in
                guard let base = out.baseAddress else { return }
                let written = TextCopy.copy(source, into: base, preformatted: preformatted, prefix: prefix, state: &state)
                if written > 0 { utf8.append(contentsOf: UnsafeBufferPointer(start: base, count: written)) }
            }
        }
        if state.started {
            blockLine = line
            self.prefix = []
        }
        scalarCount = state.count
        pendingSpace = state.pending
        column = state.column
    }

    /// A line break (`br`): a `"\n"` in the block (the wrapper keeps it as a break).
    mutating func lineBreak(line: Int) {
        pendingSpace = false
        if utf8.isEmpty { return }
        if utf8.last == 0x20 { utf8.removeLast(); scalarCount -= 1 }
        utf8.append(0x0A)
        scalarCount += 1
        column = 0
    }

    /// Ends the paragraph being built as a block of `kind` (nothing when it holds no text).
    mutating func flush(as kind: Block.Kind) {
        pendingSpace = false
        column = 0
        if kind != .preformatted {
            while let last = utf8.last, last == 0x20 || last == 0x0A { utf8.removeLast(); scalarCount -= 1 }
        } else {
            while utf8.last == 0x0A { utf8.removeLast(); scalarCount -= 1 }
        }
        guard !utf8.isEmpty else { styles = []; scalarCount = 0; return }
        let count = scalarCount
        let clipped = styles.compactMap { span -> StyleSpan? in
            let r = span.range.clamped(to: 0..<count)
            return r.isEmpty ? nil : StyleSpan(range: r, style: span.style)
        }
        let text = String(decoding: utf8, as: UTF8.self)
        assert(text.unicodeScalars.count == count, "the scalars counted while copying are the block's")
        document.append(Block(kind: kind, text: text, scalarCount: count, line: blockLine, styles: clipped))
        utf8.removeAll(keepingCapacity: true)
        scalarCount = 0
        styles = []
    }

    /// Appends a block of its own (a scene break).
    mutating func appendBlock(_ block: Block) { document.append(block) }

    /// Appends the blocks of another builder (a document converted apart), shifting what
    /// points into them.
    mutating func join(_ other: EPUBBookBuilder) {
        let shift = document.join(other.document)
        for (key, place) in other.places where places[key] == nil {
            places[key] = Place(block: place.block + shift, offset: place.offset)
        }
        links += other.links.map { var l = $0; l.block += shift; return l }
        headings += other.headings.map { var h = $0; h.block += shift; return h }
        movedNotes += other.movedNotes
    }

    /// Records where `key` (`path#id` or `path`) stands, keeping the first place given.
    mutating func mark(_ key: String) {
        if places[key] == nil { places[key] = here }
    }

    /// A scalar as shown: controls as visible symbols (`VisibleText`, the one sanitiser), a
    /// byte-order mark inside the text as a word joiner.
    static func visible(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value == 0xFEFF { return "\u{2060}" }
        return VisibleText.replacement(for: s) ?? s
    }
}
