import Foundation

/// Opens a file as a `Document`: reads it safely, sniffs what it is, and hands the bytes to the
/// importer registered for that kind.
public enum TextOpener {
    /// A document and how its file was read.
    public struct Opened: Sendable {
        public var document: Document
        public var encoding: SourceEncoding
        public var path: String

        public init(document: Document, encoding: SourceEncoding, path: String) {
            self.document = document
            self.encoding = encoding
            self.path = path
        }
    }

    /// The importers, one per kind of file.
    public static var importers: [any DocumentImporter.Type] { [EPUBImporter.self, MarkdownImporter.self, PlainTextImporter.self] }

    /// Reads the file at `path` (a regular file within `SourceFile.maximumSize`), sniffs its
    /// kind from its bytes and name, and imports it.
    public static func open(path: String) throws -> Opened {
        let data = try SourceFile.read(path: path)
        return try open(data, path: path)
    }

    /// Imports bytes read from `path` with the importer for their kind.
    public static func open(_ data: Data, path: String) throws -> Opened {
        let kind = SourceKind.of(data, path: path)
        let importer = importers.first { $0.kind == kind } ?? PlainTextImporter.self
        return try importer.open(data, path: path)
    }

    /// Imports already decoded text; the path's name chooses between plain text and Markdown.
    public static func importDocument(_ text: String, path: String) -> Document {
        if SourceKind.of(Data(), path: path) == .markdown {
            return MarkdownImporter.document(from: text, fallbackTitle: stem(of: path))
        }
        return PlainTextImporter.document(from: text, fallbackTitle: stem(of: path))
    }

    /// A file's name without its folder and extension: the title of a text that names none.
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".").first.map(String.init) ?? name
    }
}
