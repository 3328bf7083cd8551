import ArgumentParser
import Foundation
import LectioCore

/// `lectio`: a terminal reader for close reading and study.
@main
struct Lectio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectio",
        abstract: "Read a long text closely: footnotes in popups, sections, personal notes.",
        usage: """
            lectio [FILE] [--notes FILE] [--from-start] [--no-mouse]
            lectio outline [FILE] [--json]
            lectio notes list|add|export [FILE] …
            lectio library [DIR] [--sort last|title|notes] [--json]
            lectio config --print-default | --check [FILE]
            """,
        discussion: """
            With no FILE, opens the bundled text: Pierre Broué's "Leon Sedov" (excerpt).
            Inside the reader, press ? for every key.
            """,
        version: "0.1.0",
        subcommands: [Read.self, OutlineCommand.self, NotesCommand.self, LibraryCommand.self, ConfigCommand.self, ManualCommand.self],
        defaultSubcommand: Read.self
    )

    /// Runs the command line. `lectio --version` is answered before the argument parser builds
    /// its tree of commands (about a third of the time the process takes, in a binary that
    /// carries Foundation): there is nothing to parse, and the answer is the same.
    static func main() {
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]), let version = configuration.version.nonEmpty {
            print(version)
            return
        }
        main(nil)
    }
}

extension String {
    /// The string, or `nil` when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension CompletionKind {
    /// The texts Lectio reads, for shell completion: plain text, Markdown, EPUB.
    static var text: CompletionKind { .file(extensions: ["txt", "md", "markdown", "epub"]) }
    /// A notes file (JSON), for shell completion.
    static var notesFile: CompletionKind { .file(extensions: ["json"]) }
}

/// The text to read: the file named, or the bundled text when `file` is nil. A file that
/// cannot be read is explained on standard error, and the command exits 1.
func openText(_ file: String?) throws -> OpenedText {
    try OpenedText.open(file)
}
