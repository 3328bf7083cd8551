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

    /// Why the first text could not be opened (an EPUB found broken while importing it in the
    /// background), said on standard error once the terminal is back; the reader exits 1.
    private(set) var failure: String?

    /// How reading one text ended.
    enum Ending {
        /// The app ended with this effect (`nil`: a quit).
        case app(Effect?)
        /// The text could not be imported, and why.
        case failed(String)
    }

    /// Runs from the first text (`source`, with the notes file `notes` or its default one)
    /// until the reader quits.
    func run(first source: TextSource, notes: String?) {
        var current = (source: source, notes: notes)
        var previous: [String] = []
        var notice: String?
        while true {
            let ending = read(current.source, notes: current.notes, previous: previous.last, notice: notice)
            notice = nil
            let next: String
            switch ending {
            case .app(.openText(let path)?):
                next = path
                previous.append(Self.libraryPath(of: current.source))
            case .app(.openPreviousText?):
                guard let last = previous.popLast() else { return }
                next = last
            case .app:
                return
            case .failed(let reason):
                // The first text: nothing to come back to. A text chosen later: back to the one before.
                guard let last = previous.popLast() else {
                    failure = reason
                    return
                }
                next = last
                notice = reason
            }
            do {
                current = (try TextSource.load(next), nil)
            } catch {
                // Stay on the text we were reading, and say why.
                guard case .app(.openText?) = ending, let last = previous.popLast() else { return }
                notice = "\(next) could not be opened: \(error)"
                guard let back = try? TextSource.load(last) else { return }
                current = (back, nil)
            }
        }
    }

    /// How the library names a text: its full path, or `OpenedText.libraryPath`.
    static func libraryPath(of source: TextSource) -> String {
        source.isBundled ? OpenedText.libraryPath : absolute(source.path)
    }

    /// Reads one text until the app ends: shows a preview of its first screen while it is
    /// imported on another thread, then the reader over the whole.
    func read(_ source: TextSource, notes: String?, previous: String?, notice: String?) -> Ending {
        let statePath = ReadingState.path(forText: source.path, bundled: source.isBundled)
        let saved = ReadingState.load(path: statePath)
        // --from-start is for the text named on the command line; one chosen later opens where it was left.
        let fromStart = self.fromStart && !switched
        switched = true
        // The whole import starts once the preview is shown (at once when there is none).
        var background: BackgroundOpen?
        let startImport = { [terminal] in background = BackgroundOpen(source: source, notes: notes, wakeup: terminal.wakeup) }
        var pending: [Key] = []
        let resume = fromStart ? nil : saved?.resume.flatMap { $0.matches(size: source.size, modified: source.modified) ? $0 : nil }
        // A preview where the reader will be: the start, or a place remembered in the file as it is.
        if fromStart || saved == nil || resume != nil,
           let preview = source.preview(at: resume) {
            // The ruler stands for the whole book: it comes with it.
            let state = makeState(preview.document, notes: [], notice: nil, ruler: false)
            // At the start the state stands where reading starts, as the whole one will.
            if let resume {
                let cursor = min(preview.top + resume.cursorAfterTop, preview.document.scalarCount)
                state.restore(ReadingState(position: cursor, top: preview.top, history: JumpHistory(), marks: [:], searches: []), fromStart: false)
            }
            state.indexing = IndexingStatus(title: resume?.title, section: resume?.section, percent: resume?.percent ?? preview.percent)
            switch PreviewLoop.run(state, terminal: terminal, shown: startImport, isReady: { background?.isDone ?? false }) {
            case .quit: return .app(nil)
            case .ready(let keys): pending = keys
            }
        }
        if background == nil { startImport() }
        let context: NotesContext
        switch background?.result() ?? .failure(TextLoadError.unreadable(source.path, "not imported")) {
        case .success(let opened): context = opened
        case .failure(let error): return .failed("\(error)")
        }
        let opened = context.opened
        // The notes come after the first frame (`.notesPlaced`), read and placed on the notes
        // thread; a store read already (it had notes to migrate) gives them at once.
        let state = makeState(opened.document, notes: [], notice: notice, context: context)
        state.notesFilePath = context.store.path
        // Notes found beside this one: asked about at open, nothing taken without a yes.
        for copy in NotesMerge.conflictCopies(of: context.store.path) { state.offer(notesFile: copy, merge: true) }
        if let moved = context.movedNotes { state.offer(notesFile: moved, merge: false) }
        state.stateFilePath = statePath
        if let saved { state.restore(saved, fromStart: fromStart) }
        state.opened(from: previous)
        let path = Self.libraryPath(of: source)
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
        let effects = ReaderEffects(notes: context.store, textPath: context.absolutePath, editor: editor.edit, library: libraryPath,
                                    wake: { [wakeup = terminal.wakeup] in wakeup.wake() })
        state.notesArePlacing = true
        effects.placeNotes { opened.sourceText(canonical: CanonicalText(document: opened.document)) }
        let app = App(state: state, terminal: terminal, effects: effects)
        app.run(pending: pending)
        // Every note asked to be written is in the file before the text is left.
        effects.finish()
        // The text's bytes as they are now, for where its first line shown stands and its hash.
        let bytes = OpenedText.bytes(ofLibraryPath: path)
        var reading = state.readingState
        // Only for the file as it was read: one edited meanwhile gets no resume point.
        let now = source.isBundled ? nil : FileStatus(path: source.path)
        if source.isBundled || now?.size == source.size && now?.modified == source.modified && bytes.count == source.size {
            reading.resume = ResumePoint(reading, document: opened.document, bytes: Data(bytes), modified: now?.modified, percent: state.percent)
        }
        do { try reading.save(path: statePath) } catch {
            warn("could not keep the reading position in \(statePath): \(error)")
        }
        record(state, path: path, openedAt: openedAt, bytes: bytes)
        return .app(app.ending)
    }

    /// A state over `document` at the terminal's size, with the config's keys and settings.
    func makeState(_ document: Document, notes: [Annotation], notice: String?, context: NotesContext? = nil, ruler: Bool = true) -> AppState {
        let size = terminal.size
        var settings = config.settings
        settings.ruler = settings.ruler && ruler
        return AppState(document: document, width: size.width, height: size.height,
                        measure: NcursesTerminal.measure, keymap: config.keymap, notes: notes,
                        notesReadOnlyReason: context?.store.readOnlyReason, notesNotice: context?.notice,
                        settings: settings, configNotice: notice ?? config.notice,
                        lineLength: config.settings.measure == 0 ? nil : config.settings.measure,
                        sourceText: context.map { context in { context.sourceText } })
    }

    /// The library entry of the text as it stands now.
    func entry(_ state: AppState, path: String, openedAt: Date, sha256: String, size: Int?) -> LibraryEntry {
        LibraryEntry(path: path, title: state.document.title, sha256: sha256, size: size ?? 0, lastOpened: openedAt,
                     position: state.percent, notes: state.annotations.count, footnotes: state.document.footnotes.count)
    }

    /// Records the text in the library file as it stands now (its bytes hashed); a library that
    /// cannot be read or written costs only the library (said on standard error at the end).
    func record(_ state: AppState, path: String, openedAt: Date, bytes: [UInt8]) {
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
