import Algorithms
import Foundation

/// The first screen of a long text before the whole of it is imported: the blocks of a window
/// of the file around the place the reader opens at, imported by the text's own importer.
///
/// Opening a book imports it whole (sections, footnote links and the search index need all of
/// it), which takes tens of milliseconds for a long novel. The reader draws a preview first and
/// imports the whole book on a background thread; the preview's blocks are the same as the
/// whole import's where the window is (the importers decide locally: a paragraph, a heading,
/// a note are recognised from their own lines and their neighbours).
public struct Preview: Sendable {
    /// The window's blocks, as a document of their own.
    public var document: Document
    /// The canonical offset (in `document`) of the first line to show.
    public var top: Int
    /// Where the window starts in the file, in percent of its size.
    public var percent: Int

    /// The file size below which no preview is made: importing it whole is as quick.
    public static let minimumSize = 128 * 1024
    /// How many bytes of text a preview imports: more than a screen of any width.
    public static let windowSize = 40 * 1024
    /// How far before the place to show the window may start, to begin at a paragraph.
    static let lead = 4 * 1024
    /// How much of the text's start is read before a window further in.
    static let headSize = 16 * 1024
    /// How much of the text's end is read after the window.
    static let tailSize = 2 * 1024

    /// A preview of the file at `path` whose bytes are `bytes`, at the place `resume` names
    /// (`nil`: where reading starts, after front matter); `nil` for a short file, a file that is
    /// not UTF-8 text (UTF-16, binary), or an EPUB that cannot be read so far.
    public static func of(_ bytes: Data, path: String, resume: ResumePoint? = nil) -> Preview? {
        if SourceKind.of(bytes, path: path) == .epub {
            guard bytes.count >= minimumSize / 2 else { return nil }
            return EPUBImporter.preview(from: bytes, path: path, part: resume?.part, blockInPart: resume?.blockInPart ?? 0,
                                        withinBlock: resume?.withinBlock ?? 0)
        }
        return of(FileSample(path: path, size: bytes.count, modified: nil, head: bytes), resume: resume)
    }

    /// How many bytes of a text file's start a preview may need (`FileSample.head`).
    public static let sampleSize = 64 * 1024

    /// A preview of a long text file (plain text or Markdown) from a sample of its bytes: its
    /// start, and the stretch around the place `resume` names, read from the file (the whole
    /// is not read for it).
    public static func of(_ sample: FileSample, resume: ResumePoint? = nil) -> Preview? {
        guard sample.size >= minimumSize, resume?.part == nil,
              !sample.head.starts(with: [0xFF, 0xFE]), !sample.head.starts(with: [0xFE, 0xFF]) else { return nil }
        let offset = resume.map { min(max(0, $0.byteOffset), sample.size) }
        // Around the place: a window and two leads before it (a line's or paragraph's start),
        // a window and two leads after it (the paragraph's end).
        let base = offset.map { max(0, $0 - windowSize - 2 * lead) } ?? 0
        guard let region = sample.bytes(from: base, count: (offset ?? 0) - base + windowSize + 2 * lead),
              let head = sample.bytes(from: 0, count: headSize + 2 * lead) else { return nil }
        let withinBlock = resume?.withinBlock ?? 0
        return region.withUnsafeBytes { r -> Preview? in
            head.withUnsafeBytes { h -> Preview? in
                let all = r.bindMemory(to: UInt8.self), first = h.bindMemory(to: UInt8.self)
                // (A file that shrank since it was looked at: the place within what was read.)
                let place = lineStart(in: all, atOrBefore: min((offset ?? 0) - base, all.count))
                // From a blank line before the place (a paragraph's start), to a blank line after
                // the window's size: the importer sees whole paragraphs.
                let start = base + place == 0 ? 0 : paragraphStart(in: all, atOrBefore: place)
                let end = paragraphEnd(in: all, from: min(all.count, place + windowSize))
                // A window further in is read after the text's head (its title, front matter and
                // contents), so that the importer judges its lines as it does in the whole: a
                // short line is not the title, a chapter heading has the level the contents give.
                let headEnd = base + start > headSize ? paragraphEnd(in: first, from: headSize) : 0
                guard start < end, let window = SourceDecoder.decode(UnsafeBufferPointer(rebasing: all[start..<end])) else { return nil }
                var text = window.text
                var linesBefore = 0
                if headEnd > 0, headEnd < base + start, let head = SourceDecoder.decode(UnsafeBufferPointer(rebasing: first[0..<headEnd])) {
                    let joint = head.text.hasSuffix("\n") ? "\n" : "\n\n"
                    text = head.text + joint + window.text
                    linesBefore = (head.text + joint).utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                }
                // And before its end, which may name the text (`End of the Project Gutenberg
                // EBook of …`): blocks after the window, never shown in the preview.
                let tailStart = max(base + end, sample.size - tailSize)
                if tailStart < sample.size, let tail = sample.bytes(from: tailStart, count: sample.size - tailStart),
                   let line = tail.firstIndex(of: 0x0A), line + 1 < tail.endIndex,
                   let decoded = tail.withUnsafeBytes({ SourceDecoder.decode(UnsafeBufferPointer(rebasing: $0.bindMemory(to: UInt8.self)[(line + 1 - tail.startIndex)...])) }) {
                    text += (text.hasSuffix("\n") ? "\n" : "\n\n") + decoded.text
                }
                let document = TextOpener.importDocument(text, path: sample.path)
                guard !document.blocks.isEmpty else { return nil }
                let top: Int
                if offset == nil {
                    top = document.blocks[min(document.startBlock, document.blocks.count - 1)].start
                } else {
                    // The block that begins on the place's line (or the first after it).
                    let line = 1 + linesBefore + lineEnds(in: all, from: start, to: place)
                    let index = document.blocks.partitioningIndex { $0.line >= line }
                    let block = document.blocks[min(index, document.blocks.count - 1)]
                    top = block.start + min(max(0, withinBlock), block.scalarCount)
                }
                return Preview(document: document, top: top, percent: sample.size == 0 ? 0 : (base + place) * 100 / sample.size)
            }
        }
    }

