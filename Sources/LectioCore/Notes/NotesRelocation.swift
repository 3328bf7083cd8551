import Foundation

/// Notes follow the book: when a text has no notes file under its path (it was moved or
/// copied), the notes file written for the same text is found in the notes folder — by the
/// SHA-256 the file records (its size first, so that nothing is hashed for nothing), else by
/// the title and quotes that place well in this text — and linked to the new path.
public enum NotesRelocation {
    /// What a notes file says about its text, read without failing on files that are not notes.
    struct Candidate {
        var path: String
        var file: NotesFile
    }

    /// The notes file in `folder` that belongs to the text whose bytes are `size` long and whose
    /// SHA-256 `sha256` gives (asked only when a file of that size is found); failing that, one
    /// for which `placesWell` holds (title and quotes). Files that cannot be read are passed over.
    public static func find(in folder: String, excluding: String, size: Int, sha256: () -> String,
                            placesWell: (NotesFile) -> Bool) -> String? {
        let candidates = notesFiles(in: folder).filter { $0.path != excluding }
        var hash: String?
        // Files whose text is gone first: a moved book rather than a copy.
        let ordered = candidates.sorted { !exists($0.file.text.path) && exists($1.file.text.path) }
        for c in ordered where c.file.text.size == nil || c.file.text.size == size {
            if hash == nil { hash = sha256() }
            if c.file.text.sha256 == hash { return c.path }
        }
        return ordered.first { !$0.file.notes.isEmpty && placesWell($0.file) }?.path
    }

    /// Links the notes file at `old` to the text now at `textPath`, as the notes file `new`:
    /// moved when the text it was written for is gone, copied when it is still there (a copy
    /// of the book). Writes atomically; throws, having changed nothing, when it cannot.
    public static func relink(from old: String, to new: String, textPath: String) throws {
        guard let data = try AtomicFile.read(old) else { throw NotesFileError.io(old, "no such file") }
        var file = try NotesFile.decode(data, path: old)
        let moved = !exists(file.text.path)
        file.text.path = textPath
        do {
            try AtomicFile.write(try file.encoded(), to: new)
        } catch let failure as AtomicFile.Failure {
            throw NotesFileError.io(new, failure.description)
        }
        if moved {
            try? FileManager.default.removeItem(atPath: old)
            try? FileManager.default.removeItem(atPath: old + ".lock")
        }
    }

    /// The notes files of a folder (not backups, locks or temporary files).
    static func notesFiles(in folder: String) -> [Candidate] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().compactMap { name -> Candidate? in
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { return nil }
            let path = folder + "/" + name
            guard let data = try? AtomicFile.read(path), let file = try? NotesFile.decode(data, path: path) else { return nil }
            return Candidate(path: path, file: file)
        }
    }

    static func exists(_ path: String) -> Bool { FileStatus(path: path) != nil }

    /// Whether most of `file`'s notes find their quotes in `text` and its title is `title`: the
    /// same book, edited since, or read from another copy.
    public static func placesWell(_ file: NotesFile, title: String, in text: SourceText) -> Bool {
        guard file.text.title == title, !file.notes.isEmpty else { return false }
        let placed = PlacedNote.place(file.notes, in: text)
        let found = placed.filter { $0.status == .exact || $0.status == .moved }.count
        return found * 5 >= placed.count * 4
    }
}
