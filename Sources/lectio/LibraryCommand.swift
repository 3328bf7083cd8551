import ArgumentParser
import Foundation
import LectioCore

/// `lectio library`: the texts opened so far, or the readable texts of a folder.
struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "List the texts you have opened (or the texts of a folder), with position and notes.",
        discussion: """
            The library is $XDG_STATE_HOME/lectio/library.json (else ~/.local/state/lectio/). \
            Inside the reader, L shows it. With DIR, lists the .txt, .md and .epub files of that \
            folder (not its subfolders) that Lectio can read, with what the library knows of each.
            """)

    @Argument(help: "A folder whose texts to list instead of the library.", completion: .directory)
    var folder: String?

    @Option(help: "Order: last (last opened first), title, or notes (most first).")
    var sort: Library.Order = .last

    @Flag(help: "Print a JSON array (path, title, sha256, lastOpened, position, notes…) for scripts.")
    var json = false

    func run() throws {
        let libraryPath = Library.path()
        let library: Library
        do { library = try Library.load(path: libraryPath) } catch {
            complain("\(error)")
            throw ExitCode(1)
        }
        let listing: LibraryListing
        if let folder {
            listing = try self.folder(folder, library: library)
        } else {
            listing = LibraryListing(library.sorted(by: sort))
        }
        if json { sayJSON(try listing.json()) } else { say(listing.text(), terminator: "") }
    }

    /// The readable texts of `folder`; the others are named on standard error.
    func folder(_ folder: String, library: Library) throws -> LibraryListing {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            complain("\(folder): not a folder")
            throw ExitCode(1)
        }
        let paths: [String]
        do { paths = try LibraryListing.texts(inFolder: folder) } catch {
            complain("\(folder): cannot be listed: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        var rows: [LibraryListing.Row] = []
        for path in paths {
            do {
                let opened = try TextOpener.open(path: path)
                let bytes = [UInt8](try SourceFile.read(path: path))
                rows.append(LibraryListing.row(path: path, document: opened.document, bytes: bytes, known: library.entry(path: path)))
            } catch {
                complain("skipped: \(error)")
            }
        }
        let order = Library(entries: rows.map {
            LibraryEntry(path: $0.path, title: $0.title, sha256: $0.sha256, size: $0.size, lastOpened: $0.lastOpened ?? .distantPast,
                         position: $0.position, notes: $0.notes, footnotes: $0.footnotes)
        }).sorted(by: sort).map(\.path)
        return LibraryListing(rows: order.compactMap { path in rows.first { $0.path == path } })
    }
}

extension Library.Order: ExpressibleByArgument {}
