import Foundation

/// The structure of a document as Lectio sees it, for `lectio outline`.
public struct Outline: Codable, Sendable, Equatable {
    /// A section heading.
    public struct SectionEntry: Codable, Sendable, Equatable {
        public var title: String
        public var level: Int
        public var line: Int
        public var matter: Bool
        /// EPUB: `path/in/zip.xhtml#id` where the section starts.
        public var source: String?
    }

    /// A footnote marker and its note.
    public struct FootnoteEntry: Codable, Sendable, Equatable {
        public var label: String
        public var line: Int
        public var before: String
        public var note: String?
        public var noteLine: Int?
        /// EPUB: `path/in/zip.xhtml#id` of the marker (or of the nearest id, plus an index).
        public var source: String?
        /// EPUB: `path/in/zip.xhtml#id` of the note the marker leads to.
        public var noteSource: String?
    }

    /// A note that no marker links to.
    public struct NoteEntry: Codable, Sendable, Equatable {
        public var line: Int
        public var label: String
        public var text: String
    }

    public var title: String
    public var encoding: String?
    public var notices: [String]
    public var sections: [SectionEntry]
    public var footnotes: [FootnoteEntry]
    public var unlinkedNotes: [NoteEntry]
    public var unlinkedMarkers: Int

    /// The outline of `document`.
    public init(document: Document, encoding: SourceEncoding? = nil) {
        title = document.title
        self.encoding = encoding?.rawValue
        notices = document.notices
        sections = document.sections.map {
            SectionEntry(title: $0.title, level: $0.level, line: $0.line, matter: $0.isMatter, source: $0.source)
        }
        // One walk through a block for all its markers: a block may hold many, and be megabytes long.
        var reader = TextBefore(text: "")
        var readerBlock = -1
        footnotes = document.footnotes.map { m in
            let block = document.blocks[m.block]
            if readerBlock != m.block { reader = TextBefore(text: block.text); readerBlock = m.block }
            let before = reader.text(from: max(0, m.range.lowerBound - 40), to: m.range.lowerBound)
            let note = m.note.map { document.notes[$0] }
            return FootnoteEntry(label: m.label, line: block.sourceLine(at: m.range.lowerBound),
                                 before: before.replacingOccurrences(of: "\n", with: " "),
                                 note: note?.text, noteLine: note?.line, source: m.source, noteSource: note?.source)
        }
        let linked = Set(document.footnotes.compactMap(\.note))
        unlinkedNotes = document.notes.indices.filter { !linked.contains($0) }.map {
            NoteEntry(line: document.notes[$0].line, label: document.notes[$0].label, text: document.notes[$0].text)
        }
        unlinkedMarkers = document.footnotes.filter { $0.note == nil }.count
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONFormat.encoder()
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A readable, indented listing.
    public func text() -> String {
        var out = "\(title)\n"
        if let encoding { out += "encoding: \(encoding)\n" }
        for n in notices { out += "notice: \(n)\n" }
        out += "\nSections (\(sections.count)):\n"
        for s in sections {
            out += String(repeating: "  ", count: s.level) + s.title + "  (\(s.source ?? "line \(s.line)"))\n"
        }
        out += "\nFootnotes (\(footnotes.count), \(unlinkedMarkers) without a note):\n"
        for f in footnotes {
            out += "  [\(f.label)] \(f.source ?? "line \(f.line)"): …\(f.before.suffix(30))\n"
            if let note = f.note, let line = f.noteLine {
                out += "      → \(f.noteSource ?? "line \(line)"): \(note.prefix(70))\(note.count > 70 ? "…" : "")\n"
            } else {
                out += "      → NO NOTE FOUND\n"
            }
        }
        out += "\nNotes without a marker (\(unlinkedNotes.count)):\n"
        for n in unlinkedNotes { out += "  [\(n.label)] line \(n.line): \(n.text.prefix(70))\n" }
        return out
    }
}
