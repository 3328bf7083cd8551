import Algorithms

/// Builds a `Document` block by block: what every importer does the same way, whatever its
/// format. An importer parses its format and tells the builder what it found — a block with
/// its kind, text, styles and source line; a section; a footnote marker, a note, a link; the
/// file of a container the next blocks come from; the title — and asks for the document.
///
/// Everything recorded points at blocks by index, so the builder can hand out a consistent
/// document at any moment (`document(fallbackTitle:)`): the blocks so far, and only what
/// stands in them. An import can show its first blocks before it has read its last ones.
public struct DocumentBuilder: Sendable {
    /// How footnote markers find their notes when the document is made.
    public enum FootnoteLinking: Sendable {
        /// By label, and repeated symbols by content (`FootnoteLinker`): printed conventions,
        /// as plain text and Markdown have them.
        case byLabelAndContent
        /// As recorded: the importer linked each marker itself (EPUB, by its references).
        case asRecorded
    }

    /// The title the text names, or `nil` (the document then takes the fallback title).
    public var title: String?
    /// The blocks so far, in reading order.
    public private(set) var blocks: [Block] = []
    /// The sections so far, in reading order.
    public private(set) var sections: [Section] = []
    /// The footnote markers so far, in reading order.
    public private(set) var footnotes: [FootnoteMarker] = []
    /// The footnotes' notes so far, in reading order.
    public private(set) var notes: [FootnoteNote] = []
    /// Links other than footnote markers, in reading order.
    public private(set) var links: [Link] = []
    /// For a text made of several files, the file each run of blocks comes from.
    public private(set) var sourceParts: [SourcePart] = []
    /// Things the reader should know about the file.
    public var notices: [String] = []
    /// The block where reading starts, if not the first.
    public var startBlock: Int?
    /// The authors, as the metadata names them.
    public var creators: [String] = []
    /// The language, as the metadata gives it.
    public var language: String?
    /// Markers that may be something else (`word *`, `word^1`): dropped unless they find a note.
    private var tentative = Set<Int>()

    /// An empty builder.
    public init() {}

    /// Where the next block will stand.
    public var nextBlock: Int { blocks.count }

    /// Appends a block; returns its index.
    @discardableResult
    public mutating func append(_ block: Block) -> Int {
        blocks.append(block)
        return blocks.count - 1
    }

    /// Appends a block of `kind` holding `text`, which begins on source line `line`, with the
    /// offsets where further source lines begin and its styles; returns its index.
    @discardableResult
    public mutating func append(_ kind: Block.Kind, text: String, line: Int, lineBreaks: [Int] = [], styles: [StyleSpan] = []) -> Int {
        append(Block(kind: kind, text: text, line: line, lineBreaks: lineBreaks, styles: styles))
    }

    /// Changes what an importer learns of a block after appending it (a first-line indent, a
    /// tight list); its text stays.
    public mutating func update(block index: Int, _ change: (inout Block) -> Void) {
        change(&blocks[index])
    }

    /// Records a section, in block order (after any section already at its block); returns
    /// its index among the sections.
    @discardableResult
    public mutating func addSection(_ section: Section) -> Int {
        if let last = sections.last, last.block > section.block {
            let at = sections.partitioningIndex { $0.block > section.block }
            sections.insert(section, at: at)
            return at
        }
        sections.append(section)
        return sections.count - 1
    }

    /// Opens a section of `level` at the next block, which begins on source line `line`.
    @discardableResult
    public mutating func openSection(_ title: String, level: Int, line: Int, isMatter: Bool = false) -> Int {
        addSection(Section(title: title, level: level, block: nextBlock, line: line, isMatter: isMatter))
    }

    /// Gives section `index` its level; its heading, if it is one, is drawn at that level.
    public mutating func setLevel(ofSection index: Int, to level: Int) {
        sections[index].level = level
        let block = sections[index].block
        if blocks.indices.contains(block), case .heading = blocks[block].kind { blocks[block].kind = .heading(level: level) }
    }

