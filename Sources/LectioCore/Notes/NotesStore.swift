import Foundation

/// Keeps a notes file: every change is written at once and atomically (see `AtomicFile`), under
/// an exclusive lock (see `NotesLock`), after re-reading the file, so that two instances never
/// drop each other's notes. A file that cannot be read is never overwritten; fields this version
/// does not know are written back as they were read.
public final class NotesStore {
    /// The notes file, as named (it may be a symlink: changes go to its target).
    public let path: String
    /// The notes as last read or written, every id unique (decoded when first asked for: a
    /// change of one note needs none of the others).
    public var notes: [Annotation] {
        if let decoded { return decoded }
        guard let image else { return [] }
        do {
            var file = try image.file(path: path)
            _ = Self.makeIDsUnique(&file.notes)
            decoded = file.notes
            return file.notes
        } catch {
            return []  // not reached: the image was checked as decoding checks
        }
    }
    /// How many notes the file holds, without decoding them.
    public var count: Int { decoded?.count ?? image?.index.notes.count ?? 0 }
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
    /// The file as last read or written here: a change that finds the same bytes on disk
    /// under the lock works on this image instead of reading them again.
    private var image: NotesFileImage?
    /// The notes of `image`, once decoded (or as migrated in memory).
    private var decoded: [Annotation]?

    /// Opens the notes file at `path` (a missing file is an empty one); nothing is written until
    /// a change, except that a file of an older schema is migrated at once when `migration` is
    /// given (the old file kept as `FILE.v1.bak`). `identity` describes the text; it is asked for
    /// only when the file is created.
    /// With `readingNow` false the file is first read by the first change, under its lock (a
    /// command that only adds a note reads it once); until then `notes` is empty and
    /// `readOnlyReason` and `notice` say nothing.
    public init(path: String, lockTimeout: Double = 2, migration: NotesMigration? = nil, readingNow: Bool = true,
                identity: @escaping () -> NotesFile.TextIdentity) {
        self.path = path
        self.lockTimeout = lockTimeout
        self.identity = identity
        self.migration = migration
        if readingNow { load() }
    }

