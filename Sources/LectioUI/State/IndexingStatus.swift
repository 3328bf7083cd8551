/// What the status line says while the reader shows a preview of the text (its first screen,
/// imported from a window of the file) and imports the whole in the background.
public struct IndexingStatus: Sendable, Equatable {
    /// The text's title and the section shown, when known from the last visit (a preview of
    /// the middle of a book sees neither); `nil`: the preview's own.
    public var title: String?
    public var section: String?
    /// Where the preview stands in the file.
    public var percent: Int

    /// A status.
    public init(title: String? = nil, section: String? = nil, percent: Int) {
        self.title = title
        self.section = section
        self.percent = percent
    }
}
