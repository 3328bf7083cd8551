import Dispatch
import Foundation

/// Reads the spine's content documents into one book: unzips them one after another (the
/// archive is not thread-safe), parses and converts them on every core at once, each into a
/// builder of its own, and joins the builders in reading order.
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
        var jobs: [(path: String, data: Data, linear: Bool)] = []
        var seen: Set<String> = []
        var missing: [String] = []
        for spineItem in package.readingOrder {
            let item = spineItem.item
            guard item.mediaType.contains("html") || item.mediaType.contains("xml") || item.mediaType.isEmpty,
                  seen.insert(item.path).inserted else { continue }
            let data: Data?
            do { data = try archive.data(at: item.path) } catch let error as EPUBError {
                if case .tooLarge = error { throw error }
                notices.append("\(item.path): \(error)"); continue
            }
            guard let data else { missing.append(item.path); continue }
            jobs.append((item.path, data, spineItem.linear))
        }
        if !missing.isEmpty {
            notices.append("\(missing.count) document(s) of the spine are missing from the book: \(missing.prefix(3).joined(separator: ", "))")
        }
        var results = [Converted?](repeating: nil, count: jobs.count)
        let work = jobs.map { ($0.path, $0.data) }
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot; the results are read after all are done.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: work.count) { i in
                let (path, data) = work[i]
                let parsed = MarkupParser.parse(data)
                var book = EPUBBookBuilder()
                XHTMLConverter(path: path).convert(parsed.root.firstDescendant("body") ?? parsed.root, into: &book)
                slots[i] = Converted(root: parsed.root, error: parsed.error, book: book)
            }
        }
        var book = EPUBBookBuilder()
        var documents: [Document] = []
        for (job, result) in zip(jobs, results) {
            guard let result else { continue }
            if let error = result.error { notices.append("\(job.path): \(error); read as far as it could be recovered") }
            documents.append(Document(path: job.path, firstBlock: book.blocks.count, root: result.root, linear: job.linear))
            book.join(result.book)
        }
        return (book, documents)
    }
}
