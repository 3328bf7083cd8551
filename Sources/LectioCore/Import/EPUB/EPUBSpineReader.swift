import Dispatch
import Foundation
import ZIPFoundation

/// Reads the spine's content documents into one book: inflates, parses and converts them on
/// every core at once, each into a builder of its own, and joins the builders in reading order.
enum EPUBSpineReader {
    /// A content document as read.
    struct Document {
        var path: String
        /// Its first block in the book.
        var firstBlock: Int
        var root: MarkupElement
        var linear: Bool
    }

    /// One document's share of the work, done on any thread.
    private struct Converted {
        var root: MarkupElement
        var error: String?
        var book: EPUBBookBuilder
    }

    /// The book made of the spine's documents in reading order, and the documents read.
    static func read(_ package: EPUBPackage, archive: inout EPUBArchive,
                     notices: inout [String]) throws -> (book: EPUBBookBuilder, documents: [Document]) {
        var jobs: [(path: String, entry: Entry, linear: Bool)] = []
        var seen: Set<String> = []
        var missing: [String] = []
        for spineItem in package.readingOrder {
            let item = spineItem.item
            guard item.mediaType.contains("html") || item.mediaType.contains("xml") || item.mediaType.isEmpty,
                  seen.insert(item.path).inserted else { continue }
            guard let entry = try archive.reserve(item.path) else { missing.append(item.path); continue }
            jobs.append((item.path, entry, spineItem.linear))
        }
        if !missing.isEmpty {
            notices.append("\(missing.count) document(s) of the spine are missing from the book: \(missing.prefix(3).joined(separator: ", "))")
        }
        // The documents are shared out among the cores as they come free (one long chapter
        // does not hold up the rest); each slot is written by one iteration only, and read
        // once all are done. An entry is inflated straight from the file's bytes, or, when it
        // cannot be, through a ZIPFoundation reader of its own (an `Archive` is not
        // thread-safe).
        var results = [Result<Converted, EPUBError>?](repeating: nil, count: jobs.count)
        nonisolated(unsafe) let work = jobs.map { ($0.path, $0.entry, archive.location(of: $0.path)) }
        nonisolated(unsafe) let source = archive
        let bytes = archive.fileBytes
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: work.count) { i in
                let (path, entry, location) = work[i]
                do {
                    let data = try EPUBArchive.inflate(entry, at: location, path: path, from: bytes)
                        ?? EPUBArchive.extract(entry, path: path, from: source.reader())
                    let parsed = MarkupParser.parse(data)
                    var book = EPUBBookBuilder()
                    XHTMLConverter(path: path).convert(parsed.root.firstDescendant("body") ?? parsed.root, into: &book)
                    slots[i] = .success(Converted(root: parsed.root, error: parsed.error, book: book))
                } catch let error as EPUBError {
                    slots[i] = .failure(error)
                } catch {
                    slots[i] = .failure(.notAZip("\(path) cannot be inflated"))
                }
            }
        }
        var book = EPUBBookBuilder()
        var documents: [Document] = []
        for (job, outcome) in zip(jobs, results) {
            let result: Converted
            switch outcome {
            case .success(let converted): result = converted
            case .failure(let error):
                if case .tooLarge = error { throw error }
                notices.append("\(job.path): \(error)"); continue
            case nil: continue
            }
            if let error = result.error { notices.append("\(job.path): \(error); read as far as it could be recovered") }
            documents.append(Document(path: job.path, firstBlock: book.blocks.count, root: result.root, linear: job.linear))
            book.document.beginPart(job.path)
            book.join(result.book)
        }
        return (book, documents)
    }
}
