import ArgumentParser
import Foundation
import LectioAssets
import LectioCore

/// A text before it is imported: read before the reader takes the terminal (so that a file
/// that cannot be read is said plainly on standard error), imported afterwards — on another
/// thread while the reader shows a preview of it. A long text file is not read whole here:
/// only its start (the preview reads a stretch further in if it needs one), the whole on the
/// import's thread.
struct TextSource: Sendable {
    /// The file's path as given, or the bundled text's file name.
    var path: String
    var isBundled: Bool
    /// The file's size and modification time (nanoseconds since the epoch; `nil` for the bundled text).
    var size: Int
    var modified: Int64?
    /// The whole text's bytes, when read already: the bundled text, an EPUB, a short file.
    var bytes: Data?
    /// The start of a long text file.
    var sample: FileSample?
    /// An EPUB's first screen where it opens, made while checking that it can be read.
    var opening: Preview?

    /// Reads the file named, or the bundled text when `file` is nil; explains on standard error
    /// why it cannot (missing, a folder, binary data, a damaged EPUB…), and exits 1.
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
            let bytes = Data(BundledText.bytes)
            return TextSource(path: BundledText.fileName, isBundled: true, size: bytes.count, bytes: bytes)
        }
        let sample = try SourceFile.sample(path: path, count: Preview.sampleSize)
        var source = TextSource(path: path, isBundled: false, size: sample.size, modified: sample.modified)
        // What the whole import would refuse at once, refused before the terminal is taken (the
        // rest of a long file is looked at by the import itself).
        if SourceKind.of(sample.head, path: path) == .epub {
            let bytes = try SourceFile.read(path: path)
            // Its first screen reads its package, as the check would: a book that has one is
            // readable so far; one that has none says why.
            source.opening = Preview.of(bytes, path: path)
            if source.opening == nil { try EPUBImporter.check(bytes, path: path) }
            source.bytes = bytes
        } else if SourceDecoder.looksBinary(sample.head) {
            throw TextLoadError.binary(path)
        } else if sample.head.count == sample.size {
            source.bytes = sample.head
        } else {
            source.sample = sample
        }
        return source
    }

    /// The first screen at the place `resume` names (the start: `nil`), before the whole is
    /// imported; `nil` for a short text (imported whole at once).
    func preview(at resume: ResumePoint?) -> Preview? {
        if let sample { return Preview.of(sample, resume: resume) }
        if resume == nil, let opening { return opening }
        return bytes.flatMap { Preview.of($0, path: path, resume: resume) }
    }

    /// The text imported whole (a long file read whole first).
    func open() throws -> OpenedText {
        if isBundled { return try OpenedText.bundled() }
        let opened = try TextOpener.open(bytes ?? SourceFile.read(path: path), path: path)
        return OpenedText(document: opened.document, encoding: opened.encoding, path: opened.path, isBundled: false)
    }
}
