/// Collects the blocks of a whole book as its documents are converted, with where every
/// element id landed and every link, so that links and notes can be resolved at the end.
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

    var blocks: [Block] = []
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
        // The hot loop of the import. It copies UTF-8 as it comes, into a buffer sized for the
        // worst case (3 bytes for a byte shown as a symbol, 8 spaces for a tab, the list
        // marker, one pending space), appended once; the state lives in locals.
        var pending = pendingSpace, column = self.column, start = blockLine, prefix = self.prefix
        var count = scalarCount
        var last: UInt8? = utf8.last
        var text = text
        text.withUTF8 { source in
            let n = source.count
            let room = (preformatted ? 8 * n : 3 * n) + 4 * prefix.count + 1
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { out in
                var k = 0
                var i = 0
                func put(_ s: Unicode.Scalar) { UTF8.encode(s) { out[k] = $0; k += 1 } }
                while i < n {
                    let b = source[i]
                    let length: Int
                    var s: Unicode.Scalar
                    if b < 0x80 {
                        length = 1
                        s = Unicode.Scalar(b)
                    } else {
                        // Decode by hand: a Swift string is valid UTF-8.
                        length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                        var j = 1
                        while j < length, i + j < n { value = value << 6 | UInt32(source[i + j] & 0x3F); j += 1 }
                        s = Unicode.Scalar(value) ?? "\u{FFFD}"
                    }
                    let first = i
                    i += length
                    if b <= 0x20 {
                        if preformatted {
                            switch b {
                            case 0x0D: continue
                            case 0x0A: out[k] = 0x0A; k += 1; count += 1; last = 0x0A; column = 0; continue
                            case 0x09:
                                let spaces = 8 - column % 8
                                for _ in 0..<spaces { out[k] = 0x20; k += 1 }
                                count += spaces; last = 0x20; column += spaces; continue
                            default: break
                            }
                        } else if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                            if let last, last != 0x0A { pending = true }
                            continue
                        }
                    }
                    if last == nil {
                        // The block's first character: the list marker goes before it.
                        start = line
                        for p in prefix { put(p) }
                        count += prefix.count
                        column = prefix.count
                        prefix = []
                    }
                    if pending { out[k] = 0x20; k += 1; count += 1; pending = false }
                    if s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) || s.value == 0xFEFF {
                        put(Self.visible(s))
                    } else {
                        for j in first..<min(first + length, n) { out[k] = source[j]; k += 1 }
                    }
                    count += 1
                    last = out[k - 1]
                    column += 1
                }
                if k > 0 { utf8.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<k])) }
            }
        }
        scalarCount = count
        pendingSpace = pending
        self.column = column
        blockLine = start
        self.prefix = prefix
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
        blocks.append(Block(kind: kind, text: String(decoding: utf8, as: UTF8.self), scalarCount: count, line: blockLine, styles: clipped))
        utf8.removeAll(keepingCapacity: true)
        scalarCount = 0
        styles = []
    }

    /// Appends a block of its own (a scene break).
    mutating func appendBlock(_ block: Block) { blocks.append(block) }

    /// Appends the blocks of another builder (a document converted apart), shifting what
    /// points into them.
    mutating func join(_ other: EPUBBookBuilder) {
        let shift = blocks.count
        blocks += other.blocks
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
