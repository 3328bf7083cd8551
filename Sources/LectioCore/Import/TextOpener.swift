import Foundation

/// Opens a file as a `Document`: decodes it and picks the importer for its kind.
public enum TextOpener {
    /// A document and how its file was read.
    public struct Opened: Sendable {
        public var document: Document
        public var encoding: SourceEncoding
        public var path: String
    }

    /// Reads, decodes and imports the file at `path`. The bytes decide what it is: an EPUB
    /// (a ZIP whose first entry is its `mimetype`, or a ZIP named `.epub`) goes to the EPUB
    /// importer before any text decoding; anything else is decoded as text.
    public static func open(path: String) throws -> Opened {
        let data = try SourceFile.read(path: path)
        if EPUBImporter.isEPUB(data) || (path.lowercased().hasSuffix(".epub") && data.starts(with: [0x50, 0x4B, 0x03, 0x04])) {
            do {
                return Opened(document: try EPUBImporter.document(from: data, path: path), encoding: .utf8, path: path)
            } catch let error as EPUBError {
                throw TextLoadError.unreadable(path, error.description)
            }
        }
        guard let decoded = data.withUnsafeBytes({ SourceDecoder.decode(UnsafeRawBufferPointer($0).bindMemory(to: UInt8.self)) }) else {
            throw TextLoadError.binary(path)
        }
        var document = importDocument(decoded.text, path: path)
        if let notice = decoded.notice { document.notices.insert(notice, at: 0) }
        return Opened(document: document, encoding: decoded.encoding, path: path)
    }

    /// Imports already decoded text; the path's extension chooses the importer.
    public static func importDocument(_ text: String, path: String) -> Document {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let ext = name.split(separator: ".").count > 1 ? name.split(separator: ".").last!.lowercased() : ""
        if ["md", "markdown", "mdown", "mkd"].contains(ext) {
            return MarkdownImporter.document(from: text, fallbackTitle: stem)
        }
        return PlainTextImporter.document(from: text, fallbackTitle: stem)
    }
}
