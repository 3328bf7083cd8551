import Foundation

/// Two copies of a notes file merged by note id, as a sync tool leaves them (`notes.json` and
/// `notes.sync-conflict-….json`): a note in one copy only is kept; a note in both is taken from
/// the copy where it was modified later; when both were modified at the same time with
/// different bodies, both are kept, tagged `conflict` (the second under a new id).
public enum NotesMerge {
    /// What a merge did.
    public struct Result: Equatable, Sendable {
        public var notes: [Annotation]
        /// Notes found in the second copy only.
        public var added: Int
        /// Notes of both copies where the second's was newer.
        public var updated: Int
        /// Notes kept twice because neither was older.
        public var conflicts: Int
    }

    /// The tag given to both notes of a conflict.
    public static let conflictTag = "conflict"

    /// `theirs` merged into `ours`, in the order of `ours`, then the notes only `theirs` has.
    public static func merge(_ ours: [Annotation], _ theirs: [Annotation]) -> Result {
        var result = ours
        var added = 0, updated = 0, conflicts = 0
        var index: [String: Int] = [:]
        for (i, note) in result.enumerated() where index[note.id] == nil { index[note.id] = i }
        var taken = Set(result.map(\.id))
        for note in theirs {
            guard let i = index[note.id] else {
                result.append(note)
                index[note.id] = result.count - 1
                taken.insert(note.id)
                added += 1
                continue
            }
            let mine = result[i]
            if mine == note { continue }
            switch compare(mine.modified, note.modified) {
            case .orderedAscending:
                result[i] = note
                updated += 1
            case .orderedDescending:
                continue
            case .orderedSame:
                // Already kept as a conflict copy (the same two copies merged again).
                if result.contains(where: { $0.id.hasPrefix(note.id + "-") && $0.body == note.body }) { continue }
                guard mine.body != note.body else {
                    if mine.anchor != note.anchor || mine.tags != note.tags { result[i] = note; updated += 1 }
                    continue
                }
                result[i] = tagged(mine)
                var copy = tagged(note)
                var n = 2
                while taken.contains("\(note.id)-\(n)") { n += 1 }
                copy.id = "\(note.id)-\(n)"
                taken.insert(copy.id)
                result.append(copy)
                conflicts += 1
            }
        }
        return Result(notes: result, added: added, updated: updated, conflicts: conflicts)
    }

    static func tagged(_ note: Annotation) -> Annotation {
        var note = note
        if !note.tags.contains(conflictTag) { note.tags.append(conflictTag) }
        return note
    }

    /// ISO 8601 times compared as times (a `Z` and a `+00:00` time are the same); times that
    /// cannot be read compare as text.
    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        let g = ISO8601DateFormatter()
        g.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let x = f.date(from: a) ?? g.date(from: a), let y = f.date(from: b) ?? g.date(from: b) {
            return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
        }
        return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }

    /// Sync-conflict copies beside a notes file (`NAME.sync-conflict-….json` from Syncthing,
    /// `NAME (… conflicted copy …).json` from Dropbox).
    public static func conflictCopies(of path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let stem = url.deletingPathExtension().lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { name in
            name.hasSuffix(".json") && (name.hasPrefix(stem + ".sync-conflict-") || (name.hasPrefix(stem + " (") && name.contains("conflicted copy")))
        }.sorted().map { folder + "/" + $0 }
    }
}