    /// Reads the file as the store is opened: what it holds, or why it is read-only; a file of
    /// an older schema is migrated when the store has a migration. For a store made without
    /// reading, on the thread that will use it.
    public func load() {
        readOnlyReason = nil
        do {
            image = try read(path)
            notice = image.flatMap { Self.noticeOfSharedIDs($0.index.ids) }
            if let version = image?.index.schemaVersion, version < NotesFile.currentSchemaVersion, let migration {
                decoded = notes.map { migration.migrate($0, from: version) }
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
        let read = try read(path)
        if read?.data != image?.data || read == nil { decoded = nil }
        image = read
        notice = image.flatMap { Self.noticeOfSharedIDs($0.index.ids) }
    }

    /// Adds a note, or replaces the note with the same id (keeping the fields this version does
    /// not know that the file holds for it).
    public func save(_ note: Annotation) throws {
        try change(splicing: { image in
            guard let k = image.index.ids.firstIndex(of: note.id) else { return image.appending(note) }
            return image.replacing(k, with: Self.merged(note, over: try image.note(at: k, path: self.path)))
        }, { notes in
            if let i = notes.firstIndex(where: { $0.id == note.id }) {
                notes[i] = Self.merged(note, over: notes[i])
            } else {
                notes.append(note)
            }
        })
    }

    /// Deletes the note with this id (one note: ids are unique once read).
    public func delete(id: String) throws {
        try change(splicing: { image in
            guard let k = image.index.ids.firstIndex(of: id) else { return image }
            return image.removing(k)
        }, { notes in
            if let i = notes.firstIndex(where: { $0.id == id }) { notes.remove(at: i) }
        })
    }

    /// Applies `edit` to the notes on disk, under the lock, and writes them back. Throws, having
    /// written nothing, when the file is read-only, locked by another process past
    /// `lockTimeout`, unreadable, or cannot be written.
    public func change(_ edit: (inout [Annotation]) -> Void) throws {
        try change(splicing: nil, edit)
    }

    /// `change(edit)`, made on the file's bytes by `splice` when it can (it returns the file
    /// changed, or `nil` when the whole file must be rewritten): the other notes are neither
    /// decoded nor encoded. `edit` must make the same change on decoded notes.
    func change(splicing splice: ((NotesFileImage) throws -> NotesFileImage?)?, _ edit: (inout [Annotation]) -> Void) throws {
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
        let current = try read(target)
        if current?.data != image?.data || current == nil {
            decoded = nil
            notice = current.flatMap { $0.idsAreUnique ? nil : Self.noticeOfSharedIDs($0.index.ids) }
        }
        if let current, current.index.schemaVersion == NotesFile.currentSchemaVersion, let splice,
           let next = try splice(current) {
            if next.data != current.data { try write(next.data, to: target) }
            image = next
            if decoded != nil { edit(&decoded!) }
            return
        }
        var file: NotesFile
        if let current {
            file = try current.file(path: target)
            _ = Self.makeIDsUnique(&file.notes)
        } else {
            file = NotesFile(text: identity(), notes: [])
        }
        if file.schemaVersion < NotesFile.currentSchemaVersion, let migration {
            try keepBackup(of: target, version: file.schemaVersion)
            let version = file.schemaVersion
            file.notes = file.notes.map { migration.migrate($0, from: version) }
            file.schemaVersion = NotesFile.currentSchemaVersion
        }
        edit(&file.notes)
        let data = try file.encoded()
        try write(data, to: target)
        image = try? NotesFileImage(data: data, path: target)
        decoded = file.notes
    }

    private func write(_ data: Data, to target: String) throws {
        do {
            try AtomicFile.write(data, to: target)
        } catch let failure as AtomicFile.Failure {
            image = nil
            decoded = nil
            throw NotesFileError.io(path, failure.description)
        }
    }

    /// The file at `path` as it is on disk, `nil` when there is none; bytes already known are
    /// not checked again. Throws the real reason when it cannot be read.
    func read(_ path: String) throws -> NotesFileImage? {
        let data: Data?
        do { data = try AtomicFile.read(path) } catch let failure as AtomicFile.Failure {
            throw NotesFileError.unreadable(path, failure.description)
        }
        guard let data else { return nil }
        if let image, image.data == data { return image }
        return try NotesFileImage(data: data, path: path)
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

    /// Gives each note whose id an earlier note has a new id (`ID-2`, `ID-3`…: the same on every
    /// read of the same file, so that a change made later finds it again). Returns a notice.
    static func makeIDsUnique(_ notes: inout [Annotation]) -> String? {
        var ids = notes.map(\.id)
        let notice = makeIDsUnique(&ids)
        if notice != nil { for i in notes.indices { notes[i].id = ids[i] } }
        return notice
    }

    /// What `makeIDsUnique` would say of notes with these ids, or `nil`.
    static func noticeOfSharedIDs(_ ids: [String]) -> String? {
        guard Set(ids).count != ids.count else { return nil }
        var ids = ids
        return makeIDsUnique(&ids)
    }

    /// Gives each id that an earlier one equals a new one (`ID-2`, `ID-3`…). Returns a notice.
    static func makeIDsUnique(_ ids: inout [String]) -> String? {
        var taken = Set(ids)
        var seen = Set<String>()
        var shared = Set<String>()
        var renamed = 0
        for i in ids.indices where !seen.insert(ids[i]).inserted {
            let id = ids[i]
            shared.insert(id)
            var n = 2
            while taken.contains("\(id)-\(n)") { n += 1 }
            ids[i] = "\(id)-\(n)"
            taken.insert(ids[i])
            seen.insert(ids[i])
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
