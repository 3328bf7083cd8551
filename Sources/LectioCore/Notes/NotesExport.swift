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
        let items = notes.map { placed in
            let anchor = placed.range.map { Anchoring.anchor(document: document, text: text, start: $0.lowerBound, end: $0.upperBound) }
            return WebAnnotation(placed.annotation, anchor: anchor ?? placed.annotation.anchor, source: source)
        }
        return try JSONFormat.string(items)
    }
}
