import ArgumentParser
import Foundation
import LectioCore

/// A text opened together with its notes file, as the `notes` commands and the reader need it.
struct NotesContext {
    let opened: OpenedText
    /// The canonical text, for anchoring (made on demand: the reader does not need it to start).
    var text: CanonicalText { CanonicalText(document: opened.document) }
    let store: NotesStore

    /// Opens `file` (or the bundled text) and its notes file (`--notes`, or the default one).
    init(file: String?, notes: String?) throws {
        opened = try openText(file)
        let (title, path, isBundled) = (opened.document.title, opened.path, opened.isBundled)
        let notesPath = notes ?? NotesLocation.defaultPath(forText: path, bundled: isBundled)
        store = NotesStore(path: notesPath) {
            OpenedText.identity(title: title, path: path, isBundled: isBundled)
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
