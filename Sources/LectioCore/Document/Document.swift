import Algorithms

/// A text as Lectio reads it: blocks of canonical text, sections, footnote markers and notes.
///
/// All offsets are Unicode scalar offsets. The canonical text is the blocks' texts joined
/// with `"\n"`; `Block.start` is where each begins in it.
public struct Document: Sendable {
    /// The title of the whole text.
    public var title: String
    /// The blocks in reading order.
    public var blocks: [Block]
    /// The sections (headings) in reading order.
    public var sections: [Section]
    /// Footnote markers in reading order.
    public var footnotes: [FootnoteMarker]
    /// Footnote notes in reading order.
    public var notes: [FootnoteNote]
    /// Things the reader should know about the file (encoding guessed, empty text…).
    public var notices: [String]
    /// The block where reading starts (after front matter such as a Gutenberg header).
    public var startBlock: Int
    /// Scalars in the canonical text.
    public private(set) var scalarCount: Int
    /// Links other than footnote markers (EPUB: to another place in the book, or a URL), in
    /// reading order.
    public var links: [Link] = []
    /// The authors, as the book's metadata names them (EPUB), else empty.
    public var creators: [String] = []
    /// The language of the text as its metadata gives it (`en-US`), if known.
    public var language: String?
    /// For a text made of several files (EPUB), each file and its first block, in reading
    /// order (an empty path marks blocks Lectio made, such as a Footnotes section); empty for a
    /// single file.
    public var sourceParts: [SourcePart] = []

    /// Builds a document and gives each block its start offset in the canonical text.
    public init(title: String, blocks: [Block], sections: [Section] = [], footnotes: [FootnoteMarker] = [],
                notes: [FootnoteNote] = [], notices: [String] = [], startBlock: Int = 0) {
        self.title = title
        self.blocks = blocks
        self.sections = sections
        self.footnotes = footnotes
        self.notes = notes
        self.notices = notices
        self.startBlock = startBlock
        var offset = 0
        for i in self.blocks.indices {
            self.blocks[i].start = offset
            offset += self.blocks[i].scalarCount + 1
        }
        scalarCount = max(0, offset - 1)
    }

    /// The index of the section that holds `block`, or `nil` before the first section.
    public func sectionIndex(containing block: Int) -> Int? {
        let after = sections.partitioningIndex { $0.block > block }
        return after == 0 ? nil : after - 1
    }

    /// The block that holds the canonical offset `offset`.
    public func blockIndex(containing offset: Int) -> Int {
        max(0, blocks.partitioningIndex { $0.start > offset } - 1)
    }

    /// The file of a text made of several that holds `block` (EPUB: the content document, for
    /// anchors and exports), or `nil` for a single-file text.
    public func sourcePart(containing block: Int) -> String? {
        guard let path = sourceParts.last(where: { $0.firstBlock <= block })?.path, !path.isEmpty else { return nil }
        return path
    }

    /// The footnote markers whose block lies in `blocks`.
    public func footnotes(inBlocks range: ClosedRange<Int>) -> Range<Int> {
        firstFootnote(inBlockAtLeast: range.lowerBound)..<firstFootnote(inBlockAtLeast: range.upperBound + 1)
    }

    /// The index of the first marker in block `block` or later (`footnotes.count` if none).
    public func firstFootnote(inBlockAtLeast block: Int) -> Int {
        footnotes.partitioningIndex { $0.block >= block }
    }

    /// Where a footnote marker stands in the canonical text.
    public func canonicalOffset(ofFootnote index: Int) -> Int {
        blocks[footnotes[index].block].start + footnotes[index].range.lowerBound
    }
}

/// One unit of text: a paragraph, a heading, a note…
public struct Block: Sendable, Equatable {
    /// What a block is, which decides how it is drawn.
    public enum Kind: Sendable, Equatable {
        case title, heading(level: Int), byline, label, paragraph, preformatted, quote, listItem
        case footnote, sceneBreak, frontMatter
    }

