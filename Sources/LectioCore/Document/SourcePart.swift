/// One part of a text made of several files (an EPUB's content documents): where its blocks begin.
public struct SourcePart: Sendable, Equatable {
    /// The file's path inside the container (`OPS/chapter_001.xhtml`).
    public var path: String
    /// The first block that comes from it.
    public var firstBlock: Int

    /// A file of the text.
    public init(path: String, firstBlock: Int) {
        self.path = path
        self.firstBlock = firstBlock
    }
}
