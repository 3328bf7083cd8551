import Foundation

/// Scores how well the words before a footnote marker match the opening words of a note.
///
/// Words are compared by stem (a shared prefix: *Thermidorians* ~ *Thermidor*), weighted by
/// closeness to the marker and to the start of the note, and by rarity among the candidates.
struct ContentMatcher {
    static let stopwords: Set<String> = [
        "the", "and", "for", "that", "this", "with", "from", "was", "were", "are", "his", "her", "its", "their",
        "has", "had", "have", "not", "but", "who", "which", "what", "when", "where", "will", "would", "been",
        "into", "than", "then", "them", "they", "there", "these", "those", "also", "all", "any", "one", "our",
        "out", "over", "only", "such", "some", "more", "most", "other", "others", "after", "before", "about",
        "upon", "him", "she", "you", "your", "can", "may", "should", "could", "did", "does", "very", "same",
    ]

    /// The significant words of a text, folded (lowercase, no accents).
    static func words(_ text: String) -> [String] {
        TextFolding.folded(text).lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
            .filter { $0.count >= 3 && !stopwords.contains($0) && !$0.allSatisfy(\.isNumber) }
    }

    /// 1 for the same word, 0.8 for a shared stem, else 0.
    static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let shorter = min(a.count, b.count)
        guard shorter >= 4 else { return 0 }
        var common = 0
        for (x, y) in zip(a, b) { if x == y { common += 1 } else { break } }
        return common >= 5 && Double(common) >= 0.6 * Double(shorter) || common == shorter && common >= 4 ? 0.8 : 0
    }

    let contexts: [[String]]
    let notes: [[String]]
    /// For each note word, how many candidate notes hold a similar word.
    let spread: [String: Int]

    /// A matcher for these marker contexts (text before each marker) and notes.
    init(contexts: [String], notes: [String]) {
        self.contexts = contexts.map { Array(Self.words($0).suffix(40)) }
        self.notes = notes.map { Array(Self.words($0).prefix(30)) }
        var spread: [String: Int] = [:]
        let noteSets = self.notes.map(Set.init)
        for word in Set(self.notes.joined()) {
            spread[word] = noteSets.filter { set in set.contains { Self.similarity($0, word) > 0 } }.count
        }
        self.spread = spread
    }

    /// The score of marker `m` against note `n`.
    func score(marker m: Int, note n: Int) -> Double {
        let context = contexts[m], note = notes[n]
        var total = 0.0
        for (d, word) in context.reversed().enumerated() {
            var best = 0.0
            for (p, candidate) in note.enumerated() {
                let s = Self.similarity(word, candidate)
                guard s > 0 else { continue }
                let weight = s / (1 + Double(p) / 10) / Double(spread[candidate] ?? 1)
                best = max(best, weight)
            }
            total += best / (1 + Double(d) / 6)
        }
        return total
    }
}
