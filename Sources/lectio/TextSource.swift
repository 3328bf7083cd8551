import ArgumentParser
import Foundation
import LectioAssets
import LectioCore

/// A text's bytes, read before the reader takes the terminal (so that a file that cannot be
/// read is said plainly on standard error), and imported afterwards — on another thread while
/// the reader shows a preview of it.
struct TextSource: Sendable {
    /// The file's bytes, or the bundled text's.
    var bytes: Data
    /// The file's path as given, or the bundled text's file name.
    var path: String
    var isBundled: Bool
    /// The file's modification time (nanoseconds since the epoch); `nil` for the bundled text.
    var modified: Int64?
    /// The text imported already: an EPUB is imported before the reader takes the terminal (it
    /// has no preview, and a damaged one is said plainly, with exit status 1).
    var imported: OpenedText?

    /// Reads the file named, or the bundled text when `file` is nil; explains on standard error
    /// why it cannot (missing, a folder, binary data…), and exits 1.
    static func read(_ file: String?) throws -> TextSource {
        do {
            return try load(file ?? OpenedText.libraryPath)
        } catch let error as TextLoadError {
            complain(error.description)
            throw ExitCode(1)
        }
    }

    /// The text at `path` (or the bundled text, for `OpenedText.libraryPath`); throws a
    /// `TextLoadError` and prints nothing (the reader may be running).
    static func load(_ path: String) throws -> TextSource {
        if path == OpenedText.libraryPath {
            return TextSource(bytes: Data(BundledText.bytes), path: BundledText.fileName, isBundled: true, modified: nil)
        }
        let bytes = try SourceFile.read(path: path)
        var source = TextSource(bytes: bytes, path: path, isBundled: false, modified: FileStatus(path: path)?.modified)
        if SourceKind.of(bytes, path: path) == .epub {
            source.imported = try source.open()
        } else if SourceDecoder.looksBinary(bytes) {
            throw TextLoadError.binary(path)
        }
        return source
    }

    /// The text imported whole.
    func open() throws -> OpenedText {
        if let imported { return imported }
        if isBundled { return try OpenedText.bundled() }
        let opened = try TextOpener.open(bytes, path: path)
        return OpenedText(document: opened.document, encoding: opened.encoding, path: opened.path, isBundled: false)
    }
}
