import Foundation

/// Reads a notes file's JSON straight into `NotesFile`, `Annotation` and `Anchor` values, in
/// one pass over the bytes: a file of 100,000 notes (40 MB) is read in a fraction of the time
/// `JSONDecoder` takes. It accepts what `JSONDecoder` accepts (strict JSON; an integer field
/// may be written `12.0` or `1e3`; of two equal keys in an object, the first counts) and keeps
/// the fields this version does not know as `JSONValue`s.
struct NotesJSONReader {
    /// Why the bytes are not a notes file this version can read.
    enum Failure: Error, Equatable {
        /// Not JSON at all.
        case syntax
        /// A required field is absent (its key).
        case missing(String)
        /// A field holds another kind of value (the path to it, `notes.3.anchor.start`).
        case wrongType(String)
        /// A required field is `null`.
        case null(String)
    }

    /// A JSON number as read: an integer when it is one, else a double.
    enum Number { case integer(Int64), double(Double) }

    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var path: [String] = []
    /// How many objects and arrays the reader is inside: past `maximumDepth` the file is refused
    /// (deeper than any notes file is), never read to the end of the stack (the notes thread has
    /// a small one).
    var depth = 0
    static let maximumDepth = 128

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// The notes file in `data`.
    static func file(from data: Data) throws(Failure) -> NotesFile {
        do {
            return try data.withUnsafeBytes { raw in
                var reader = NotesJSONReader(raw.bindMemory(to: UInt8.self))
                let file = try reader.readFile()
                reader.skipSpace()
                guard reader.i == reader.b.count else { throw Failure.syntax }
                return file
            }
        } catch let failure as Failure { throw failure } catch { throw .syntax }
    }

    /// The file's `schemaVersion` alone (`nil` when it has none), or `.syntax` when the bytes
    /// are not a JSON object. Reads the whole document, so that broken JSON is found here.
    static func schemaVersion(in data: Data) throws(Failure) -> Int? {
        do {
            return try data.withUnsafeBytes { raw in
                var reader = NotesJSONReader(raw.bindMemory(to: UInt8.self))
                reader.skipSpace()
                var version: Int?
                var seen = false
                try reader.object { reader, key in
                    if key == "schemaVersion", !seen {
                        seen = true
                        version = try reader.optionalInteger()
                    } else {
                        try reader.skipValue()
                    }
                }
                reader.skipSpace()
                guard reader.i == reader.b.count else { throw Failure.syntax }
                return version
            }
        } catch let failure as Failure { throw failure } catch { throw .syntax }
    }

    // MARK: The notes file's objects

    private mutating func readFile() throws -> NotesFile {
        var version: Int?, text: NotesFile.TextIdentity?, notes: [Annotation]?
        var unknown: [String: JSONValue] = [:]
        try object { r, key in
            switch key {
            case "schemaVersion" where version == nil: version = try r.integer(key)
            case "text" where text == nil: text = try r.nested(key) { try $0.readIdentity() }
            case "notes" where notes == nil: notes = try r.nested(key) { try $0.readNotes() }
            case "schemaVersion", "text", "notes": try r.skipValue()
            default: if unknown[key] == nil { unknown[key] = try r.value() } else { try r.skipValue() }
            }
        }
        guard let version else { throw Failure.missing("schemaVersion") }
        guard let text else { throw Failure.missing("text") }
        guard let notes else { throw Failure.missing("notes") }
        var file = NotesFile(text: text, notes: notes)
        file.schemaVersion = version
        file.unknownFields = unknown
        return file
    }

    mutating func readIdentity() throws -> NotesFile.TextIdentity {
        var title: String?, path: String?, sha256: String?, size: Int?, sawSize = false
        var unknown: [String: JSONValue] = [:]
        try object { r, key in
            switch key {
            case "title" where title == nil: title = try r.string(key)
            case "path" where path == nil: path = try r.string(key)
            case "sha256" where sha256 == nil: sha256 = try r.string(key)
            case "size" where !sawSize: sawSize = true; size = try r.nested(key) { try $0.optionalInteger() }
            case "title", "path", "sha256", "size": try r.skipValue()
            default: if unknown[key] == nil { unknown[key] = try r.value() } else { try r.skipValue() }
            }
        }
        guard let title else { throw Failure.missing("title") }
        guard let path else { throw Failure.missing("path") }
        guard let sha256 else { throw Failure.missing("sha256") }
        var identity = NotesFile.TextIdentity(title: title, path: path, sha256: sha256, size: size)
        identity.unknownFields = unknown
        return identity
    }

    private mutating func readNotes() throws -> [Annotation] {
        var notes: [Annotation] = []
        try array { r, index in
            notes.append(try r.nested(String(index)) { try $0.readNote() })
        }
        return notes
    }

