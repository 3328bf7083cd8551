import Foundation

/// Opens a file as a `Document`: decodes it and picks the importer for its kind.
public enum TextOpener {
    /// A document and how its file was read.
    public struct Opened: Sendable {
        public var document: Document
        public var encoding: SourceEncoding
        public var path: String
    }

    /// Reads, decodes and imports the file at `path`.
    public static func open(path: String) throws -> Opened {
        if EPUBImporter.isEPUB(path: path) { return try openEPUB(path: path) }
        let decoded = try SourceDecoder.load(path: path)
        var document = importDocument(decoded.text, path: path)
        if let notice = decoded.notice { document.notices.insert(notice, at: 0) }
        return Opened(document: document, encoding: decoded.encoding, path: path)
    }

    /// Reads an EPUB (binary: no text decoding); its problems are reported as a file that
    /// cannot be read.
    static func openEPUB(path: String) throws -> Opened {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > EPUBImporter.fileLimit {
            throw TextLoadError.unreadable(path, "an EPUB of \(size >> 20) MB is larger than the \(EPUBImporter.fileLimit >> 20) MB Lectio reads")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TextLoadError.unreadable(path, error.localizedDescription)
        }
        do {
            return Opened(document: try EPUBImporter.document(from: data, path: path), encoding: .utf8, path: path)
        } catch let error as EPUBError {
            throw TextLoadError.unreadable(path, error.description)
        }
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
