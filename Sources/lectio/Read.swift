import ArgumentParser
import Foundation
import LectioCore
import LectioTerminal
import LectioUI

/// The reader (the default command).
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a text in the reader (the default command).")

    @Argument(help: "The text to read (plain text). Default: the bundled text.")
    var file: String?

    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
    var noMouse = false

    @Option(help: "The notes file. Default: one per text under $XDG_DATA_HOME/lectio/notes/.")
    var notes: String?

    @Flag(name: .customLong("from-start"), help: "Open at the start, not where you left off.")
    var fromStart = false

    func run() throws {
        NcursesTerminal.prepareLocale()
        let context = try NotesContext(file: file, notes: notes, relink: false)
        let opened = context.opened
        let color = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(mouse: !noMouse, color: color)
        } catch let error as TerminalError {
            complain(error.description)
            throw ExitCode(2)
        }
        let size = terminal.size
        let state = AppState(document: opened.document, width: size.width, height: size.height,
                             measure: NcursesTerminal.measure, notes: context.store.notes,
                             notesReadOnlyReason: context.store.readOnlyReason, notesNotice: context.notice,
                             sourceText: { context.sourceText })
        state.notesFilePath = context.store.path
        // Notes found beside this one: asked about at open, nothing taken without a yes.
        for copy in NotesMerge.conflictCopies(of: context.store.path) { state.offer(notesFile: copy, merge: true) }
        if let moved = context.movedNotes { state.offer(notesFile: moved, merge: false) }
        let statePath = ReadingState.path(forText: opened.path, bundled: file == nil)
        state.stateFilePath = statePath
        if let saved = ReadingState.load(path: statePath) { state.restore(saved, fromStart: fromStart) }
        let editor = ExternalEditor(environment: ProcessInfo.processInfo.environment)
        App(state: state, terminal: terminal, effects: ReaderEffects(notes: context.store, textPath: context.absolutePath, editor: editor.edit)).run()
        terminal.end()
        do { try state.readingState.save(path: statePath) } catch {
            complain("could not keep the reading position in \(statePath): \(error)")
        }
        let signal = TerminalSignals.pending
        if signal != 0 && signal != SIGINT { throw ExitCode(128 + signal) }
    }
}
