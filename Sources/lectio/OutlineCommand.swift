import ArgumentParser
import Foundation
import LectioCore

/// `lectio outline`: the structure of a text as the reader sees it.
struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Print the sections and footnotes of a text, and any marker or note left unlinked.")

    @Argument(help: "The text. Default: the bundled text.", completion: .text)
    var file: String?

    @Flag(help: "Print JSON instead of a readable listing.")
    var json = false

    func run() throws {
        let opened = try openText(file)
        let outline = Outline(document: opened.document, encoding: opened.encoding)
        if json { sayJSON(try outline.json()) } else { say(outline.text(), terminator: "") }
    }
}
