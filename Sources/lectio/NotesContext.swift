import ArgumentParser
import Foundation
import LectioCore

/// A text opened together with its notes file, as the `notes` commands and the reader need it.
struct NotesContext {
    let opened: TextOpener.Opened
    /// The canonical text, for anchoring (made on demand: the reader does not need it to start).
    var text: CanonicalText { CanonicalText(document: opened.document) }
    let store: NotesStore

    /// Opens `file` (or the bundled text) and its notes file (`--notes`, or the default one).
    init(file: String?, notes: String?) throws {
        let path = try resolveText(file)
        opened = try openText(path)
        let notesPath = notes ?? NotesLocation.defaultPath(forText: path, bundled: file == nil)
        let title = opened.document.title
        store = NotesStore(path: notesPath) {
            let bytes = (try? SourceFile.read(path: path)).map { [UInt8]($0) } ?? []
            return NotesFile.TextIdentity(title: title, path: URL(fileURLWithPath: path).standardizedFileURL.path,
                                          sha256: SHA256.hex(bytes))
        }
    }

    /// Opens the text at `path` (chosen in the library) with its default notes file,
    /// throwing the reason when it cannot be read (nothing is printed: the reader is running).
    init(opening path: String, bundled: Bool) throws {
        opened = try TextOpener.open(path: path)
        let title = opened.document.title
        store = NotesStore(path: NotesLocation.defaultPath(forText: path, bundled: bundled)) {
            let bytes = (try? SourceFile.read(path: path)).map { [UInt8]($0) } ?? []
            return NotesFile.TextIdentity(title: title, path: URL(fileURLWithPath: path).standardizedFileURL.path,
                                          sha256: SHA256.hex(bytes))
        }
    }

    /// The notes placed in the text as it is now.
    func placed(in text: CanonicalText) -> [PlacedNote] { PlacedNote.place(store.notes, in: text) }

    /// Fails with the store's reason when the notes file cannot be read; says what was found
    /// in it that the reader should know (notes that shared an id).
    func requireReadable() throws {
        if let reason = store.readOnlyReason {
            complain(reason)
            throw ExitCode(1)
        }
        if let notice = store.notice { complain("notes file \(store.path): \(notice)") }
    }
}
