import Foundation

/// The texts the reader has opened, kept in `$XDG_STATE_HOME/lectio/library.json` (or
/// `~/.local/state/lectio/`). Every open records its text; `forget` drops an entry and never
/// touches the text or its notes. Written atomically, after re-reading the file, so two
/// readers open at once keep each other's entries.
public struct Library: Sendable, Equatable {
    public static let currentSchemaVersion = 1

    /// The entries, in no particular order (see `sorted(by:)`).
    public private(set) var entries: [LibraryEntry]

    /// How the library is listed.
    public enum Order: String, Sendable, CaseIterable {
        /// Most recently opened first.
        case last
        /// By title, ignoring case.
        case title
        /// Most notes first.
        case notes

        /// The next order, for a key that cycles them.
        public var next: Order {
            let all = Order.allCases
            return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
        }
    }

    /// A library with these entries.
    public init(entries: [LibraryEntry] = []) { self.entries = entries }

    /// The library file, from the XDG base directory rules.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        ReadingState.stateHome(environment: environment) + "/library.json"
    }

    /// The entries in an order; ties by title, then path.
    public func sorted(by order: Order) -> [LibraryEntry] {
        entries.sorted { a, b in
            switch order {
            case .last where a.lastOpened != b.lastOpened: return a.lastOpened > b.lastOpened
            case .notes where a.notes != b.notes: return a.notes > b.notes
            default:
                let ta = a.title.lowercased(), tb = b.title.lowercased()
                return ta != tb ? ta < tb : a.path < b.path
            }
        }
    }

    /// The entries whose title or path contains `query`, ignoring case.
    public static func filter(_ entries: [LibraryEntry], by query: String) -> [LibraryEntry] {
        guard !query.isEmpty else { return entries }
        let q = query.lowercased()
        return entries.filter { $0.title.lowercased().contains(q) || $0.path.lowercased().contains(q) }
    }

    /// Adds `entry`, or replaces the entry of the same path.
    public mutating func record(_ entry: LibraryEntry) {
        entries.removeAll { $0.path == entry.path }
        entries.append(entry)
    }

    /// Drops the entry of `path`.
    public mutating func forget(path: String) { entries.removeAll { $0.path == path } }

    /// The entry of `path`.
    public func entry(path: String) -> LibraryEntry? { entries.first { $0.path == path } }

    /// The file's shape.
    struct File: Codable {
        var schemaVersion: Int
        var texts: [LibraryEntry]
    }

    /// Reads the library file: an empty library when there is none. Throws, with the reason
    /// in words, when it cannot be read or is not a library (it is then never overwritten).
    public static func load(path: String) throws -> Library {
        guard let data = try AtomicFile.read(path) else { return Library() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = dateDecoding
        let file: File
        do { file = try decoder.decode(File.self, from: data) } catch {
            throw AtomicFile.Failure("library file \(path) is not a Lectio library (\(error.localizedDescription)); it is left as it is")
        }
        guard file.schemaVersion <= currentSchemaVersion else {
            throw AtomicFile.Failure("library file \(path) is from a newer Lectio (schema \(file.schemaVersion)); it is left as it is")
        }
        return Library(entries: file.texts)
    }

    /// The file's text: keys sorted, pretty-printed, dates in ISO 8601.
    public func encoded() throws -> Data {
        let encoder = JSONFormat.encoder()
        encoder.dateEncodingStrategy = Self.dateEncoding
        return try encoder.encode(File(schemaVersion: Self.currentSchemaVersion, texts: sorted(by: .last)))
    }

    /// Dates as ISO 8601 with milliseconds (`2026-11-26T09:14:03.250Z`), so texts opened in
    /// the same second keep their order.
    public static let dateEncoding = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var c = encoder.singleValueContainer()
        try c.encode(Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date))
    }

    /// Dates as ISO 8601, with or without fractions of a second.
    public static let dateDecoding = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        for style in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            if let date = try? style.parse(text) { return date }
        }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 date: \(text)")
    }

    /// Re-reads the file at `path`, applies `change`, and writes it back atomically; returns
    /// the library as written. Throws (writing nothing) when the file cannot be read or written.
    @discardableResult
    public static func update(path: String, _ change: (inout Library) -> Void) throws -> Library {
        var library = try load(path: path)
        change(&library)
        try AtomicFile.write(try library.encoded(), to: path)
        return library
    }
}
