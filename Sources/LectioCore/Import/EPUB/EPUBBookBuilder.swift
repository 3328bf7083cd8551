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
        // The state in locals for the loop (a closure capturing `self` would check exclusive
        // access on every character), written back at the end.
        var out = scalars
        scalars = []
        var pending = pendingSpace, column = self.column, start = blockLine, prefix = self.prefix
        var text = text
        text.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                // Decode by hand: a Swift string is valid UTF-8, and this is the hot loop.
                let b = utf8[i]
                var s: Unicode.Scalar
                if b < 0x80 {
                    s = Unicode.Scalar(b)
                    i += 1
                } else {
                    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    var k = 1
                    while k < length, i + k < n { value = value << 6 | UInt32(utf8[i + k] & 0x3F); k += 1 }
                    i += length
                    s = Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                if s.value <= 0x20 {
                    if preformatted {
                        switch s {
                        case "\r": continue
                        case "\n": out.append("\n"); column = 0; continue
                        case "\t":
                            let spaces = 8 - column % 8
                            out.append(contentsOf: repeatElement(" ", count: spaces)); column += spaces; continue
                        default: break
                        }
                    } else if s == " " || s == "\n" || s == "\t" || s == "\r" {
                        if !out.isEmpty, out[out.count - 1] != "\n" { pending = true }
                        continue
                    }
                }
                if out.isEmpty {
                    start = line
                    out = prefix
                    column = prefix.count
                    prefix = []
                }
                if pending { out.append(" "); pending = false }
                if s.value < 0xA0 || s.value == 0xFEFF { s = Self.visible(s) }
                out.append(s)
                column += 1
            }
        }
        scalars = out
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
        document.append(Block(kind: kind, text: Self.string(scalars), scalarCount: count, line: blockLine, styles: clipped))
        scalars = []
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

    /// The text of `scalars`, encoded by hand: much faster than through `UnicodeScalarView`.
    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + scalars.count / 4)
        for s in scalars { UTF8.encode(s) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A scalar as shown: controls as visible symbols (`VisibleText`, the one sanitiser), a
    /// byte-order mark inside the text as a word joiner.
    static func visible(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value == 0xFEFF { return "\u{2060}" }
        return VisibleText.replacement(for: s) ?? s
    }
}
