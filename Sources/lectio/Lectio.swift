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
        subcommands: [Read.self, OutlineCommand.self, NotesCommand.self, LibraryCommand.self, ConfigCommand.self],
        defaultSubcommand: Read.self
    )
}

/// The file to open: the one named, or the bundled text.
func resolveText(_ file: String?) throws -> String {
    if let file { return file }
    if let url = BundledTextLocator.url { return url.path }
    complain("the bundled text is missing from this build; name a FILE to read")
    throw ExitCode(1)
}

/// Opens a text, or explains on standard error why it cannot, and exits 1.
func openText(_ path: String) throws -> TextOpener.Opened {
    do {
        return try TextOpener.open(path: path)
    } catch let error as TextLoadError {
        complain(error.description)
        throw ExitCode(1)
    }
}
