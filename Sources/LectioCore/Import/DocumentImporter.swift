import Foundation

/// What a file is, from its first bytes and its name: the bytes decide first (a ZIP holding an
/// EPUB is an EPUB whatever its name), the name only between kinds of text.
public enum SourceKind: Sendable, Equatable {
    case epub, markdown, plainText

    /// The kind of the file at `path` whose bytes are `data`.
    public static func of(_ data: Data, path: String) -> SourceKind {
        let name = path.lowercased()
        if EPUBImporter.isEPUB(data) || (name.hasSuffix(".epub") && data.starts(with: [0x50, 0x4B, 0x03, 0x04])) { return .epub }
        if [".md", ".markdown", ".mdown", ".mkd"].contains(where: name.hasSuffix) { return .markdown }
        return .plainText
    }
}

/// An importer: the bytes of a file of one kind into a `Document`. `TextOpener` sniffs the
/// kind and hands the bytes to the importer registered for it.
public protocol DocumentImporter {
    /// The kind of file this importer reads.
    static var kind: SourceKind { get }
    /// The document in `bytes` (the file at `path`) and how its text was read; throws a
    /// `TextLoadError` that says why when it cannot.
    static func open(_ bytes: Data, path: String) throws -> TextOpener.Opened
}

/// An importer of decoded text (plain text, Markdown): the bytes are decoded first (BOMs,
/// UTF-16, a Windows-1252 fallback with a notice; binary data refused).
public protocol TextDocumentImporter: DocumentImporter {
    /// The document in `text`, titled `fallbackTitle` when the text names no title.
    static func document(from text: String, fallbackTitle: String) -> Document
}

extension TextDocumentImporter {
    public static func open(_ bytes: Data, path: String) throws -> TextOpener.Opened {
        guard let decoded = bytes.withUnsafeBytes({ SourceDecoder.decode(UnsafeRawBufferPointer($0).bindMemory(to: UInt8.self)) }) else {
            throw TextLoadError.binary(path)
        }
        var document = document(from: decoded.text, fallbackTitle: TextOpener.stem(of: path))
        if let notice = decoded.notice { document.notices.insert(notice, at: 0) }
        return TextOpener.Opened(document: document, encoding: decoded.encoding, path: path)
    }
}

extension PlainTextImporter: TextDocumentImporter {
    public static var kind: SourceKind { .plainText }
}

extension MarkdownImporter: TextDocumentImporter {
    public static var kind: SourceKind { .markdown }
}

extension EPUBImporter: DocumentImporter {
    public static var kind: SourceKind { .epub }

    public static func open(_ bytes: Data, path: String) throws -> TextOpener.Opened {
        try readable(path) { TextOpener.Opened(document: try document(from: bytes, path: path), encoding: .utf8, path: path) }
    }

    /// Throws, as `open` would, why the EPUB cannot be read, without reading its documents.
    public static func check(_ bytes: Data, path: String) throws {
        try readable(path) { try checkReadable(bytes) }
    }

    /// `body`'s result, its `EPUBError` said as a `TextLoadError` of `path`.
    private static func readable<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as EPUBError { throw TextLoadError.unreadable(path, error.description) }
    }
}
