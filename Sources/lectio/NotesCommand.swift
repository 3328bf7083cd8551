import ArgumentParser
import Foundation
import LectioCore

/// `lectio notes`: personal notes from the command line.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "List, add, export, import and merge personal notes.",
        subcommands: [List.self, Add.self, Export.self, Import.self, Merge.self, Where.self])

    struct Options: ParsableArguments {
        @Argument(help: "The text. Default: the bundled text.", completion: .text)
        var file: String?

        @Option(help: "The notes file. Default: one per text under $XDG_DATA_HOME/lectio/notes/.", completion: .notesFile)
        var notes: String?
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the notes of a text.")
        @OptionGroup var options: Options
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let context = try NotesContext(file: options.file, notes: options.notes)
            try context.requireReadable()
            let placed = context.placed()
            if json {
                let encoder = JSONFormat.encoder()
                // Where each note stands now, in the same offsets as the file (the source text).
                struct Row: Encodable { let note: Annotation; let status: AnchorStatus; let start: Int?; let end: Int? }
                let rows = placed.map { p in
                    let r = p.range.map { context.sourceText.sourceRange(of: $0) }
                    return Row(note: p.annotation, status: p.status, start: r?.lowerBound, end: r?.upperBound)
                }
                sayJSON(String(decoding: try encoder.encode(rows), as: UTF8.self))
                return
            }
            if placed.isEmpty { say("No notes in \(context.store.path)") }
            for p in placed {
                let a = p.annotation
                let quote = a.anchor.exact.replacingOccurrences(of: "\n", with: " ")
                let where_ = p.range == nil ? "ORPHANED" : a.anchor.section
                say("\(a.id.prefix(8))  [\(where_)] “\(quote.prefix(60))\(quote.count > 60 ? "…" : "")”")
                say("          \(a.body.replacingOccurrences(of: "\n", with: " ").prefix(100))")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the notes as Markdown or W3C Web Annotations (JSON).")
        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }
        @OptionGroup var options: Options
        @Option(help: "markdown or json.") var format: Format = .markdown

        func run() throws {
            let context = try NotesContext(file: options.file, notes: options.notes)
            try context.requireReadable()
            let placed = context.placed()
            switch format {
            case .markdown: say(NotesExport.markdown(placed, document: context.opened.document), terminator: "")
            case .json:
                let source = URL(fileURLWithPath: context.opened.path).standardizedFileURL.absoluteString
                sayJSON(try NotesExport.webAnnotations(placed, source: source, document: context.opened.document, text: context.sourceText))
            }
        }
    }

    struct Where: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "where",
            abstract: "Print the notes file a text's notes are kept in (found by content if the text moved).")
        @OptionGroup var options: Options

        func run() throws {
            let context = try NotesContext(file: options.file, notes: options.notes)
            if let relinked = context.relinkedFrom { complain("notes of this text found in \(relinked); linked to this path") }
            say(context.store.path)
        }
    }
}
