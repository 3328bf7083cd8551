/// A note as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/): the comment and
/// the tags as textual bodies, the passage by a `TextQuoteSelector` and a `TextPositionSelector`.
struct WebAnnotation: Encodable {
    /// A textual body: the note (`commenting`) or one of its tags (`tagging`).
    struct Body: Encodable {
        var type = "TextualBody"
        var value: String
        var format: String?
        var purpose: String
    }

    /// A selector of the passage.
    enum Selector: Encodable {
        case quote(exact: String, prefix: String, suffix: String)
        case position(start: Int, end: Int)

        enum Key: String, CodingKey { case type, exact, prefix, suffix, start, end }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            switch self {
            case .quote(let exact, let prefix, let suffix):
                try c.encode("TextQuoteSelector", forKey: .type)
                try c.encode(exact, forKey: .exact)
                try c.encode(prefix, forKey: .prefix)
                try c.encode(suffix, forKey: .suffix)
            case .position(let start, let end):
                try c.encode("TextPositionSelector", forKey: .type)
                try c.encode(start, forKey: .start)
                try c.encode(end, forKey: .end)
            }
        }
    }

    /// What is annotated: the text and where in it.
    struct Target: Encodable {
        var source: String
        var selector: [Selector]
    }

    var context = "http://www.w3.org/ns/anno.jsonld"
    var id: String
    var type = "Annotation"
    var created: String
    var modified: String
    var body: [Body]
    var target: Target

    enum CodingKeys: String, CodingKey {
        case context = "@context", id, type, created, modified, body, target
    }

    /// The annotation of a note whose passage is `anchor`, in the text at `source`.
    init(_ note: Annotation, anchor: Anchor, source: String) {
        id = "urn:uuid:\(note.id)"
        created = note.created
        modified = note.modified
        body = [Body(value: note.body, format: "text/plain", purpose: "commenting")]
            + note.tags.map { Body(value: $0, format: nil, purpose: "tagging") }
        // In a book of several files, the file that holds the passage, named under the book's
        // URI as it would be unpacked (`file:///…/book.epub/OPS/chapter_001.xhtml`).
        let source = anchor.document.map { source + "/" + $0 } ?? source
        target = Target(source: source, selector: [
            .quote(exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix),
            .position(start: anchor.start, end: anchor.end),
        ])
    }
}
