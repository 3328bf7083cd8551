import ArgumentParser
import Foundation
import LectioAssets
import LectioCore

/// A text opened together with its notes file, as the `notes` commands and the reader need it.
final class NotesContext {
    let opened: OpenedText
    let store: NotesStore
    /// The notes file this text's notes were found in by content, when the text had none under
    /// its path (it was moved or copied); they are linked to this path now.
    private(set) var relinkedFrom: String?
    /// The notes file of this text under another path, found but not linked (the reader asks).
    private(set) var movedNotes: String?
    /// The text's full path, as notes files record it (the bundled text: its file name).
    let absolutePath: String
    /// The canonical text, for anchoring (made on demand: the reader does not need it to start).
    private(set) lazy var text = CanonicalText(document: opened.document)
    /// The text that stored offsets index (the decoded file for plain text), made on demand.
    private(set) lazy var sourceText = opened.sourceText(canonical: text)

    /// Opens `file` (or the bundled text) and its notes file (`--notes`, or the default one;
    /// when there is none, the notes file of the same text under another path is linked to it).
    /// With `relink` false, notes found by content are only offered (`movedNotes`).
    /// With `readingNotes` false, the notes file is read only by the first change, under its
    /// lock (`notes add` reads it once).
    convenience init(file: String?, notes: String?, relink: Bool = true, readingNotes: Bool = true) throws {
        try self.init(opened: try openText(file), notes: notes, relink: relink, readingNotes: readingNotes)
    }

    /// Opens the text at `path` (chosen in the library; `OpenedText.libraryPath` for the bundled
    /// text) with its default notes file, throwing the reason when it cannot be read (nothing is
    /// printed: the reader is running). Notes found under another path are only offered.
    convenience init(opening path: String) throws {
        try self.init(opened: try OpenedText.load(path), notes: nil, relink: false, readingNotes: false)
    }

    init(opened: OpenedText, notes: String?, relink: Bool, readingNotes: Bool = true) throws {
        self.opened = opened
        let path = opened.path, isBundled = opened.isBundled
        let notesPath = notes ?? NotesLocation.defaultPath(forText: path, bundled: isBundled)
        let absolute = isBundled ? path : URL(fileURLWithPath: path).standardizedFileURL.path
        absolutePath = absolute
        let title = opened.document.title
        let size = isBundled ? BundledText.bytes.count : FileStatus(path: path)?.size
        var found: String?
        // Looked at, not read: a notes file may be tens of MB.
        let absent = FileStatus(path: notesPath) == nil && errno == ENOENT
        if notes == nil, !isBundled, absent {
            let folder = (notesPath as NSString).deletingLastPathComponent
            let hash = { OpenedText.identity(title: title, path: path, isBundled: false).sha256 }
            // The text's source, made once and only if a candidate notes file is found.
            var source: SourceText?
            found = NotesRelocation.find(in: folder, excluding: notesPath, size: size ?? -1, sha256: hash) { candidate in
                let text = source ?? opened.sourceText(canonical: CanonicalText(document: opened.document))
                source = text
                return NotesRelocation.placesWell(candidate, title: title, in: text)
            }
            if !relink {
                movedNotes = found
                found = nil
            }
            if let old = found {
                do { try NotesRelocation.relink(from: old, to: notesPath, textPath: absolute) } catch {
                    complain("notes for this text found in \(old) but not linked: \(error)")
                    found = nil
                }
            }
        }
        relinkedFrom = found
        let migration = NotesMigration { opened.sourceText(canonical: CanonicalText(document: opened.document)) }
        store = NotesStore(path: notesPath, migration: migration, readingNow: readingNotes) {
            var identity = OpenedText.identity(title: title, path: path, isBundled: isBundled)
            identity.size = size
            return identity
        }
    }

    /// The notes placed in the text as it is now.
    func placed() -> [PlacedNote] { PlacedNote.place(store.notes, in: sourceText) }

    /// What the reader or the user should know about the notes file: linked from another path,
    /// notes that shared an id, a migration that failed.
    var notice: String? {
        let relinked = relinkedFrom.map { "notes of this text found in \($0) and linked to this path" }
        let notices = [relinked, store.notice].compactMap { $0 }
        return notices.isEmpty ? nil : notices.joined(separator: "; ")
    }

    /// Fails with the store's reason when the notes file cannot be read; says what was found
    /// in it that the reader should know (notes that shared an id, notes found by content).
    func requireReadable() throws {
        if let reason = store.readOnlyReason {
            complain(reason)
            throw ExitCode(1)
        }
        if let relinkedFrom { complain("notes of this text found in \(relinkedFrom); linked to \(store.path)") }
        if let notice = store.notice { complain("notes file \(store.path): \(notice)") }
    }
}
