import ArgumentParser
import Foundation
import LectioCore

/// `lectio notes`: personal notes from the command line.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "List, add and export personal notes.",
        subcommands: [List.self, Add.self, Export.self])

    struct Options: ParsableArguments {
        @Argument(help: "The text. Default: the bundled text.", completion: .text)
        var file: String?

        @Option(help: "The notes file. Default: one per text under $XDG_DATA_HOME/lectio/notes/.", completion: .notesFile)
        var notes: String?
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the notes of a text.")
        @OptionGroup var options: Options
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let context = try NotesContext(file: options.file, notes: options.notes)
            try context.requireReadable()
            let placed = context.placed(in: context.text)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                struct Row: Encodable { let note: Annotation; let status: AnchorStatus; let start: Int?; let end: Int? }
                let rows = placed.map { Row(note: $0.annotation, status: $0.status, start: $0.range?.lowerBound, end: $0.range?.upperBound) }
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

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a note to a quoted passage.")
        @OptionGroup var options: Options
        @Option(help: "The passage, exactly as in the text.") var quote: String
        @Option(help: "The note.") var body: String
        @Option(name: .customLong("tag"), help: "A tag (repeatable).") var tags: [String] = []
        @Option(help: "Which occurrence of the quote (1 = the first).") var occurrence = 1

        func run() throws {
            let context = try NotesContext(file: options.file, notes: options.notes)
            try context.requireReadable()
            let needle = Array(SourceDecoder.normalise(quote).unicodeScalars)
            let text = context.text
            let found = text.occurrences(of: needle)
            guard !needle.isEmpty, occurrence >= 1, found.count >= occurrence else {
                complain(found.isEmpty || needle.isEmpty
                         ? "the quote “\(quote)” is not in \(context.opened.path)"
                         : "the quote occurs \(found.count) time(s) in \(context.opened.path), not \(occurrence)")
                throw ExitCode(1)
            }
            let start = found[occurrence - 1]
            let anchor = Anchoring.anchor(document: context.opened.document, text: text, start: start, end: start + needle.count)
            var note = Annotation(anchor: anchor, body: body)
            for tag in tags where !note.tags.contains(tag) { note.tags.append(tag) }
            do { try context.store.save(note) } catch {
                complain("\(error)")
                throw ExitCode(1)
            }
            say(note.id)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the notes as Markdown or W3C Web Annotations (JSON).")
        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }
        @OptionGroup var options: Options
        @Option(help: "markdown or json.") var format: Format = .markdown

        func run() throws {
            let context = try NotesContext(file: options.file, notes: options.notes)
            try context.requireReadable()
            let placed = context.placed(in: context.text)
            switch format {
            case .markdown: say(NotesExport.markdown(placed, document: context.opened.document), terminator: "")
            case .json: sayJSON(try NotesExport.webAnnotations(placed, source: context.opened.path))
            }
        }
    }
}
