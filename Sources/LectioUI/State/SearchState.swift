import LectioCore

/// The search: its last result, the match the cursor went to, and what was asked before (the
/// searches and the go-tos, for the prompts' history). Knows nothing of the text: where a
/// match stands is the search index's business.
public struct SearchState: Sendable, Equatable {
    /// The last search that found something, or `nil`.
    public internal(set) var result: SearchResult?
    /// The match the cursor went to (index into `result.hits`).
    public internal(set) var currentMatch: Int?
    /// Earlier searches, oldest first (at most `historyLimit`).
    public internal(set) var history: [String] = []
    /// Earlier go-tos, oldest first.
    public internal(set) var goToHistory: [String] = []

    /// The most searches kept.
    static let historyLimit = 100

    /// No search yet.
    public init() {}

    /// Keeps `query` as the latest search (once: an earlier copy goes).
    mutating func remember(search query: String) {
        history.removeAll { $0 == query }
        history.append(query)
        if history.count > Self.historyLimit { history.removeFirst() }
    }

    /// Keeps `target` as the latest go-to (once).
    mutating func remember(goTo target: String) {
        goToHistory.removeAll { $0 == target }
        goToHistory.append(target)
    }

    /// A search that found nothing: no matches to go on with.
    mutating func clear() {
        result = nil
        currentMatch = nil
    }

    /// `n` / `N`: the match after or before the current one, wrapping at the ends with a
    /// notice that says so; `nil` when there is no search to go on with.
    func step(forward: Bool) -> (match: Int, notice: String?)? {
        guard let result, !result.hits.isEmpty else { return nil }
        let next = (currentMatch ?? 0) + (forward ? 1 : -1)
        if next >= result.hits.count { return (0, "Search hit the end, continued at the start") }
        if next < 0 { return (result.hits.count - 1, "Search hit the start, continued at the end") }
        return (next, nil)
    }
}
