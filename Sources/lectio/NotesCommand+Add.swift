import ArgumentParser
import Foundation
import LectioCore

extension NotesCommand {
    /// `lectio notes add`: a note on a quoted passage, found as the reader's search finds it.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a note to a quoted passage (or to a paragraph, with --at).",
            discussion: """
                The quote is found as the reader's search finds it: case ignored unless it has a \
                capital, accents, typographic quotes and dashes and line breaks ignored. A quote found \
                more than once needs --occurrence N (or --at, --section to narrow it).
                """)
        @OptionGroup var options: Options
        @Option(help: "The passage, as in the text (typographic quotes and dashes may be typed plainly).") var quote: String?
        @Option(help: "The note (not empty).") var body: String
        @Option(name: .customLong("tag"), help: "A tag (repeatable).") var tags: [String] = []
        @Option(help: "Which occurrence of the quote (1 = the first).") var occurrence: Int?
        @Option(help: "A paragraph reference (3.12): the quote is looked for there; without --quote, the whole paragraph.")
        var at: String?
        @Option(help: "A section, by number (7) or the start of its title: the quote is looked for there.")
        var section: String?

        func run() throws {
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                complain("the note is empty: give some text with --body")
                throw ExitCode(1)
            }
            guard quote != nil || at != nil else {
                complain("say which passage: --quote TEXT, or --at PARAGRAPH (such as 3.12)")
                throw ExitCode(1)
            }
            // The notes file is read once, under its lock, when the note is added: a file that
            // cannot be read fails there, with the same message, and is left untouched.
            let context = try NotesContext(file: options.file, notes: options.notes, readingNotes: false)
            try context.requireReadable()
            let finder = PassageFinder(document: context.opened.document, text: context.text)
            let range: Range<Int>
            do {
                range = try finder.passage(quote: quote, at: at, section: section, occurrence: occurrence)
            } catch let failure as PassageFinder.Failure {
                // One line each, so that every occurrence is readable (and still sanitised).
                for line in failure.message(in: context.opened.path).split(separator: "\n") { complain(String(line)) }
                throw ExitCode(1)
            }
            let anchor = Anchoring.anchor(document: context.opened.document, text: context.sourceText,
                                          start: range.lowerBound, end: range.upperBound)
            var note = Annotation(anchor: anchor, body: body)
            for tag in tags where !note.tags.contains(tag) { note.tags.append(tag) }
            do { try context.store.save(note) } catch {
                complain("\(error)")
                throw ExitCode(1)
            }
            if let notice = context.store.notice { complain("notes file \(context.store.path): \(notice)") }
            say(note.id)
        }
    }
}
