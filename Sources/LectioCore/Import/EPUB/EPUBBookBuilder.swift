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

    // The paragraph being built.
    var scalars: [Unicode.Scalar] = []
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
    var here: Place { Place(block: blocks.count, offset: scalars.isEmpty ? prefix.count : scalars.count) }

    /// Appends text; runs of whitespace collapse to one space unless `preformatted`.
    /// Control characters become visible symbols, so that nothing can drive the terminal.
    mutating func append(_ text: String, preformatted: Bool, line: Int) {
        // The hot loop of the import: it writes into a buffer sized for the worst case (a
        // scalar per byte, a tab as 8 spaces, the list marker, one pending space) and appends
        // that once, rather than growing the array a scalar at a time; the state lives in
        // locals, written back at the end.
        var pending = pendingSpace, column = self.column, start = blockLine, prefix = self.prefix
        var last: Unicode.Scalar? = scalars.last
        var text = text
        text.withUTF8 { utf8 in
            let n = utf8.count
            let room = (preformatted ? 8 * n : n) + prefix.count + 1
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: room) { out in
                var k = 0
                var i = 0
                while i < n {
                    // Decode by hand: a Swift string is valid UTF-8.
                    let b = utf8[i]
                    var s: Unicode.Scalar
                    if b < 0x80 {
                        s = Unicode.Scalar(b)
                        i += 1
                    } else {
                        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                        var j = 1
                        while j < length, i + j < n { value = value << 6 | UInt32(utf8[i + j] & 0x3F); j += 1 }
                        i += length
                        s = Unicode.Scalar(value) ?? "\u{FFFD}"
                    }
                    if s.value <= 0x20 {
                        if preformatted {
                            switch s {
                            case "\r": continue
                            case "\n": out[k] = "\n"; k += 1; last = "\n"; column = 0; continue
                            case "\t":
                                let spaces = 8 - column % 8
                                for _ in 0..<spaces { out[k] = " "; k += 1 }
                                last = " "; column += spaces; continue
                            default: break
                            }
                        } else if s == " " || s == "\n" || s == "\t" || s == "\r" {
                            if let last, last != "\n" { pending = true }
                            continue
                        }
                    }
                    if last == nil {
                        // The block's first character: the list marker goes before it.
                        start = line
                        for p in prefix { out[k] = p; k += 1 }
                        column = prefix.count
                        prefix = []
                    }
                    if pending { out[k] = " "; k += 1; pending = false }
                    if s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) || s.value == 0xFEFF { s = Self.visible(s) }
                    out[k] = s
                    k += 1
                    last = s
                    column += 1
                }
                if k > 0 { scalars.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<k])) }
            }
        }
        pendingSpace = pending
        self.column = column
        blockLine = start
        self.prefix = prefix
    }

    /// A line break (`br`): a `"\n"` in the block (the wrapper keeps it as a break).
    mutating func lineBreak(line: Int) {
        pendingSpace = false
        if scalars.isEmpty { return }
        if scalars.last == " " { scalars.removeLast() }
        scalars.append("\n")
        column = 0
    }

    /// Ends the paragraph being built as a block of `kind` (nothing when it holds no text).
    mutating func flush(as kind: Block.Kind) {
        pendingSpace = false
        column = 0
        if kind != .preformatted {
            while let last = scalars.last, last == " " || last == "\n" { scalars.removeLast() }
        } else {
            while scalars.last == "\n" { scalars.removeLast() }
        }
        guard !scalars.isEmpty else { styles = []; return }
        let count = scalars.count
        let clipped = styles.compactMap { span -> StyleSpan? in
            let r = span.range.clamped(to: 0..<count)
            return r.isEmpty ? nil : StyleSpan(range: r, style: span.style)
        }
        blocks.append(Block(kind: kind, text: Self.string(scalars), scalarCount: count, line: blockLine, styles: clipped))
        scalars.removeAll(keepingCapacity: true)
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

    /// The text of `scalars`, encoded by hand straight into the string's storage: much faster
    /// than through `UnicodeScalarView`.
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var length = 0
        for s in scalars { length += UTF8.width(s) }
        return String(unsafeUninitializedCapacity: length) { out in
            var k = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    out[k] = UInt8(truncatingIfNeeded: v); k += 1
                } else {
                    UTF8.encode(s) { out[k] = $0; k += 1 }
                }
            }
            return k
        }
    }

    /// A scalar as shown: controls as visible symbols (`VisibleText`, the one sanitiser), a
    /// byte-order mark inside the text as a word joiner.
    static func visible(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value == 0xFEFF { return "\u{2060}" }
        return VisibleText.replacement(for: s) ?? s
    }
}
