/// A note and where its passage stands in the text as it is now.
public struct PlacedNote: Sendable, Equatable {
    public var annotation: Annotation
    /// Canonical range of the passage; `nil` for an orphan.
    public var range: Range<Int>?
    public var status: AnchorStatus

    /// Places every note in `text`, in reading order; orphans last.
    public static func place(_ notes: [Annotation], in text: CanonicalText) -> [PlacedNote] {
        place(notes, in: SourceText(canonical: text))
    }

    /// Places every note whose anchor indexes `text.source`, in reading order; orphans last.
    public static func place(_ notes: [Annotation], in text: SourceText) -> [PlacedNote] {
        // In the order of their stored places, so that each block of the text is aligned once.
        var cache = SourceText.AlignmentCache()
        let placed = notes.sorted { $0.anchor.start < $1.anchor.start }.map { note -> PlacedNote in
            let (range, status) = Anchoring.place(note.anchor, in: text, cache: &cache)
            return PlacedNote(annotation: note, range: range, status: status)
        }
        return placed.sorted(by: precedes)
    }

    /// Reading order: by place, then by creation; orphans last, by creation.
    public static func precedes(_ a: PlacedNote, _ b: PlacedNote) -> Bool {
        switch (a.range, b.range) {
        case let (x?, y?): return x.lowerBound != y.lowerBound ? x.lowerBound < y.lowerBound : a.annotation.created < b.annotation.created
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.annotation.created < b.annotation.created
        }
    }
}
