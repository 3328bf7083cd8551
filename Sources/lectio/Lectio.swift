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
            """,
        discussion: """
            With no FILE, opens the bundled text: Pierre Broué's "Leon Sedov" (excerpt).
            Inside the reader, press ? for every key.
            """,
        version: "0.1.0",
        subcommands: [Read.self, OutlineCommand.self, NotesCommand.self, ManualCommand.self],
        defaultSubcommand: Read.self
    )
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