    mutating func readNote() throws -> Annotation {
        var id: String?, created: String?, modified: String?, anchor: Anchor?, body: String?, tags: [String]?
        var unknown: [String: JSONValue] = [:]
        try object { r, key in
            switch key {
            case "id" where id == nil: id = try r.string(key)
            case "created" where created == nil: created = try r.string(key)
            case "modified" where modified == nil: modified = try r.string(key)
            case "anchor" where anchor == nil: anchor = try r.nested(key) { try $0.readAnchor() }
            case "body" where body == nil: body = try r.string(key)
            case "tags" where tags == nil: tags = try r.nested(key) { try $0.strings() }
            case "id", "created", "modified", "anchor", "body", "tags": try r.skipValue()
            default: if unknown[key] == nil { unknown[key] = try r.value() } else { try r.skipValue() }
            }
        }
        guard let id else { throw Failure.missing("id") }
        guard let created else { throw Failure.missing("created") }
        guard let modified else { throw Failure.missing("modified") }
        guard let anchor else { throw Failure.missing("anchor") }
        guard let body else { throw Failure.missing("body") }
        guard let tags else { throw Failure.missing("tags") }
        var note = Annotation(id: id, created: created, modified: modified, anchor: anchor, body: body, tags: tags)
        note.unknownFields = unknown
        return note
    }

    private mutating func readAnchor() throws -> Anchor {
        var section: String?, start: Int?, end: Int?, exact: String?, prefix: String?, suffix: String?
        var document: String?, sawDocument = false
        var unknown: [String: JSONValue] = [:]
        try object { r, key in
            switch key {
            case "section" where section == nil: section = try r.string(key)
            case "start" where start == nil: start = try r.integer(key)
            case "end" where end == nil: end = try r.integer(key)
            case "exact" where exact == nil: exact = try r.string(key)
            case "prefix" where prefix == nil: prefix = try r.string(key)
            case "suffix" where suffix == nil: suffix = try r.string(key)
            case "document" where !sawDocument: sawDocument = true; document = try r.nested(key) { try $0.optionalString() }
            case "section", "start", "end", "exact", "prefix", "suffix", "document": try r.skipValue()
            default: if unknown[key] == nil { unknown[key] = try r.value() } else { try r.skipValue() }
            }
        }
        guard let section else { throw Failure.missing("section") }
        guard let start else { throw Failure.missing("start") }
        guard let end else { throw Failure.missing("end") }
        guard let exact else { throw Failure.missing("exact") }
        guard let prefix else { throw Failure.missing("prefix") }
        guard let suffix else { throw Failure.missing("suffix") }
        var anchor = Anchor(section: section, start: start, end: end, exact: exact, prefix: prefix, suffix: suffix)
        anchor.document = document
        anchor.unknownFields = unknown
        return anchor
    }

    // MARK: Typed values

    /// Runs `body` with `key` on the path, for the messages of what goes wrong inside.
    mutating func nested<T>(_ key: String, _ body: (inout Self) throws -> T) throws -> T {
        path.append(key)
        defer { path.removeLast() }
        return try body(&self)
    }

    func wrongType(_ key: String) -> Failure { .wrongType((path + [key]).filter { !$0.isEmpty }.joined(separator: ".")) }

    mutating func string(_ key: String) throws -> String {
        skipSpace()
        if peek == UInt8(ascii: "\"") { return try stringLiteral() }
        if try isNull() { throw Failure.null((path + [key]).joined(separator: ".")) }
        throw wrongType(key)
    }

    mutating func optionalString() throws -> String? {
        skipSpace()
        if peek == UInt8(ascii: "\"") { return try stringLiteral() }
        if try isNull() { return nil }
        throw wrongType("")
    }

    mutating func integer(_ key: String) throws -> Int {
        skipSpace()
        if try isNull() { throw Failure.null((path + [key]).joined(separator: ".")) }
        guard let n = try optionalInteger(key) else { throw wrongType(key) }
        return n
    }

    /// An integer (`12`, `12.0`, `1e3`), `nil` for `null`; anything else is of the wrong type.
    mutating func optionalInteger(_ key: String = "") throws -> Int? {
        skipSpace()
        if try isNull() { return nil }
        guard let c = peek, c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) else {
            try skipValue()
            throw wrongType(key)
        }
        switch try number() {
        case .integer(let n): return Int(n)
        case .double(let d):
            guard d.rounded() == d, let n = Int(exactly: d) else { throw wrongType(key) }
            return n
        }
    }

    private mutating func strings() throws -> [String] {
        skipSpace()
        guard peek == UInt8(ascii: "[") else { throw wrongType("") }
        var strings: [String] = []
        try array { r, index in strings.append(try r.string(String(index))) }
        return strings
    }

    private mutating func isNull() throws -> Bool {
        guard peek == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }
}

extension Annotation {
    /// A note as read from a file, every field given.
    init(id: String, created: String, modified: String, anchor: Anchor, body: String, tags: [String]) {
        self.id = id
        self.created = created
        self.modified = modified
        self.anchor = anchor
        self.body = body
        self.tags = tags
    }
}
