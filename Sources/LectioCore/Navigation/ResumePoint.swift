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
    /// `document`, imported from `bytes` (a single file: a text made of several, an EPUB, has none).
    public init?(_ state: ReadingState, document: Document, bytes: Data, modified: Int64?, percent: Int) {
        let top = state.top
        guard document.sourceParts.isEmpty, !document.blocks.isEmpty else { return nil }
        let index = document.blockIndex(containing: top)
        let block = document.blocks[index]
        self.init(byteOffset: Preview.byteOffset(ofLine: block.line, in: bytes), withinBlock: max(0, top - block.start),
                  cursorAfterTop: max(0, state.position - top),
                  fileSize: bytes.count, modified: modified, title: document.title,
                  section: document.sectionIndex(containing: index).map { document.sections[$0].title }, percent: percent)
    }

    /// Whether this point was taken in the file as it is now.
    public func matches(size: Int, modified: Int64?) -> Bool {
        fileSize == size && self.modified == modified
    }
}
