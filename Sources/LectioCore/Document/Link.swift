/// A link in the text that is not a footnote marker: to another place in the text (EPUB's
/// `href="ch03.xhtml#sec2"`) or out of it (a URL).
public struct Link: Sendable, Equatable {
    /// Where a link leads.
    public enum Target: Sendable, Equatable {
        /// A place in this text: a block and a scalar offset in it.
        case passage(block: Int, offset: Int)
        /// A URL outside the text, as written (`https://…`, `mailto:…`).
        case external(String)
    }

    /// The block that holds the link.
    public var block: Int
    /// The link's scalar range in the block.
    public var range: Range<Int>
    /// Where it leads.
    public var target: Target
    /// The target as written in the source (`ch03.xhtml#sec2`, resolved to a path in the book).
    public var source: String?

    /// A link.
    public init(block: Int, range: Range<Int>, target: Target, source: String? = nil) {
        self.block = block; self.range = range; self.target = target; self.source = source
    }
}
