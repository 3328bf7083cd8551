import Foundation

/// One text in the library: where it is, what it is, and how far the reader got.
public struct LibraryEntry: Codable, Sendable, Equatable {
    /// The text's absolute path; the entry's identity.
    public var path: String
    public var title: String
    /// SHA-256 of the file's bytes when it was last opened (hex).
    public var sha256: String
    /// Size of the file in bytes.
    public var size: Int
    /// When it was last opened.
    public var lastOpened: Date
    /// How far the reader got, 0–100.
    public var position: Int
    /// Personal notes in its notes file.
    public var notes: Int
    /// Footnote markers in the text.
    public var footnotes: Int

    /// An entry.
    public init(path: String, title: String, sha256: String, size: Int, lastOpened: Date, position: Int, notes: Int, footnotes: Int) {
        self.path = path; self.title = title; self.sha256 = sha256; self.size = size
        self.lastOpened = lastOpened; self.position = position; self.notes = notes; self.footnotes = footnotes
    }

    /// When it was last opened, for people: `2026-11-26 09:14` (UTC).
    public var lastOpenedText: String { Self.format(lastOpened) }

    /// A time as the library shows it: `2026-11-26 09:14` (UTC).
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// Whether the file is gone from its path (its notes are kept all the same).
    public func isMissing(fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> Bool {
        !fileExists(path)
    }
}
