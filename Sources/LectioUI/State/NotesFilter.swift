import LectioCore

/// Words typed to filter the notes pane, matched as search matches (case ignored unless a
/// capital is typed, accents, typographic quotes and dashes ignored) against a note's body,
/// quote and tags.
struct NotesFilter {
    let needle: [UInt8]
    let caseSensitive: Bool

    init(_ query: String) {
        caseSensitive = query.contains { $0.isUppercase }
        needle = Self.lowered(SearchIndex.fold(query), unless: caseSensitive)
    }

    /// Whether `note` holds the words.
    func matches(_ note: Annotation) -> Bool {
        guard !needle.isEmpty else { return true }
        let haystack = [note.body, note.anchor.exact, note.tags.map { "#" + $0 }.joined(separator: " ")].joined(separator: " ")
        let folded = Self.lowered(SearchIndex.fold(haystack), unless: caseSensitive)
        guard folded.count >= needle.count else { return false }
        for i in 0...(folded.count - needle.count) where folded[i] == needle[0] {
            if folded[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    static func lowered(_ bytes: [UInt8], unless caseSensitive: Bool) -> [UInt8] {
        caseSensitive ? bytes : bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
    }
}