    /// Replaces the sections with ones decided at the end (an EPUB's table of contents),
    /// in block order.
    public mutating func setSections(_ sections: [Section]) {
        self.sections = sections.enumerated()
            .sorted { ($0.element.block, $0.offset) < ($1.element.block, $1.offset) }.map(\.element)
    }

    /// Records a footnote marker at `range` of block `block`, linked to `note` if the importer
    /// knows it; a `tentative` one is dropped when it finds no note. Returns its index.
    @discardableResult
    public mutating func addFootnote(_ label: String, block: Int, range: Range<Int>, note: Int? = nil,
                                     source: String? = nil, tentative: Bool = false) -> Int {
        var marker = FootnoteMarker(label: label, block: block, range: range, note: note)
        marker.source = source
        if tentative { self.tentative.insert(footnotes.count) }
        footnotes.append(marker)
        return footnotes.count - 1
    }

    /// Records a footnote's note held by block `block`, beginning on source line `line`.
    /// Returns its index.
    @discardableResult
    public mutating func addNote(_ label: String, block: Int, text: String, line: Int, source: String? = nil) -> Int {
        var note = FootnoteNote(label: label, block: block, text: text, line: line)
        note.source = source
        notes.append(note)
        return notes.count - 1
    }

    /// Records a link at `range` of block `block`.
    public mutating func addLink(block: Int, range: Range<Int>, target: Link.Target, source: String? = nil) {
        links.append(Link(block: block, range: range, target: target, source: source))
    }

    /// The next blocks come from the file at `path` inside the container (an EPUB's content
    /// document); an empty path marks blocks the importer made (a Footnotes section).
    public mutating func beginPart(_ path: String) {
        sourceParts.append(SourcePart(path: path, firstBlock: nextBlock))
    }

    /// Appends what `other` built apart (a file converted on another thread), shifting what
    /// points into its blocks; returns by how many blocks.
    @discardableResult
    public mutating func join(_ other: DocumentBuilder) -> Int {
        let shift = blocks.count
        blocks += other.blocks
        sections += other.sections.map { var s = $0; s.block += shift; return s }
        let noteShift = notes.count
        notes += other.notes.map { var n = $0; n.block += shift; return n }
        for i in other.tentative { tentative.insert(i + footnotes.count) }
        footnotes += other.footnotes.map { var m = $0; m.block += shift; m.note = m.note.map { $0 + noteShift }; return m }
        links += other.links.map { l in
            var l = l
            l.block += shift
            if case .passage(let block, let offset) = l.target { l.target = .passage(block: block + shift, offset: offset) }
            return l
        }
        sourceParts += other.sourceParts.map { SourcePart(path: $0.path, firstBlock: $0.firstBlock + shift) }
        notices += other.notices
        return shift
    }

    /// The document built so far, titled `fallbackTitle` when the text names no title. Only
    /// what stands in the blocks so far is in it (a section opened at the next block waits for
    /// it), so a document made halfway is whole as far as it goes; markers find their notes
    /// among the notes so far.
    public func document(fallbackTitle: String, linking: FootnoteLinking = .byLabelAndContent) -> Document {
        let count = blocks.count
        var markers = footnotes
        if linking == .byLabelAndContent {
            FootnoteLinker.link(markers: &markers, notes: notes, blocks: blocks)
            // A tentative marker that found no note was not a marker.
            markers = markers.indices.filter { markers[$0].note != nil || !tentative.contains($0) }.map { markers[$0] }
        }
        var document = Document(title: title ?? fallbackTitle, blocks: blocks, sections: sections.filter { $0.block < count },
                                footnotes: markers, notes: notes, notices: notices,
                                startBlock: startBlock ?? 0)
        document.links = links
        document.creators = creators
        document.language = language
        document.sourceParts = sourceParts
        return document
    }
}
