import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps a notes file: every change is written at once and atomically (temporary file, fsync,
/// rename, fsync of the folder), under an exclusive lock, after re-reading the file, so that two
/// instances never drop each other's notes. A file that cannot be read is never overwritten.
public final class NotesStore {
    /// The notes file.
    public let path: String
    /// The notes as last read or written.
    public private(set) var notes: [Annotation] = []
    /// Why the file is read-only (it could not be read), or `nil`.
    public private(set) var readOnlyReason: String?
    var identity: () -> NotesFile.TextIdentity

    /// Opens the notes file at `path` (a missing file is an empty one). `identity` describes the
    /// text; it is asked for only when the file is written.
    public init(path: String, identity: @escaping () -> NotesFile.TextIdentity) {
        self.path = path
        self.identity = identity
        do {
            notes = try Self.read(path)?.notes ?? []
        } catch {
            readOnlyReason = "\(error)"
        }
    }

    /// Re-reads the file (another instance may have written it).
    public func reload() throws {
        guard readOnlyReason == nil else { return }
        notes = try Self.read(path)?.notes ?? []
    }

    /// Adds a note, or replaces the note with the same id.
    public func save(_ note: Annotation) throws {
        try change { notes in
            if let i = notes.firstIndex(where: { $0.id == note.id }) { notes[i] = note } else { notes.append(note) }
        }
    }

    /// Deletes a note by id.
    public func delete(id: String) throws {
        try change { $0.removeAll { $0.id == id } }
    }

    /// Applies `edit` to the notes on disk, under the lock, and writes them back.
    public func change(_ edit: (inout [Annotation]) -> Void) throws {
        if let readOnlyReason { throw NotesFileError.io(path, "read-only: \(readOnlyReason)") }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw NotesFileError.io(path, "cannot create its folder (\(error.localizedDescription))")
        }
        let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw NotesFileError.io(path, "cannot lock: \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            if errno != EINTR { throw NotesFileError.io(path, "cannot lock: \(String(cString: strerror(errno)))") }
        }
        var current = try Self.read(path)
        var list = current?.notes ?? []
        edit(&list)
        if current == nil { current = NotesFile(text: identity(), notes: list) }
        current!.notes = list
        current!.schemaVersion = NotesFile.currentSchemaVersion
        try Self.writeAtomically(try current!.encoded(), to: path)
        notes = list
    }

    /// The file's contents, `nil` when it does not exist; throws when it cannot be read.
    static func read(_ path: String) throws -> NotesFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotesFileError.unreadable(path, "permission denied")
        }
        return try NotesFile.decode(data, path: path)
    }

    /// Temporary file in the same folder, fsync, rename over the old file, fsync the folder.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw NotesFileError.io(path, "cannot write: \(String(cString: strerror(errno)))") }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let error = errno
        close(fd)
        guard ok else {
            unlink(temporary)
            throw NotesFileError.io(path, "cannot write: \(String(cString: strerror(error)))")
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            throw NotesFileError.io(path, "cannot replace: \(String(cString: strerror(error)))")
        }
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }
}
