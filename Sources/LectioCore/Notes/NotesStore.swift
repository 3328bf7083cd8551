import Foundation

/// Keeps a notes file: every change is written at once and atomically (see `AtomicFile`), under
/// an exclusive lock (see `NotesLock`), after re-reading the file, so that two instances never
/// drop each other's notes. A file that cannot be read is never overwritten; fields this version
/// does not know are written back as they were read.
public final class NotesStore {
    /// The notes file, as named (it may be a symlink: changes go to its target).
    public let path: String
    /// The notes as last read or written, every id unique.
    public private(set) var notes: [Annotation] = []
    /// Why the file is read-only (it could not be read), or `nil`.
    public private(set) var readOnlyReason: String?
    /// What the reader should know about the file as it was read (notes that shared an id and
    /// were told apart), or `nil`.
    public private(set) var notice: String?
    /// How long a change waits for another process's lock before it fails, in seconds.
    public let lockTimeout: Double
    var identity: () -> NotesFile.TextIdentity
    /// How a file of an older schema is brought to this one; without it, an older file keeps
    /// its schema version (its offsets mean what they meant).
    let migration: NotesMigration?

    /// Opens the notes file at `path` (a missing file is an empty one); nothing is written until
    /// a change, except that a file of an older schema is migrated at once when `migration` is
    /// given (the old file kept as `FILE.v1.bak`). `identity` describes the text; it is asked for
    /// only when the file is created.
    public init(path: String, lockTimeout: Double = 2, migration: NotesMigration? = nil,
                identity: @escaping () -> NotesFile.TextIdentity) {
        self.path = path
        self.lockTimeout = lockTimeout
        self.identity = identity
        self.migration = migration
        do {
            let read = try Self.read(path)
            notes = read?.file.notes ?? []
            notice = read?.notice
            if let file = read?.file, file.schemaVersion < NotesFile.currentSchemaVersion, let migration {
                notes = notes.map { migration.migrate($0, from: file.schemaVersion) }
                do { try change { _ in } } catch {
                    notice = "the notes file could not be migrated to schema \(NotesFile.currentSchemaVersion): \(error)"
                }
            }
        } catch {
            readOnlyReason = "\(error)"
        }
    }

    /// Re-reads the file (another instance may have written it).
    public func reload() throws {
        guard readOnlyReason == nil else { return }
        let read = try Self.read(path)
        notes = read?.file.notes ?? []
        notice = read?.notice
    }

    /// Adds a note, or replaces the note with the same id (keeping the fields this version does
    /// not know that the file holds for it).
    public func save(_ note: Annotation) throws {
        try change { notes in
            if let i = notes.firstIndex(where: { $0.id == note.id }) {
                notes[i] = Self.merged(note, over: notes[i])
            } else {
                notes.append(note)
            }
        }
    }

    /// Deletes the note with this id (one note: ids are unique once read).
    public func delete(id: String) throws {
        try change { notes in
            if let i = notes.firstIndex(where: { $0.id == id }) { notes.remove(at: i) }
        }
    }

    /// Applies `edit` to the notes on disk, under the lock, and writes them back. Throws, having
    /// written nothing, when the file is read-only, locked by another process past
    /// `lockTimeout`, unreadable, or cannot be written.
    public func change(_ edit: (inout [Annotation]) -> Void) throws {
        if let readOnlyReason { throw NotesFileError.io(path, "read-only: \(readOnlyReason)") }
        let target: String
        do {
            target = try AtomicFile.target(of: path)
            try AtomicFile.makeFolder(AtomicFile.folder(of: target))
        } catch let failure as AtomicFile.Failure {
            throw NotesFileError.io(path, failure.description)
        }
        let lock = try NotesLock(notesFile: target, timeout: lockTimeout)
        defer { lock.release() }
        var file = try Self.read(target)?.file ?? NotesFile(text: identity(), notes: [])
        if file.schemaVersion < NotesFile.currentSchemaVersion, let migration {
            try keepBackup(of: target, version: file.schemaVersion)
            let version = file.schemaVersion
            file.notes = file.notes.map { migration.migrate($0, from: version) }
            file.schemaVersion = NotesFile.currentSchemaVersion
        }
        edit(&file.notes)
        do {
            try AtomicFile.write(try file.encoded(), to: target)
        } catch let failure as AtomicFile.Failure {
            throw NotesFileError.io(path, failure.description)
        }
        notes = file.notes
    }

    /// Copies the file as it is to `FILE.vN.bak` before a migration (an existing copy is kept).
    func keepBackup(of target: String, version: Int) throws {
        let backup = NotesMigration.backupPath(of: target, version: version)
        do {
            guard try AtomicFile.read(backup) == nil, let data = try AtomicFile.read(target) else { return }
            try AtomicFile.write(data, to: backup)
        } catch let failure as AtomicFile.Failure {
            throw NotesFileError.io(backup, failure.description)
        }
    }

    /// The file's contents with every id made unique, and a notice when some were not; `nil`
    /// when there is no file. Throws the real reason when it cannot be read.
    static func read(_ path: String) throws -> (file: NotesFile, notice: String?)? {
        let data: Data?
        do { data = try AtomicFile.read(path) } catch let failure as AtomicFile.Failure {
            throw NotesFileError.unreadable(path, failure.description)
        }
        guard let data else { return nil }
        var file = try NotesFile.decode(data, path: path)
        let notice = makeIDsUnique(&file.notes)
        return (file, notice)
    }

    /// Gives each note whose id an earlier note has a new id (`ID-2`, `ID-3`…: the same on every
    /// read of the same file, so that a change made later finds it again). Returns a notice.
    static func makeIDsUnique(_ notes: inout [Annotation]) -> String? {
        var taken = Set(notes.map(\.id))
        var seen = Set<String>()
        var shared = Set<String>()
        var renamed = 0
        for i in notes.indices where !seen.insert(notes[i].id).inserted {
            let id = notes[i].id
            shared.insert(id)
            var n = 2
            while taken.contains("\(id)-\(n)") { n += 1 }
            notes[i].id = "\(id)-\(n)"
            taken.insert(notes[i].id)
            seen.insert(notes[i].id)
            renamed += 1
        }
        guard renamed > 0 else { return nil }
        if renamed == 1 { return "2 notes shared an id; the duplicate got a new id" }
        return "\(renamed + shared.count) notes shared \(shared.count == 1 ? "an id" : "ids"); the \(renamed) duplicates got new ids"
    }

    /// `note` replacing `old`, keeping the unknown fields of `old` that `note` does not carry (the
    /// anchor's only while it stays in the same place).
    static func merged(_ note: Annotation, over old: Annotation) -> Annotation {
        var note = note
        note.unknownFields = old.unknownFields.merging(note.unknownFields) { $1 }
        if note.anchor.isSamePlace(as: old.anchor) {
            note.anchor.unknownFields = old.anchor.unknownFields.merging(note.anchor.unknownFields) { $1 }
        }
        return note
    }
}
