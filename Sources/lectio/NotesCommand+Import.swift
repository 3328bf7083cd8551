import ArgumentParser
import Foundation
import LectioCore

extension NotesCommand {
    /// `lectio notes import`: W3C Web Annotations taken back into a text's notes file.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import W3C Web Annotations (JSON-LD) into a text's notes.",
            discussion: """
                Each annotation's passage is found by its TextQuoteSelector (the quote and its \
                context), its TextPositionSelector taken only as a hint; a quote no longer in the \
                text is kept as an orphaned note. An annotation whose id the notes file has replaces \
                that note when it was modified later.
                """)
        @Argument(help: "The annotations (.jsonld or .json).") var annotations: String
        @OptionGroup var options: Options

        func run() throws {
            let data: Data
            do {
                guard let read = try AtomicFile.read(annotations) else {
                    complain("\(annotations) does not exist")
                    throw ExitCode(1)
                }
                data = read
            } catch let failure as AtomicFile.Failure {
                complain("\(annotations) cannot be read (\(failure.description))")
                throw ExitCode(1)
            }
            let context = try NotesContext(file: options.file, notes: options.notes)
            try context.requireReadable()
            let imported: [Annotation]
            do {
                imported = try WebAnnotationImport.notes(from: data, document: context.opened.document, text: context.sourceText)
            } catch let failure as WebAnnotationImport.Failure {
                complain("\(annotations): \(failure.description)")
                throw ExitCode(1)
            }
            var result: NotesMerge.Result?
            do { try context.store.change { notes in
                let merged = NotesMerge.merge(notes, imported)
                result = merged
                notes = merged.notes
            } } catch {
                complain("\(error)")
                throw ExitCode(1)
            }
            let orphans = PlacedNote.place(imported, in: context.sourceText).filter { $0.range == nil }.count
            say("\(imported.count) annotations read: \(result?.added ?? 0) new, \(result?.updated ?? 0) updated, \(orphans) orphaned, into \(context.store.path)")
        }
    }
}
