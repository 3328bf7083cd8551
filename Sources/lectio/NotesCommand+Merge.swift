import ArgumentParser
import Foundation
import LectioCore

extension NotesCommand {
    /// `lectio notes merge`: two copies of a notes file (a sync conflict) made one.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge two copies of a notes file by note id.",
            discussion: """
                A note in one copy only is kept; a note in both is taken from the copy where it was \
                modified later; when neither is older and the bodies differ, both are kept, tagged \
                #conflict. The result is written atomically, under the lock, to --into (default: the first).
                """)
        @Argument(help: "The first notes file.") var first: String
        @Argument(help: "The second notes file (a sync-conflict copy, say).") var second: String
        @Option(help: "Where to write the merge. Default: the first file.") var into: String?

        func run() throws {
            let a = try read(first), b = try read(second)
            guard a.schemaVersion == b.schemaVersion else {
                complain("\(first) has schemaVersion \(a.schemaVersion) and \(second) \(b.schemaVersion): open each with its text first (lectio notes list TEXT --notes FILE) to bring both to the same schema")
                throw ExitCode(1)
            }
            let result = NotesMerge.merge(a.notes, b.notes)
            let target = into ?? first
            if target != first {
                // A new target starts as a copy of the first file: its schema, its text, its fields.
                do {
                    if try AtomicFile.read(target) == nil, let data = try AtomicFile.read(first) { try AtomicFile.write(data, to: target) }
                } catch let failure as AtomicFile.Failure {
                    complain("notes file \(target): \(failure.description)")
                    throw ExitCode(1)
                }
            }
            let store = NotesStore(path: target) { a.text }
            if let reason = store.readOnlyReason {
                complain(reason)
                throw ExitCode(1)
            }
            do { try store.change { $0 = NotesMerge.merge($0, result.notes).notes } } catch {
                complain("\(error)")
                throw ExitCode(1)
            }
            say("\(store.notes.count) notes in \(target): \(result.added) from \(second) only, \(result.updated) newer there, \(result.conflicts) kept twice (#conflict)")
        }

        func read(_ path: String) throws -> NotesFile {
            do {
                guard let data = try AtomicFile.read(path) else {
                    complain("notes file \(path) does not exist")
                    throw ExitCode(1)
                }
                return try NotesFile.decode(data, path: path)
            } catch let failure as AtomicFile.Failure {
                complain("notes file \(path) cannot be read (\(failure.description))")
                throw ExitCode(1)
            } catch let error as NotesFileError {
                complain(error.description)
                throw ExitCode(1)
            }
        }
    }
}