    /// The byte offset where 1-based line `line` of `bytes` begins (the end when there are
    /// fewer), lines ending as `SourceDecoder` ends them: LF, CR LF, a lone CR, a form feed.
    public static func byteOffset(ofLine line: Int, in bytes: Data) -> Int {
        guard line > 1 else { return 0 }
        return bytes.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            var seen = 1
            var i = 0
            while i < all.count {
                if let end = lineEnd(in: all, at: i) {
                    seen += 1
                    if seen == line { return end }
                    i = end
                } else {
                    i += 1
                }
            }
            return all.count
        }
    }

    /// Where the line end at byte `i` of `bytes` stops (after a CR LF's LF), or `nil` when no
    /// line ends there (an LF after a CR is part of the CR's end).
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        switch bytes[i] {
        case 0x0D: return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? i + 2 : i + 1
        case 0x0A: return i > 0 && bytes[i - 1] == 0x0D ? nil : i + 1
        case 0x0C: return i + 1
        default: return nil
        }
    }

    /// Whether a line ends at byte `i` (its last byte: LF, CR, form feed).
    static func endsLine(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x0C
    }

    /// How many lines end in bytes `from..<to`.
    static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        (from..<max(from, to)).reduce(0) { $0 + (lineEnd(in: bytes, at: $1) == nil ? 0 : 1) }
    }

    /// The start of the line that holds `offset`; on a line longer than `windowSize`, the start
    /// of the character at `offset` (a text that is one long line is not scanned from its start).
    static func lineStart(in bytes: UnsafeBufferPointer<UInt8>, atOrBefore offset: Int) -> Int {
        var i = offset
        let limit = max(0, offset - windowSize)
        while i > limit, !endsLine(bytes, i - 1) { i -= 1 }
        guard i == limit, i > 0, !endsLine(bytes, i - 1) else { return i }
        i = offset
        while i > 0, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// The start of the paragraph that holds `offset`: after the last blank line within `lead`
    /// bytes before it, else `offset` itself.
    static func paragraphStart(in bytes: UnsafeBufferPointer<UInt8>, atOrBefore offset: Int) -> Int {
        var i = offset
        let limit = max(0, offset - lead)
        while i > limit {
            let line = lineStart(in: bytes, atOrBefore: i - 1)
            // Not a line's start but a character's, on a line too long to scan: no paragraph.
            if line > 0, !endsLine(bytes, line - 1) { return offset }
            if isBlank(bytes, from: line, to: i - 1) { return i }
            if line < limit { break }
            i = line
        }
        return offset
    }

    /// The end of the paragraph that holds `offset`: the end of the next blank line within
    /// `lead` bytes, else the end of the line, else `offset`.
    static func paragraphEnd(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        guard offset < bytes.count else { return bytes.count }
        var i = offset
        let limit = min(bytes.count, offset + lead)
        var firstLineEnd: Int?
        while i < limit {
            guard let newline = (i..<limit).first(where: { endsLine(bytes, $0) }) else { break }
            let next = min(limit, lineEnd(in: bytes, at: newline) ?? newline + 1)
            if firstLineEnd == nil { firstLineEnd = next }
            let end = (next..<limit).first { endsLine(bytes, $0) }
            if let end, isBlank(bytes, from: next, to: end) { return min(bytes.count, lineEnd(in: bytes, at: end) ?? end + 1) }
            i = next
        }
        // A text without lines near here (one long line): cut at a space, never inside a character.
        if let firstLineEnd { return firstLineEnd }
        var cut = offset
        while cut < limit, bytes[cut] != 0x20 { cut += 1 }
        while cut > 0, cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    /// Whether bytes `from..<to` hold only spaces, tabs and a carriage return.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        (from..<max(from, to)).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
    }
}
