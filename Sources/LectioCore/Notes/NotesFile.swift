import Foundation

/// The JSON file that holds a text's personal notes.
public struct NotesFile: Codable, Sendable, Equatable {
    /// The version this build writes; a file with a higher one is never overwritten. Version 2:
    /// anchors index the decoded source file (see `SourceText`); version 1 indexed the canonical text.
    public static let currentSchemaVersion = 2

    /// Which text the notes were written for.
    public struct TextIdentity: Codable, Sendable, Equatable {
        public var title: String
        public var path: String
        public var sha256: String
        /// The text file's size in bytes (files written before it was recorded have none).
        public var size: Int?
        /// Fields this version does not know, written back as read.
        public var unknownFields: [String: JSONValue] = [:]

        enum CodingKeys: String, CodingKey, CaseIterable { case title, path, sha256, size }

        static let knownKeys = CodingKeys.allCases.map(\.rawValue)

        /// A text's identity.
        public init(title: String, path: String, sha256: String, size: Int? = nil) {
            self.title = title; self.path = path; self.sha256 = sha256; self.size = size
        }

        /// Reads the identity, keeping the fields this version does not know.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: JSONValue.Key.self)
            title = try c.decode(String.self, forKey: .init(CodingKeys.title))
            path = try c.decode(String.self, forKey: .init(CodingKeys.path))
            sha256 = try c.decode(String.self, forKey: .init(CodingKeys.sha256))
            size = try c.decodeIfPresent(Int.self, forKey: .init(CodingKeys.size))
            unknownFields = try JSONValue.unknownFields(in: c, known: Self.knownKeys)
        }

        /// Writes the identity with the fields it was read with.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: JSONValue.Key.self)
            try c.encode(title, forKey: .init(CodingKeys.title))
            try c.encode(path, forKey: .init(CodingKeys.path))
            try c.encode(sha256, forKey: .init(CodingKeys.sha256))
            try c.encodeIfPresent(size, forKey: .init(CodingKeys.size))
            try JSONValue.encode(unknownFields, in: &c)
        }
    }

    public var schemaVersion: Int
    public var text: TextIdentity
    public var notes: [Annotation]
    /// Fields this version does not know, written back as read.
    public var unknownFields: [String: JSONValue] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable { case schemaVersion, text, notes }

    static let knownKeys = CodingKeys.allCases.map(\.rawValue)

    /// A file.
    public init(text: TextIdentity, notes: [Annotation]) {
        schemaVersion = Self.currentSchemaVersion
        self.text = text
        self.notes = notes
    }

    /// Reads the file's object, keeping the fields this version does not know.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: JSONValue.Key.self)
        schemaVersion = try c.decode(Int.self, forKey: .init(CodingKeys.schemaVersion))
        text = try c.decode(TextIdentity.self, forKey: .init(CodingKeys.text))
        notes = try c.decode([Annotation].self, forKey: .init(CodingKeys.notes))
        unknownFields = try JSONValue.unknownFields(in: c, known: Self.knownKeys)
    }

    /// Writes the file's object with the fields it was read with.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONValue.Key.self)
        try c.encode(schemaVersion, forKey: .init(CodingKeys.schemaVersion))
        try c.encode(text, forKey: .init(CodingKeys.text))
        try c.encode(notes, forKey: .init(CodingKeys.notes))
        try JSONValue.encode(unknownFields, in: &c)
    }

    /// Pretty-printed JSON with sorted keys, so that the file diffs well (as `JSONFormat`
    /// writes it, by `NotesJSONWriter`, which is many times faster on a large file).
    public func encoded() throws -> Data {
        Data(NotesJSONWriter.encoded(self))
    }

    /// Reads a notes file's bytes, refusing what this build cannot safely rewrite: not JSON,
    /// no `schemaVersion`, a newer one, a field missing or of the wrong type.
    public static func decode(_ data: Data, path: String) throws -> NotesFile {
        let file: NotesFile
        do { file = try NotesJSONReader.file(from: data) } catch { throw explain(error, data: data, path: path) }
        if file.schemaVersion > currentSchemaVersion { throw NotesFileError.futureVersion(path, file.schemaVersion) }
        return file
    }

    /// Why `data` could not be read, in the order that helps most: not JSON, no version, a
    /// newer version (whatever its shape), then what is wrong with its shape.
    static func explain(_ failure: NotesJSONReader.Failure, data: Data, path: String) -> NotesFileError {
        let version: Int?
        do { version = try NotesJSONReader.schemaVersion(in: data) } catch {
            return .unreadable(path, "not a JSON notes file")
        }
        guard let v = version else { return .unreadable(path, "no schemaVersion") }
        if v > currentSchemaVersion { return .futureVersion(path, v) }
        switch failure {
        case .missing(let key): return .unreadable(path, "missing field \"\(key)\"")
        case .wrongType(let at): return .unreadable(path, "wrong type at \(at)")
        case .null, .syntax: return .unreadable(path, "wrong shape")
        }
    }
}

/// Why a notes file cannot be used. Its `description` (and `localizedDescription`) says which
/// file and why, in words.
public enum NotesFileError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unreadable(String, String)
    case futureVersion(String, Int)
    case io(String, String)
    /// Another process holds the lock (its pid, when it wrote one).
    case locked(String, pid: Int32?)

    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case .unreadable(let path, let why): return "notes file \(path) cannot be read (\(why)); it is left untouched"
        case .futureVersion(let path, let v):
            return "notes file \(path) was written by a newer Lectio (schemaVersion \(v)); it is left untouched"
        case .io(let path, let why): return "notes file \(path): \(why)"
        case .locked(let path, let pid):
            let holder = pid.map { " (pid \($0))" } ?? ""
            return "notes file \(path) is locked by another process\(holder); nothing was written, try again"
        }
    }
}

/// Where notes files live by default: one per text under `$XDG_DATA_HOME/lectio/notes/`
/// (or `~/.local/share/lectio/notes/`), named after the text and a hash of its full path.
public enum NotesLocation {
    /// The data folder, from the XDG base directory rules.
    public static func dataHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        XDGDirectories(environment: environment).data
    }

    /// The file name that a text's notes and reading state are kept under: the text's name and
    /// a hash of its full path. The bundled text has a name of its own, since it lives in the
    /// build folder, which differs between debug and release builds.
    public static func fileName(forText textPath: String, bundled: Bool = false) -> String {
        if bundled { return "bundled-sedov-broue.json" }
        let absolute = URL(fileURLWithPath: textPath).standardizedFileURL.resolvingSymlinksInPath().path
        let name = URL(fileURLWithPath: absolute).deletingPathExtension().lastPathComponent
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(60))
        let hash = SHA256.hex(Array(absolute.utf8)).prefix(12)
        return "\(safe)-\(hash).json"
    }

    /// The default notes file of the text at `textPath`.
    public static func defaultPath(forText textPath: String, bundled: Bool = false,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataHome(environment: environment) + "/notes/" + fileName(forText: textPath, bundled: bundled)
    }
}
