import ArgumentParser
import Foundation
import LectioAssets
import LectioCore

/// A text opened for reading: the file named on the command line, or the bundled text, which is
/// compiled into the binary (so `lectio` reads it with no file beside it).
struct OpenedText: Sendable {
    var document: Document
    var encoding: SourceEncoding
    /// The file's path as given, or the bundled text's file name.
    var path: String
    /// Whether this is the bundled text: it has a notes file and a reading position of its own.
    var isBundled: Bool

    /// Opens the file named, or the bundled text when `file` is nil; explains on standard error
    /// why it cannot, and exits 1.
    static func open(_ file: String?) throws -> OpenedText {
        do {
            guard let file else { return try bundled() }
            return try load(file)
        } catch let error as TextLoadError {
            complain(error.description)
            throw ExitCode(1)
        }
    }

    /// The text at `path` (or the bundled text, for `libraryPath`); throws why it cannot be
    /// read and prints nothing (the reader may be running).
    static func load(_ path: String) throws -> OpenedText {
        if path == libraryPath { return try bundled() }
        let opened = try TextOpener.open(path: path)
        return OpenedText(document: opened.document, encoding: opened.encoding, path: opened.path, isBundled: false)
    }

    /// How the library names the bundled text, which has no file of its own.
    static let libraryPath = "lectio:bundled/" + BundledText.fileName

    /// The text's bytes, for its hash in the library: the file's, or the bundled text's.
    static func bytes(ofLibraryPath path: String) -> [UInt8] {
        if path == libraryPath { return BundledText.bytes }
        return (try? SourceFile.read(path: path)).map { [UInt8]($0) } ?? []
    }

    /// The bundled text, decoded and imported from the bytes in the binary (a `TextLoadError`
    /// if this build's bundled text were not text).
    static func bundled() throws -> OpenedText {
        guard let decoded = SourceDecoder.decode(BundledText.bytes) else {
            throw TextLoadError.unreadable(BundledText.fileName, "the bundled text in this build is not text; name a FILE to read")
        }
        var document = TextOpener.importDocument(decoded.text, path: BundledText.fileName)
        if let notice = decoded.notice { document.notices.insert(notice, at: 0) }
        return OpenedText(document: document, encoding: decoded.encoding, path: BundledText.fileName, isBundled: true)
    }

    /// The text that notes' offsets index: the decoded file (or the bundled bytes) for plain
    /// text, the canonical text for Markdown and EPUB.
    func sourceText(canonical: CanonicalText) -> SourceText {
        guard isBundled else { return SourceText.of(file: path, document: document, canonical: canonical) }
        guard let scalars = SourceText.decodedScalars(of: BundledText.bytes) else { return SourceText(canonical: canonical) }
        return SourceText(document: document, canonical: canonical, sourceScalars: scalars)
    }

    /// How the notes file names its text: title, full path (the bundled text: its file name)
    /// and the SHA-256 of its bytes. Reads the file again, when the notes file is first written.
    static func identity(title: String, path: String, isBundled: Bool) -> NotesFile.TextIdentity {
        if isBundled {
            return NotesFile.TextIdentity(title: title, path: path, sha256: SHA256.hex(BundledText.bytes))
        }
        let bytes = (try? SourceFile.read(path: path)).map { [UInt8]($0) } ?? []
        return NotesFile.TextIdentity(title: title, path: URL(fileURLWithPath: path).standardizedFileURL.path,
                                      sha256: SHA256.hex(bytes))
    }
}
