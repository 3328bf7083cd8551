import ArgumentParser
import Foundation
import LectioConfig
import LectioCore
import LectioTerminal
import LectioUI

/// The reader over one text after another in one terminal: opens a text with its notes and
/// reading state, records it in the library, runs the app, and keeps the position when it
/// ends. When the reader picks another text in the library the app ends with `openText` and
/// the session opens that one, keeping the texts before it: `openPreviousText` (Ctrl-O at a
/// text's first place) comes back.
final class ReaderSession {
    let terminal: NcursesTerminal
    let config: Config
    let fromStart: Bool
    let libraryPath = Library.path()
    /// What went wrong on the way (a library or state file that could not be written), said
    /// on standard error once the terminal is back.
    private(set) var warnings: [String] = []
    /// Whether a text has been opened already in this session.
    private var switched = false

    init(terminal: NcursesTerminal, config: Config, fromStart: Bool) {
        self.terminal = terminal
        self.config = config
        self.fromStart = fromStart
    }

    /// Runs from the first text (`context`) until the reader quits.
    func run(first context: NotesContext, bundled: Bool) {
        var current = (context: context, bundled: bundled)
        var previous: [(path: String, bundled: Bool)] = []
        var notice: String?
        while true {
            let ending = read(current.context, bundled: current.bundled, previous: previous.last?.path, notice: notice)
            notice = nil
            let next: (path: String, bundled: Bool)
            switch ending {
            case .openText(let path)?:
                next = (path, path == OpenedText.libraryPath)
                previous.append((current.context.opened.isBundled ? OpenedText.libraryPath : current.context.opened.path, current.bundled))
            case .openPreviousText?:
                guard let last = previous.popLast() else { return }
                next = last
            default:
                return
            }
            do {
                current = (try NotesContext(opening: next.path), next.bundled)
            } catch {
                // Stay on the text we were reading, and say why.
                if case .openText? = ending { previous.removeLast() }
                notice = "\(next.path) could not be opened: \(error)"
            }
        }
    }

    /// Reads one text until the app ends; returns the effect that ended it.
    func read(_ context: NotesContext, bundled: Bool, previous: String?, notice: String?) -> Effect? {
        let opened = context.opened
        let size = terminal.size
        // The notes come after the first frame (`.notesPlaced`), read and placed on the notes
        // thread; a store read already (it had notes to migrate) gives them at once.
        let state = AppState(document: opened.document, width: size.width, height: size.height,
                             measure: NcursesTerminal.measure, keymap: config.keymap, notes: [],
                             notesReadOnlyReason: nil, notesNotice: context.notice,
                             settings: config.settings, configNotice: notice ?? config.notice,
                             lineLength: config.settings.measure == 0 ? nil : config.settings.measure,
                             sourceText: { context.sourceText })
        state.notesFilePath = context.store.path
        // Notes found beside this one: asked about at open, nothing taken without a yes.
        for copy in NotesMerge.conflictCopies(of: context.store.path) { state.offer(notesFile: copy, merge: true) }
        if let moved = context.movedNotes { state.offer(notesFile: moved, merge: false) }
        let statePath = ReadingState.path(forText: opened.path, bundled: bundled)
        state.stateFilePath = statePath
        // --from-start is for the text named on the command line; one chosen later opens where it was left.
        if let saved = ReadingState.load(path: statePath) { state.restore(saved, fromStart: fromStart && !switched) }
        switched = true
        state.opened(from: previous)
        let path = opened.isBundled ? OpenedText.libraryPath : Self.absolute(opened.path)
        state.textPath = path
        // The library as it was, with this text first; written when the text is left, so that
        // opening costs no hashing and no write before the first frame.
        let openedAt = Date()
        var library: Library
        do { library = try Library.load(path: libraryPath) } catch {
            warn("\(error)")
            library = Library()
        }
        library.record(entry(state, path: path, openedAt: openedAt, sha256: library.entry(path: path)?.sha256 ?? "", size: nil))
        state.library = library.entries
        state.missingTexts = Set(state.library.map(\.path).filter { $0 != OpenedText.libraryPath && !FileManager.default.fileExists(atPath: $0) })
        let editor = ExternalEditor(environment: ProcessInfo.processInfo.environment)
        let effects = ReaderEffects(notes: context.store, textPath: context.absolutePath, editor: editor.edit, library: libraryPath)
        state.notesArePlacing = true
        effects.placeNotes { opened.sourceText(canonical: CanonicalText(document: opened.document)) }
        let app = App(state: state, terminal: terminal, effects: effects)
        app.run()
        // Every note asked to be written is in the file before the text is left.
        effects.finish()
        do { try state.readingState.save(path: statePath) } catch {
            warn("could not keep the reading position in \(statePath): \(error)")
        }
        record(state, path: path, openedAt: openedAt)
        return app.ending
    }

    /// The library entry of the text as it stands now.
    func entry(_ state: AppState, path: String, openedAt: Date, sha256: String, size: Int?) -> LibraryEntry {
        LibraryEntry(path: path, title: state.document.title, sha256: sha256, size: size ?? 0, lastOpened: openedAt,
                     position: state.percent, notes: state.annotations.count, footnotes: state.document.footnotes.count)
    }

    /// Records the text in the library file as it stands now (its bytes hashed); a library that
    /// cannot be read or written costs only the library (said on standard error at the end).
    func record(_ state: AppState, path: String, openedAt: Date) {
        let bytes = OpenedText.bytes(ofLibraryPath: path)
        let recorded = entry(state, path: path, openedAt: openedAt, sha256: SHA256.hex(bytes), size: bytes.count)
        do {
            try Library.update(path: libraryPath) { $0.record(recorded) }
        } catch {
            warn("could not record the text in the library: \(error)")
        }
    }

    func warn(_ warning: String) { if !warnings.contains(warning) { warnings.append(warning) } }

    /// `path` made absolute and standard (`./a/../b.txt` → `/home/…/b.txt`).
    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}
