/// Why an EPUB cannot be read at all. (What can be worked around — a missing chapter, a
/// broken link, malformed XHTML — becomes a notice on the document instead.)
public enum EPUBError: Error, Equatable, CustomStringConvertible {
    /// The ZIP container itself cannot be read.
    case notAZip(String)
    /// `META-INF/container.xml` or the package document it names is missing or unusable.
    case noPackage(String)
    /// Content documents are encrypted.
    case drm
    /// Entries would expand beyond the limits (a ZIP bomb, or a damaged archive).
    case tooLarge(String)
    /// The spine names no document that can be read.
    case noContent

    public var description: String {
        switch self {
        case .notAZip(let why): return "not a readable EPUB: the ZIP container is damaged (\(why))"
        case .noPackage(let why): return "not a readable EPUB: \(why)"
        case .drm: return "this book is DRM-protected: its content documents are encrypted, and Lectio cannot read them"
        case .tooLarge(let why): return "refused to unpack this EPUB: \(why)"
        case .noContent: return "not a readable EPUB: its spine names no document that can be read"
        }
    }
}
