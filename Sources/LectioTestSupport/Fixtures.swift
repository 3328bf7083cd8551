import Foundation
import Synchronization
import LectioCore

/// The texts the tests read, copied under `Tests/Fixtures` (a fresh clone has no `../shared`).
public enum Fixtures {
    /// The repository's top folder.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The path of a fixture file.
    public static func path(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)").path
    }

    /// The bundled text as the app ships it.
    public static var bundledTextPath: String { repositoryRoot.appendingPathComponent("Assets/sedov-broue.txt").path }

    /// The bundled text opened as the reader opens it.
    public static func bundledDocument() throws -> Document {
        try TextOpener.open(path: bundledTextPath).document
    }

    /// A fixture opened as a document.
    public static func document(_ name: String) throws -> Document {
        try TextOpener.open(path: path(name)).document
    }

    /// A document from literal text, as a plain-text file would give it.
    public static func document(text: String, name: String = "test.txt") -> Document {
        TextOpener.importDocument(SourceDecoder.normalise(text), path: name)
    }

    /// Writes an executable script. The file is written through a close-on-exec descriptor,
    /// so that no child forked meanwhile by another test holds it open for writing (which
    /// makes running it fail with "text file busy").
    public static func writeScript(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        fchmod(fd, 0o755)
    }

    /// A fresh temporary folder, removed with everything in it when the test process ends.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectio-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TemporaryFolders.register(url.path)
        return url
    }
}

/// The temporary folders the tests made, removed at the end of the process.
enum TemporaryFolders {
    static let made = Mutex<[String]>([])
    static let installed = Mutex(false)

    static func register(_ path: String) {
        made.withLock { $0.append(path) }
        let first = installed.withLock { done in
            defer { done = true }
            return !done
        }
        if first { atexit { TemporaryFolders.removeAll() } }
    }

    static func removeAll() {
        for path in made.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
