import Foundation

/// The library as `lectio library` prints it: a table for people, or JSON for scripts (an
/// array of objects with `path`, `title`, `sha256`, `lastOpened`, `position`, `notes`, and
/// `size`, `footnotes`, `missing`). A folder's texts are listed the same way, with what the
/// library knows of each (`lastOpened` is null for a text never opened).
public struct LibraryListing: Sendable {
    /// One row.
    public struct Row: Codable, Sendable, Equatable {
        public var path: String
        public var title: String
        public var sha256: String
        public var size: Int
        public var lastOpened: Date?
        public var position: Int
        public var notes: Int
        public var footnotes: Int
        public var missing: Bool

        enum CodingKeys: String, CodingKey {
            case path, title, sha256, size, lastOpened, position, notes, footnotes, missing
        }

        /// Every key written, `lastOpened` as null for a text never opened.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(title, forKey: .title)
            try c.encode(sha256, forKey: .sha256)
            try c.encode(size, forKey: .size)
            try c.encode(lastOpened, forKey: .lastOpened)
            try c.encode(position, forKey: .position)
            try c.encode(notes, forKey: .notes)
            try c.encode(footnotes, forKey: .footnotes)
            try c.encode(missing, forKey: .missing)
        }
    }

    public var rows: [Row]

    /// The library's entries in this order; `fileExists` says which files are still there.
    public init(_ entries: [LibraryEntry], fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        rows = entries.map {
            Row(path: $0.path, title: $0.title, sha256: $0.sha256, size: $0.size, lastOpened: $0.lastOpened,
                position: $0.position, notes: $0.notes, footnotes: $0.footnotes, missing: !fileExists($0.path))
        }
    }

    /// Rows as they are.
    public init(rows: [Row]) { self.rows = rows }

    /// The texts Lectio reads in `folder` (`.txt`, `.md`, `.markdown`, `.epub`, not in
    /// subfolders), by name. Throws when the folder cannot be listed.
    public static func texts(inFolder folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let kinds: Set<String> = ["txt", "md", "markdown", "epub"]
        return names.filter { kinds.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
            .sorted().map { URL(fileURLWithPath: folder).appendingPathComponent($0).standardizedFileURL.path }
            .filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            }
    }

    /// A row for a text opened now: what the library knows of it, or a fresh row.
    public static func row(path: String, document: Document, bytes: [UInt8], known: LibraryEntry?) -> Row {
        Row(path: path, title: document.title, sha256: SHA256.hex(bytes), size: bytes.count, lastOpened: known?.lastOpened,
            position: known?.position ?? 0, notes: known?.notes ?? 0, footnotes: document.footnotes.count, missing: false)
    }

    /// The JSON array, keys sorted, dates in ISO 8601.
    public func json() throws -> String {
        let encoder = JSONFormat.encoder()
        encoder.dateEncodingStrategy = Library.dateEncoding
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }

    /// The table: position, notes, footnotes, last opened, title, path.
    public func text() -> String {
        guard !rows.isEmpty else { return "No texts.\n" }
        var out = "   pos  notes  fnotes  last opened       title\n"
        for row in rows {
            let opened = row.lastOpened.map { LibraryEntry.format($0) } ?? "never"
            let position = row.missing ? "  -" : "\(row.position)%"
            out += pad(position, 6) + pad(String(row.notes), 7) + pad(String(row.footnotes), 8) + "  "
                + opened.padding(toLength: 16, withPad: " ", startingAt: 0) + "  " + row.title
                + (row.missing ? "  [missing]" : "") + "\n"
            out += String(repeating: " ", count: 41) + row.path + "\n"
        }
        return out
    }

    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
}
