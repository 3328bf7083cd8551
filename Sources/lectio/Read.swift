import ArgumentParser
import Foundation
import LectioConfig
import LectioCore
import LectioTerminal
import LectioUI

/// The reader (the default command).
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a text in the reader (the default command).")

    @Argument(help: "The text to read (plain text). Default: the bundled text.", completion: .text)
    var file: String?

    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
    var noMouse = false

    @Option(help: "The notes file. Default: one per text under $XDG_DATA_HOME/lectio/notes/.", completion: .notesFile)
    var notes: String?

    @Flag(name: .customLong("from-start"), help: "Open at the start, not where you left off.")
    var fromStart = false

    func run() throws {
        NcursesTerminal.prepareLocale()
        // The notes file is read and placed on the notes thread, after the first frame.
        let context = try NotesContext(file: file, notes: notes, relink: false, readingNotes: false)
        let color = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let config = Config.load(path: Config.path())
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(mouse: !noMouse && config.settings.mouse, color: color, theme: config.settings.theme)
        } catch let error as TerminalError {
            complain(error.description)
            throw ExitCode(2)
        }
        let session = ReaderSession(terminal: terminal, config: config, fromStart: fromStart)
        session.run(first: context, bundled: file == nil)
        terminal.end()
        session.warnings.forEach(complain)
        let signal = TerminalSignals.pending
        if signal != 0 && signal != SIGINT { throw ExitCode(128 + signal) }
    }
}
