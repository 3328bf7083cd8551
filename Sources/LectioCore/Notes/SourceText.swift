/// The text that a note's stored offsets index, and the way between it and the canonical text.
///
/// For plain text it is the decoded source file itself (Unicode scalars, nothing normalised:
/// line ends, tabs and blank lines as in the file), so that any tool can check
/// `text[start..<end] == exact` on the file. For Markdown (and texts without a file) it is the
/// text content of the document: the canonical text, blocks joined by one newline.
///
/// Each block of the document is aligned with the source from the line where it begins: its
/// scalars are found in order (a space of the canonical text matching any run of white space
/// in the file, a control picture the control it stands for), so an importer's changes — lines
/// joined, indents and footnote labels dropped — never shift the offsets of later blocks.
public struct SourceText: Sendable {
    /// The reader's text: blocks joined by one newline.
    public let canonical: CanonicalText
    /// The text that stored offsets index.
    public let source: CanonicalText
    /// Where each block begins in the canonical text, and its length.
    let blockStarts: [Int]
    let blockCounts: [Int]
    /// Where each block's first line begins in the source; `nil` when source and canonical are one.
    let blockSourceStarts: [Int]?

    /// The canonical text standing for itself (Markdown, a document without a file).
    public init(canonical: CanonicalText) {
        self.canonical = canonical
        source = canonical
        blockStarts = []
        blockCounts = []
        blockSourceStarts = nil
    }

    /// A plain-text document aligned with its decoded source file.
    public init(document: Document, canonical: CanonicalText, sourceScalars: [Unicode.Scalar]) {
        self.canonical = canonical
        source = CanonicalText(scalars: sourceScalars)
        blockStarts = document.blocks.map(\.start)
        blockCounts = document.blocks.map(\.scalarCount)
        let lines = Self.lineStarts(sourceScalars)
        blockSourceStarts = document.blocks.map { lines[min(max(0, $0.line - 1), lines.count - 1)] }
    }

    /// Whether offsets index a source file rather than the canonical text.
    public var isSourceFile: Bool { blockSourceStarts != nil }

