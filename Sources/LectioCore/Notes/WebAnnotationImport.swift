import Foundation

/// Reads W3C Web Annotations (as `lectio notes export --format json` writes them, or another
/// tool) back into notes: the passage by its `TextQuoteSelector` (the quote with its context),
/// the `TextPositionSelector` only as a hint of where to look first.
public enum WebAnnotationImport {
    /// Why a file cannot be imported.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The notes in `data` (an array of annotations, one annotation, or a collection with
    /// `items`), placed in `text`; a quote that is not found makes an orphan, kept.
    public static func notes(from data: Data, document: Document, text: SourceText) throws -> [Annotation] {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { throw Failure(description: "not JSON") }
        let items: [Any]
        if let array = json as? [Any] {
            items = array
        } else if let object = json as? [String: Any] {
            items = (object["items"] as? [Any]) ?? ((object["first"] as? [String: Any])?["items"] as? [Any]) ?? [object]
        } else {
            throw Failure(description: "neither an annotation nor a list of annotations")
        }
        return try items.enumerated().map { i, item in
            guard let object = item as? [String: Any] else { throw Failure(description: "item \(i + 1) is not an object") }
            return try note(from: object, number: i + 1, document: document, text: text)
        }
    }

    static func note(from a: [String: Any], number: Int, document: Document, text: SourceText) throws -> Annotation {
        let target = (a["target"] as? [[String: Any]])?.first ?? (a["target"] as? [String: Any]) ?? [:]
        let selectors = (target["selector"] as? [[String: Any]]) ?? ((target["selector"] as? [String: Any]).map { [$0] } ?? [])
        guard let quote = selectors.first(where: { $0["type"] as? String == "TextQuoteSelector" }),
              let exact = quote["exact"] as? String, !exact.isEmpty else {
            throw Failure(description: "annotation \(number) has no TextQuoteSelector with an exact quote")
        }
        let position = selectors.first { $0["type"] as? String == "TextPositionSelector" }
        let start = (position?["start"] as? Int) ?? 0
        let end = (position?["end"] as? Int) ?? start + exact.unicodeScalars.count
        var anchor = Anchor(section: "", start: start, end: end, exact: exact,
                            prefix: quote["prefix"] as? String ?? "", suffix: quote["suffix"] as? String ?? "")
        if let range = Anchoring.place(anchor, in: text).range {
            anchor = Anchoring.anchor(document: document, text: text, start: range.lowerBound, end: range.upperBound)
        }
        let bodies = (a["body"] as? [[String: Any]]) ?? ((a["body"] as? [String: Any]).map { [$0] } ?? [])
        let comment = bodies.first { ($0["purpose"] as? String ?? "commenting") != "tagging" }?["value"] as? String
        let tags = bodies.filter { $0["purpose"] as? String == "tagging" }.compactMap { $0["value"] as? String }
        var id = (a["id"] as? String) ?? UUID().uuidString.lowercased()
        if id.hasPrefix("urn:uuid:") { id.removeFirst("urn:uuid:".count) }
        var note = Annotation(anchor: anchor, body: comment ?? "", id: id)
        if let created = a["created"] as? String { note.created = created }
        note.modified = (a["modified"] as? String) ?? note.created
        for tag in tags where !note.tags.contains(tag) { note.tags.append(tag) }
        return note
    }
}
