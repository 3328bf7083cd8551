import Foundation

/// Where the reader left a text, in the file's own terms: the byte offset of the source line
/// where the first block shown begins, for a preview of that place before the text is
/// imported (see `Preview`), with what the status line said there. Valid only for the file
/// as it was: same size, same modification time.
public struct ResumePoint: Codable, Sendable, Equatable {
    /// The byte offset in the file of the line where the top block begins.
    public var byteOffset: Int
    /// How many scalars into that block the first line shown begins.
    public var withinBlock: Int
    /// How many scalars after the first line shown the reading cursor's line begins.
    public var cursorAfterTop: Int
    /// For a text made of several files (an EPUB): the file that holds the top block (its path
    /// in the container) and the block's index among that file's blocks; `byteOffset` is 0.
    public var part: String?
    public var blockInPart: Int?
    /// The file's size and modification time (nanoseconds since the epoch) when it was left.
    public var fileSize: Int
    public var modified: Int64?
    /// The text's title, the section and the percentage the status line showed.
    public var title: String
    public var section: String?
    public var percent: Int

    /// A resume point.
    public init(byteOffset: Int, withinBlock: Int, cursorAfterTop: Int, fileSize: Int, modified: Int64?, title: String, section: String?,
                percent: Int) {
        self.byteOffset = byteOffset; self.withinBlock = withinBlock; self.cursorAfterTop = cursorAfterTop; self.fileSize = fileSize
        self.modified = modified; self.title = title; self.section = section; self.percent = percent
    }

    /// The resume point of a reading state (its canonical offsets `top` and `position`) in
    /// `document`, imported from `bytes`; `nil` in a part Lectio made (an EPUB's gathered
    /// footnotes).
    public init?(_ state: ReadingState, document: Document, bytes: Data, modified: Int64?, percent: Int) {
        let top = state.top
        guard !document.blocks.isEmpty else { return nil }
        let index = document.blockIndex(containing: top)
        let block = document.blocks[index]
        var byteOffset = 0, part: String?, blockInPart: Int?
        var within = max(0, top - block.start)
        if document.sourceParts.isEmpty {
            byteOffset = Preview.byteOffset(ofLine: block.line, in: bytes)
            // Far into a very long paragraph: the place itself, in bytes (near enough: the
            // block's text is the decoded line's), for a preview cannot import the paragraph
            // from its start.
            if within > Preview.windowSize / 4 {
                byteOffset = min(bytes.count, byteOffset + block.text.unicodeScalars.prefix(within).reduce(0) { $0 + UTF8.width($1) })
                within = 0
            }
        } else {
            guard let path = document.sourcePart(containing: index),
                  let first = document.sourceParts.last(where: { $0.firstBlock <= index })?.firstBlock else { return nil }
            part = path
            blockInPart = index - first
        }
        self.init(byteOffset: byteOffset, withinBlock: within,
                  cursorAfterTop: max(0, state.position - top),
                  fileSize: bytes.count, modified: modified, title: document.title,
                  section: document.sectionIndex(containing: index).map { document.sections[$0].title }, percent: percent)
        self.part = part
        self.blockInPart = blockInPart
    }

    /// Whether this point was taken in the file as it is now.
    public func matches(size: Int, modified: Int64?) -> Bool {
        fileSize == size && self.modified == modified
    }
}