    /// The source range of the canonical range `range`.
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        guard blockSourceStarts != nil else { return range }
        let lower = sourceOffset(of: range.lowerBound)
        let upper = range.isEmpty ? lower : sourceOffset(of: range.upperBound - 1) + 1
        return lower..<max(lower, upper)
    }

    /// The canonical range of the source range `range`.
    public func canonicalRange(of range: Range<Int>) -> Range<Int> {
        var cache = AlignmentCache()
        return canonicalRange(of: range, cache: &cache)
    }

    /// The last block aligned, kept while many ranges are mapped in order (placing every note
    /// of a file aligns each block once, not once per note).
    public struct AlignmentCache {
        var block = -1
        var map: [Int] = []
        public init() {}
    }

    /// `canonicalRange(of:)`, reusing the alignment of the block `cache` holds.
    public func canonicalRange(of range: Range<Int>, cache: inout AlignmentCache) -> Range<Int> {
        guard blockSourceStarts != nil else { return range }
        let lower = canonicalOffset(of: range.lowerBound, atOrAfter: true, cache: &cache)
        let upper = range.isEmpty ? lower : canonicalOffset(of: range.upperBound - 1, atOrAfter: false, cache: &cache) + 1
        return lower..<max(lower, upper)
    }

    /// Where the scalar at canonical `offset` stands in the source.
    public func sourceOffset(of offset: Int) -> Int {
        guard let starts = blockSourceStarts, !blockStarts.isEmpty else { return offset }
        let b = block(containingCanonical: offset)
        let map = alignment(ofBlock: b)
        let i = max(0, min(offset - blockStarts[b], map.count - 1))
        return i < blockCounts[b] ? map[i] : (map.last ?? starts[b])
    }

    /// The canonical offset of the source scalar at `offset`: the first canonical scalar at or
    /// after it (`atOrAfter`), or the last at or before it.
    public func canonicalOffset(of offset: Int, atOrAfter: Bool) -> Int {
        var cache = AlignmentCache()
        return canonicalOffset(of: offset, atOrAfter: atOrAfter, cache: &cache)
    }

    func canonicalOffset(of offset: Int, atOrAfter: Bool, cache: inout AlignmentCache) -> Int {
        guard let starts = blockSourceStarts, !starts.isEmpty else { return offset }
        var low = 0, high = starts.count - 1, b = 0
        while low <= high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { b = mid; low = mid + 1 } else { high = mid - 1 }
        }
        if cache.block != b {
            cache.map = alignment(ofBlock: b)
            cache.block = b
        }
        let map = cache.map
        let count = blockCounts[b]
        if atOrAfter {
            var i = map[0..<count].firstIndex { $0 >= offset } ?? count
            if i == count, b + 1 < blockStarts.count { return blockStarts[b + 1] }
            // Scalars the importer put in (a joiner) share the place of the next one found.
            while i + 1 < count, map[i + 1] == map[i] { i += 1 }
            return blockStarts[b] + i
        }
        let i = map[0..<count].lastIndex { $0 <= offset } ?? 0
        return blockStarts[b] + i
    }

    /// The block that holds canonical `offset`.
    func block(containingCanonical offset: Int) -> Int {
        var low = 0, high = blockStarts.count - 1, found = 0
        while low <= high {
            let mid = (low + high) / 2
            if blockStarts[mid] <= offset { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        return found
    }

    /// For each scalar of block `b` (and its end), the source offset it was found at.
    func alignment(ofBlock b: Int) -> [Int] {
        guard let starts = blockSourceStarts else { return [] }
        let s = source.scalars, c = canonical.scalars
        let limit = b + 1 < starts.count ? max(starts[b], starts[b + 1]) : s.count
        var p = starts[b]
        var map: [Int] = []
        map.reserveCapacity(blockCounts[b] + 1)
        for i in blockStarts[b]..<(blockStarts[b] + blockCounts[b]) {
            if CanonicalText.isSpace(c[i]) {
                // A space stands for the run of white space at this place (a line end and the
                // next line's indent); with none here, the importer put it in (a heading's " — ").
                map.append(p)
                while p < limit, Self.isSourceSpace(s[p]) { p += 1 }
                continue
            }
            // A character is looked for a little ahead: the importer drops labels and markup,
            // never much at once; one it made up (a joiner) is not found and takes no room.
            // White space (a centred heading's indent) does not count towards how far.
            var j = p, skipped = 0
            while j < limit, skipped < Self.lookahead, !Self.stands(for: s[j], canonical: c[i]) {
                if !Self.isSourceSpace(s[j]) { skipped += 1 }
                j += 1
            }
            if j < limit, skipped < Self.lookahead {
                map.append(j)
                p = j + 1
            } else {
                map.append(p)
            }
        }
        map.append(p)
        return map
    }

    /// How far ahead a character of a block is looked for in the source.
    static let lookahead = 48

    static func isSourceSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" || s == "\u{A0}"
    }

    /// Whether the canonical scalar `c` is what the importer made of the source scalar `s`.
    static func stands(for s: Unicode.Scalar, canonical c: Unicode.Scalar) -> Bool {
        if s == c { return true }
        if CanonicalText.isSpace(c) { return s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" }
        switch c.value {
        case 0x2400..<0x2420: return s.value == c.value - 0x2400
        case 0x2421: return s.value == 0x7F
        case 0xFFFD: return (0x80...0x9F).contains(s.value)
        default: return false
        }
    }

    /// Where each line begins, with the decoder's line ends: LF, CR LF, CR, form feed.
    static func lineStarts(_ s: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        var i = 0
        while i < s.count {
            switch s[i] {
            case "\r":
                if i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                starts.append(i + 1)
            case "\n", "\u{0C}": starts.append(i + 1)
            default: break
            }
            i += 1
        }
        return starts
    }

    /// The text stored offsets index for the file at `path`, read as `document`: the decoded
    /// file for plain text; the canonical text for Markdown and other formats, or when the file
    /// cannot be read again.
    public static func of(file path: String, document: Document, canonical: CanonicalText) -> SourceText {
        let ext = path.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last : nil }?.lowercased() ?? ""
        guard !["md", "markdown", "mdown", "mkd", "epub"].contains(ext),
              let data = try? SourceFile.read(path: path), let scalars = decodedScalars(of: [UInt8](data)) else {
            return SourceText(canonical: canonical)
        }
        return SourceText(document: document, canonical: canonical, sourceScalars: scalars)
    }

    /// A file's bytes decoded as the reader decodes them (BOM, UTF-16, Windows-1252), but not
    /// normalised; `nil` for binary data.
    public static func decodedScalars(of bytes: [UInt8]) -> [Unicode.Scalar]? {
        bytes.withUnsafeBufferPointer { buffer -> [Unicode.Scalar]? in
            let text: String?
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]), let t = SourceDecoder.utf8(UnsafeBufferPointer(rebasing: buffer[3...])) {
                text = t
            } else if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
                text = SourceDecoder.utf16(Array(buffer.dropFirst(2))[...], littleEndian: buffer[0] == 0xFF)
            } else if SourceDecoder.looksBinary(buffer) {
                text = nil
            } else {
                text = SourceDecoder.utf8(buffer) ?? SourceDecoder.windows1252(buffer)
            }
            return text.map { Array($0.unicodeScalars) }
        }
    }
}