    /// What the block is.
    public var kind: Kind
    /// The block's text; `"\n"` only in preformatted blocks.
    public var text: String
    /// The scalars of `text`, for offset arithmetic. Made on demand (keeping them for every
    /// block would quadruple the memory a book takes).
    public var scalars: [Unicode.Scalar] { Array(text.unicodeScalars) }
    /// Scalars in `text`.
    public let scalarCount: Int
    /// Where the block starts in the canonical text.
    public internal(set) var start: Int = 0
    /// The 1-based line of the source file where the block begins.
    public var line: Int
    /// Offsets in `text` where each further source line of the block begins.
    public var lineBreaks: [Int]
    /// Emphasis and other styles, as scalar ranges of `text`.
    public var styles: [StyleSpan]
    /// For a list item, how deeply its list is nested (0 for an outermost list); for a block
    /// quote, how deeply it is nested in other quotes (0 for an outermost one).
    public var depth = 0
    /// Whether the next block follows without a blank line between (the items of a tight list).
    public var joinsNext = false
    /// Whether the source indents the paragraph's first line (the book's way of starting a
    /// paragraph): the layout indents it too.
    public var indentsFirstLine = false

    /// A block from its text.
    public init(kind: Kind, text: String, line: Int, lineBreaks: [Int] = [], styles: [StyleSpan] = []) {
        self.kind = kind
        self.text = text
        self.scalarCount = text.scalarCount
        self.line = line
        self.lineBreaks = lineBreaks
        self.styles = styles
    }

    /// A block whose scalar count is known already (an importer that built it scalar by
    /// scalar), so the text need not be counted again.
    init(kind: Kind, text: String, scalarCount: Int, line: Int, styles: [StyleSpan]) {
        self.kind = kind
        self.text = text
        self.scalarCount = scalarCount
        self.line = line
        self.lineBreaks = []
        self.styles = styles
    }

    /// The 1-based source line that holds the scalar at `offset`.
    public func sourceLine(at offset: Int) -> Int {
        var n = 0
        for b in lineBreaks where b <= offset { n += 1 }
        return line + n
    }

    /// Whether this block is a heading of any level.
    public var isHeading: Bool {
        if case .heading = kind { return true }
        return kind == .title
    }
}

/// A style over a range of a block's text (Markdown emphasis, code…).
public struct StyleSpan: Sendable, Equatable {
    /// The kinds of inline style.
    public enum Style: Sendable, Equatable { case emphasis, strong, code }
    /// Scalar offsets in the block.
    public var range: Range<Int>
    /// The style.
    public var style: Style
    /// A span.
    public init(range: Range<Int>, style: Style) { self.range = range; self.style = style }
}

/// A heading that starts a section.
public struct Section: Sendable, Equatable {
    /// The heading as the reader sees it.
    public var title: String
    /// 1 for the top level.
    public var level: Int
    /// The block of the heading.
    public var block: Int
    /// The 1-based source line of the heading.
    public var line: Int
    /// A section synthesised by Lectio (front matter, notes) rather than a heading of the text.
    public var isMatter: Bool
    /// Where the section starts in the source, when the source is more than one file
    /// (EPUB: `path/in/zip.xhtml#id`).
    public var source: String?

    /// A section.
    public init(title: String, level: Int, block: Int, line: Int, isMatter: Bool = false) {
        self.title = title; self.level = level; self.block = block; self.line = line; self.isMatter = isMatter
    }
}

/// A footnote marker in the text (`*`, `[3]`, `[^label]`…).
public struct FootnoteMarker: Sendable, Equatable {
    /// The label as written (`*`, `3`, `label`).
    public var label: String
    /// The block that holds the marker.
    public var block: Int
    /// The marker's scalar range in the block.
    public var range: Range<Int>
    /// The linked note (index into `Document.notes`), or `nil` when none was found.
    public var note: Int?
    /// Where the marker stands in the source, when the source is more than one file (EPUB:
    /// `path/in/zip.xhtml#id`, or the nearest id and the link's index, `…#p12[2]`).
    public var source: String?

    /// A marker.
    public init(label: String, block: Int, range: Range<Int>, note: Int? = nil) {
        self.label = label; self.block = block; self.range = range; self.note = note
    }
}

/// A footnote's note, where it stands in the text.
public struct FootnoteNote: Sendable, Equatable {
    /// The label as written.
    public var label: String
    /// The block that holds the note.
    public var block: Int
    /// The note's text without its label.
    public var text: String
    /// The 1-based source line where the note begins.
    public var line: Int
    /// Where the note stands in the source, when the source is more than one file (EPUB:
    /// `path/in/zip.xhtml#id`, the marker's target).
    public var source: String?

    /// A note.
    public init(label: String, block: Int, text: String, line: Int) {
        self.label = label; self.block = block; self.text = text; self.line = line
    }
}
