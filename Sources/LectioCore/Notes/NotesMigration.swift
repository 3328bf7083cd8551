/// How a notes file written by an older schema becomes one of this schema.
///
/// Schema 1 stored `start`/`end`, `prefix`/`suffix` in the reader's canonical text (blocks
/// joined by one newline); schema 2 stores them in the text that `SourceText.source` is (the
/// decoded file for plain text). Each note is placed as schema 1 had it and anchored again in
/// the source; its section, body, dates and unknown fields stay; an orphan keeps its anchor. The
/// file as it was is kept beside it as `FILE.v1.bak`.
public final class NotesMigration {
    /// The text the notes are on, made when a file needs migrating.
    public private(set) lazy var text: SourceText = makeText()
    let makeText: () -> SourceText

    /// A migration for notes on the text `text` makes (called only if a file needs it).
    public init(text: @escaping () -> SourceText) { makeText = text }

    /// Where the file as it was before the migration is kept.
    public static func backupPath(of path: String, version: Int) -> String { path + ".v\(version).bak" }

    /// `note`, as written by `version`, anchored as this schema anchors it.
    public func migrate(_ note: Annotation, from version: Int) -> Annotation {
        guard version < 2 else { return note }
        let (range, _) = Anchoring.place(note.anchor, in: text.canonical)
        guard let range else { return note }
        let r = text.sourceRange(of: range)
        let s = text.source
        var migrated = note
        migrated.anchor.start = r.lowerBound
        migrated.anchor.end = r.upperBound
        migrated.anchor.exact = s.string(r.lowerBound, r.upperBound)
        migrated.anchor.prefix = s.string(r.lowerBound - Anchoring.contextLength, r.lowerBound)
        migrated.anchor.suffix = s.string(r.upperBound, r.upperBound + Anchoring.contextLength)
        return migrated
    }
}
