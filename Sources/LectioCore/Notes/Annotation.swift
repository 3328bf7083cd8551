import Foundation

/// A personal note on a passage of the text.
public struct Annotation: Codable, Sendable, Equatable, Identifiable {
    /// Stable identity, used to merge files written by two instances.
    public var id: String
    /// ISO 8601 times.
    public var created: String
    public var modified: String
    /// Where the passage is.
    public var anchor: Anchor
    /// What the reader wrote.
    public var body: String
    /// `#words` of the body, without the `#`.
    public var tags: [String]
    /// Fields this version does not know (from a newer Lectio or another tool), written back as read.
    public var unknownFields: [String: JSONValue] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, created, modified, anchor, body, tags
    }

    static let knownKeys = CodingKeys.allCases.map(\.rawValue)

    /// A new note on `anchor`, dated now.
    public init(anchor: Anchor, body: String, id: String = UUID().uuidString.lowercased(), now: Date = Date()) {
        self.id = id
        let stamp = Self.timestamp(now)
        created = stamp
        modified = stamp
        self.anchor = anchor
        self.body = body
        tags = Self.tags(in: body)
    }

    /// This note with a new body (and its tags), dated now.
    public func editing(body: String, now: Date = Date()) -> Annotation {
        var copy = self
        copy.body = body
        copy.tags = Self.tags(in: body)
        copy.modified = Self.timestamp(now)
        return copy
    }

    /// `#like-this` words, in order, without repeats.
    public static func tags(in body: String) -> [String] {
        var tags: [String] = []
        var i = body.startIndex
        while let hash = body[i...].firstIndex(of: "#") {
            let before = hash == body.startIndex ? nil : body[body.index(before: hash)]
            var end = body.index(after: hash)
            while end < body.endIndex, body[end].isLetter || body[end].isNumber || body[end] == "-" || body[end] == "_" {
                end = body.index(after: end)
            }
            var tag = String(body[body.index(after: hash)..<end])
            while tag.hasSuffix("-") { tag.removeLast() }
            if before.map({ $0.isWhitespace || "([".contains($0) }) ?? true, !tag.isEmpty, !tags.contains(tag) {
                tags.append(tag)
            }
            i = end
        }
        return tags
    }

    /// Reads a note, keeping the fields this version does not know.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: JSONValue.Key.self)
        id = try c.decode(String.self, forKey: .init(CodingKeys.id))
        created = try c.decode(String.self, forKey: .init(CodingKeys.created))
        modified = try c.decode(String.self, forKey: .init(CodingKeys.modified))
        anchor = try c.decode(Anchor.self, forKey: .init(CodingKeys.anchor))
        body = try c.decode(String.self, forKey: .init(CodingKeys.body))
        tags = try c.decode([String].self, forKey: .init(CodingKeys.tags))
        unknownFields = try JSONValue.unknownFields(in: c, known: Self.knownKeys)
    }

    /// Writes a note with the fields it was read with.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONValue.Key.self)
        try c.encode(id, forKey: .init(CodingKeys.id))
        try c.encode(created, forKey: .init(CodingKeys.created))
        try c.encode(modified, forKey: .init(CodingKeys.modified))
        try c.encode(anchor, forKey: .init(CodingKeys.anchor))
        try c.encode(body, forKey: .init(CodingKeys.body))
        try c.encode(tags, forKey: .init(CodingKeys.tags))
        try JSONValue.encode(unknownFields, in: &c)
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

/// Where a note's passage is, as W3C Web Annotation selectors: a position
/// (`start`/`end`, Unicode scalar offsets into the canonical text) and a quote
/// (`exact` with ~32 characters of `prefix` and `suffix`), plus the section title.
public struct Anchor: Codable, Sendable, Equatable {
    public var section: String
    public var start: Int
    public var end: Int
    public var exact: String
    public var prefix: String
    public var suffix: String
    /// In a text made of several files (an EPUB), the file that holds the passage
    /// (`OPS/chapter_001.xhtml`); `nil` for a text of one file.
    public var document: String?
    /// Fields this version does not know, written back as read.
    public var unknownFields: [String: JSONValue] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case section, start, end, exact, prefix, suffix, document
    }

    static let knownKeys = CodingKeys.allCases.map(\.rawValue)

    /// An anchor.
    public init(section: String, start: Int, end: Int, exact: String, prefix: String, suffix: String) {
        self.section = section; self.start = start; self.end = end
        self.exact = exact; self.prefix = prefix; self.suffix = suffix
    }

    /// Reads an anchor, keeping the fields this version does not know.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: JSONValue.Key.self)
        section = try c.decode(String.self, forKey: .init(CodingKeys.section))
        start = try c.decode(Int.self, forKey: .init(CodingKeys.start))
        end = try c.decode(Int.self, forKey: .init(CodingKeys.end))
        exact = try c.decode(String.self, forKey: .init(CodingKeys.exact))
        prefix = try c.decode(String.self, forKey: .init(CodingKeys.prefix))
        suffix = try c.decode(String.self, forKey: .init(CodingKeys.suffix))
        document = try c.decodeIfPresent(String.self, forKey: .init(CodingKeys.document))
        unknownFields = try JSONValue.unknownFields(in: c, known: Self.knownKeys)
    }

    /// Writes an anchor with the fields it was read with.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONValue.Key.self)
        try c.encode(section, forKey: .init(CodingKeys.section))
        try c.encode(start, forKey: .init(CodingKeys.start))
        try c.encode(end, forKey: .init(CodingKeys.end))
        try c.encode(exact, forKey: .init(CodingKeys.exact))
        try c.encode(prefix, forKey: .init(CodingKeys.prefix))
        try c.encode(suffix, forKey: .init(CodingKeys.suffix))
        try c.encodeIfPresent(document, forKey: .init(CodingKeys.document))
        try JSONValue.encode(unknownFields, in: &c)
    }

    /// The same place: every field this version knows is equal (unknown fields aside).
    func isSamePlace(as other: Anchor) -> Bool {
        section == other.section && start == other.start && end == other.end
            && exact == other.exact && prefix == other.prefix && suffix == other.suffix && document == other.document
    }
}
