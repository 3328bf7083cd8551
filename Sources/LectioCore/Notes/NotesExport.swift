import Foundation

/// Notes written out for other tools: Markdown for people, W3C Web Annotations for programs.
public enum NotesExport {
    /// Markdown grouped by section: each quote as a block quote, then the note.
    public static func markdown(_ notes: [PlacedNote], document: Document) -> String {
        var out = "# Notes on \(document.title)\n"
        var currentSection: String?
        let orphans = notes.filter { $0.range == nil }
        for note in notes where note.range != nil {
            let block = document.blockIndex(containing: note.range!.lowerBound)
            let section = document.sectionIndex(containing: block).map { document.sections[$0].title } ?? "Before the first section"
            if section != currentSection {
                out += "\n## \(section)\n"
                currentSection = section
            }
            out += entry(note.annotation)
        }
        if !orphans.isEmpty {
            out += "\n## Orphaned notes (their passage is no longer in the text)\n"
            for note in orphans { out += entry(note.annotation) }
        }
        return out
    }

    static func entry(_ a: Annotation) -> String {
        let quote = a.anchor.exact.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        return "\n\(quote)\n\n\(a.body)\n"
    }

    /// A JSON array of W3C Web Annotations with `TextQuoteSelector` and `TextPositionSelector`.
    /// `source` is the text's `file://` URI; positions and quotes index `text.source` (for plain
    /// text, the file itself: `text[start..<end] == exact`). An orphan keeps its stored anchor.
    public static func webAnnotations(_ notes: [PlacedNote], source: String, document: Document, text: SourceText) throws -> String {
        let items: [[String: Any]] = notes.map { placed in
            let a = placed.annotation
            var bodies: [[String: Any]] = [["type": "TextualBody", "value": a.body, "format": "text/plain", "purpose": "commenting"]]
            for tag in a.tags { bodies.append(["type": "TextualBody", "value": tag, "purpose": "tagging"]) }
            let anchor = placed.range.map { Anchoring.anchor(document: document, text: text, start: $0.lowerBound, end: $0.upperBound) } ?? a.anchor
            return [
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": "urn:uuid:\(a.id)",
                "type": "Annotation",
                "created": a.created,
                "modified": a.modified,
                "body": bodies,
                "target": [
                    "source": source,
                    "selector": [
                        ["type": "TextQuoteSelector", "exact": anchor.exact, "prefix": anchor.prefix, "suffix": anchor.suffix],
                        ["type": "TextPositionSelector", "start": anchor.start, "end": anchor.end],
                    ],
                ] as [String: Any],
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
