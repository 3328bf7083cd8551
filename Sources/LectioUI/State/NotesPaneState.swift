import Algorithms
import LectioCore

/// The personal-notes pane: whether keys go to it, the entry highlighted, and which notes it
/// lists (scope, filter words, tag, order). Knows nothing of the text: the notes and where
/// each stands are handed in.
public struct NotesPaneState: Sendable, Equatable {
    /// Whether keys go to the pane.
    public internal(set) var focus = false
    /// The highlighted entry (index into the listed entries).
    public internal(set) var selected = 0
    /// Which notes the pane lists.
    public internal(set) var scope: NotesScope = .section
    /// Words a listed note must hold (`/` in the pane), or `nil`.
    public internal(set) var filter: String?
    /// The one tag a listed note must carry (`#` in the pane), or `nil`.
    public internal(set) var tag: String?
    /// The order of the list.
    public internal(set) var order: NotesOrder = .place

    /// A pane that lists the notes of the cursor's section, by place.
    public init() {}

    /// Whether the list is narrowed by words or a tag.
    public var isFiltered: Bool { filter != nil || tag != nil }

    /// The entries listed among `notes`: the scope (`inSection` says whether a note stands in
    /// the cursor's section; an orphan always does), then the tag and the words, in the order.
    public func entries(of notes: [PlacedNote], section: Range<Int>) -> [NotesPaneEntry] {
        var entries = scoped(notes, section: section)
        if let tag { entries = entries.filter { notes[$0.note].annotation.tags.contains(tag) } }
        if let filter, !filter.isEmpty {
            let needle = NotesFilter(filter)
            entries = entries.filter { needle.matches(notes[$0.note].annotation) }
        }
        if order == .modified, scope != .byTag {
            entries.sort { notes[$0.note].annotation.modified > notes[$1.note].annotation.modified }
        }
        return entries
    }

    /// The entries of the scope: all notes, those of the section, or each note under each of
    /// its tags (tags in alphabetical order, untagged notes last).
    func scoped(_ notes: [PlacedNote], section: Range<Int>) -> [NotesPaneEntry] {
        switch scope {
        case .all:
            return notes.indices.map { NotesPaneEntry(note: $0, group: nil) }
        case .section:
            // Notes stand in reading order, orphans last: the section's notes are one run,
            // found by halving (a pane over 100,000 notes looks at a few dozen), then the orphans.
            let from = notes.partitioningIndex { ($0.range?.lowerBound ?? Int.max) >= section.lowerBound }
            let to = notes.partitioningIndex { ($0.range?.lowerBound ?? Int.max) >= section.upperBound }
            let orphans = notes.partitioningIndex { $0.range == nil }
            return (Array(from..<max(from, min(to, orphans))) + Array(orphans..<notes.count)).map { NotesPaneEntry(note: $0, group: nil) }
        case .byTag:
            var entries: [NotesPaneEntry] = []
            for tag in Set(notes.flatMap(\.annotation.tags)).sorted() {
                for i in notes.indices where notes[i].annotation.tags.contains(tag) {
                    entries.append(NotesPaneEntry(note: i, group: "#" + tag))
                }
            }
            for i in notes.indices where notes[i].annotation.tags.isEmpty {
                entries.append(NotesPaneEntry(note: i, group: "untagged"))
            }
            return entries
        }
    }

    /// Keeps the highlight on one of `count` entries.
    mutating func clampSelection(toCount count: Int) {
        selected = min(selected, max(0, count - 1))
    }

    /// Moves the highlight `n` entries, within `count`.
    mutating func moveSelection(by n: Int, count: Int) {
        selected = max(0, min(count - 1, selected + n))
    }

    /// The next scope, from the first entry.
    mutating func cycleScope() {
        scope = scope.next
        selected = 0
    }

    /// By place, or latest first, from the first entry.
    mutating func toggleOrder() {
        order = order == .place ? .modified : .place
        selected = 0
    }

    /// Lists only the notes holding `words`, from the first entry.
    mutating func filter(byWords words: String) {
        filter = words
        selected = 0
    }

    /// Lists only the notes of `tag`, from the first entry, with the keys in the pane.
    mutating func filter(byTag tag: String) {
        self.tag = tag
        selected = 0
        focus = true
    }

    /// Drops the words and the tag.
    mutating func clearFilter() {
        filter = nil
        tag = nil
    }
}

/// One line item of the notes pane: a note, and the tag it is listed under (by-tag scope).
public struct NotesPaneEntry: Sendable, Equatable {
    /// The note (index into the placed notes).
    public var note: Int
    /// The heading it is listed under (`#tag`, `untagged`), or `nil`.
    public var group: String?
}

/// Which notes the notes pane lists.
public enum NotesScope: String, Sendable, CaseIterable {
    case section = "this section"
    case all = "all notes"
    case byTag = "by tag"

    var next: NotesScope {
        let all = Self.allCases
        let i = all.firstIndex(of: self) ?? 0
        return all[(i + 1) % all.count]
    }
}

/// In which order the notes pane lists notes.
public enum NotesOrder: String, Sendable, CaseIterable {
    case place = "by place"
    case modified = "latest first"
}
