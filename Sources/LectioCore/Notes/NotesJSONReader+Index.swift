import Foundation

/// The index of a notes file: every note checked as `NotesJSONReader.file(from:)` checks it
/// (each field there and of its type), but only its place in the bytes and its id kept.
extension NotesJSONReader {
    /// What a notes file holds, without its notes decoded.
    struct Index {
        var schemaVersion: Int
        var text: NotesFile.TextIdentity
        /// Where each note's object stands in the bytes (from `{` to `}`).
        var notes: [Range<Int>]
        var ids: [String]
        /// Where the notes array stands (from `[` to `]`).
        var array: Range<Int>
    }

    /// The index of the notes file in `data`; fails as `file(from:)` fails.
    static func index(of data: Data) throws(Failure) -> Index {
        do {
            return try data.withUnsafeBytes { raw in
                var reader = NotesJSONReader(raw.bindMemory(to: UInt8.self))
                let index = try reader.readIndex()
                reader.skipSpace()
                guard reader.i == reader.b.count else { throw Failure.syntax }
                return index
            }
        } catch let failure as Failure { throw failure } catch { throw .syntax }
    }

    /// One note of `data`, at `range` (from its index).
    static func note(in data: Data, at range: Range<Int>) throws(Failure) -> Annotation {
        do {
            return try data.withUnsafeBytes { raw in
                var reader = NotesJSONReader(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<range.upperBound]))
                reader.i = range.lowerBound
                return try reader.readNote()
            }
        } catch let failure as Failure { throw failure } catch { throw .syntax }
    }

    private mutating func readIndex() throws -> Index {
        var version: Int?, text: NotesFile.TextIdentity?
        var notes: [Range<Int>]?, ids: [String] = [], array = 0..<0
        try object { r, key in
            switch key {
            case "schemaVersion" where version == nil: version = try r.integer(key)
            case "text" where text == nil: text = try r.nested(key) { try $0.readIdentity() }
            case "notes" where notes == nil:
                var ranges: [Range<Int>] = []
                r.skipSpace()
                let start = r.i
                try r.nested(key) { r in
                    try r.array { r, index in
                        r.skipSpace()
                        let from = r.i
                        ids.append(try r.nested(String(index)) { try $0.checkNote() })
                        ranges.append(from..<r.i)
                    }
                }
                notes = ranges
                array = start..<r.i
            case "schemaVersion", "text", "notes": try r.skipValue()
            default: try r.skipValue()
            }
        }
        guard let version else { throw Failure.missing("schemaVersion") }
        guard let text else { throw Failure.missing("text") }
        guard let notes else { throw Failure.missing("notes") }
        return Index(schemaVersion: version, text: text, notes: notes, ids: ids, array: array)
    }

    /// Checks the note here as `readNote()` reads it; returns its id.
    private mutating func checkNote() throws -> String {
        var id: String?
        var seen = 0
        try objectKeys { r, key in
            let bit = Self.bit(of: key, in: Self.noteKeys)
            guard seen & bit == 0 else { try r.skipValue(); return }
            seen |= bit
            switch bit {
            case 1 << 0: id = try r.string("id")
            case 1 << 1, 1 << 2, 1 << 4: try r.checkString(bit)
            case 1 << 3: try r.nested("anchor") { try $0.checkAnchor() }
            case 1 << 5:
                try r.nested("tags") { r in
                    r.skipSpace()
                    guard r.peek == UInt8(ascii: "[") else { throw r.wrongType("") }
                    try r.array { r, index in try r.checkString(index: index) }
                }
            default: try r.skipValue()
            }
        }
        for (k, key) in Self.noteKeys.enumerated() where seen & (1 << k) == 0 { throw Failure.missing("\(key)") }
        return id ?? ""
    }

    /// A note's keys, in the order `readNote()` asks for them.
    private static let noteKeys: [StaticString] = ["id", "created", "modified", "anchor", "body", "tags"]
    private static let anchorKeys: [StaticString] = ["section", "start", "end", "exact", "prefix", "suffix", "document"]

    /// `1 << k` for the `k`th of `names` that `key` is, else 0; told apart by length and first
    /// letter before the bytes are compared (it runs for every key of every note).
    private static func bit(of key: UnsafeBufferPointer<UInt8>, in names: [StaticString]) -> Int {
        guard let base = key.baseAddress, let first = key.first else { return 0 }
        let k: Int
        if names.count == 6 {  // a note's keys
            switch (key.count, first) {
            case (2, UInt8(ascii: "i")): k = 0
            case (7, UInt8(ascii: "c")): k = 1
            case (8, UInt8(ascii: "m")): k = 2
            case (6, UInt8(ascii: "a")): k = 3
            case (4, UInt8(ascii: "b")): k = 4
            case (4, UInt8(ascii: "t")): k = 5
            default: return 0
            }
        } else {  // an anchor's keys
            switch (key.count, first) {
            case (7, UInt8(ascii: "s")): k = 0
            case (5, UInt8(ascii: "s")): k = 1
            case (3, UInt8(ascii: "e")): k = 2
            case (5, UInt8(ascii: "e")): k = 3
            case (6, UInt8(ascii: "p")): k = 4
            case (6, UInt8(ascii: "s")): k = 5
            case (8, UInt8(ascii: "d")): k = 6
            default: return 0
            }
        }
        let name = names[k]
        guard name.utf8CodeUnitCount == key.count, memcmp(name.utf8Start, base, key.count) == 0 else { return 0 }
        return 1 << k
    }

    private mutating func checkAnchor() throws {
        var seen = 0
        try objectKeys { r, key in
            let bit = Self.bit(of: key, in: Self.anchorKeys)
            guard seen & bit == 0 else { try r.skipValue(); return }
            seen |= bit
            switch bit {
            case 1 << 0, 1 << 3, 1 << 4, 1 << 5: try r.checkString(bit, of: Self.anchorKeys)
            case 1 << 1, 1 << 2: _ = try r.integer(bit == 2 ? "start" : "end")
            case 1 << 6: try r.nested("document") { _ = try $0.optionalString() }
            default: try r.skipValue()
            }
        }
        for (k, key) in Self.anchorKeys.enumerated().dropLast() where seen & (1 << k) == 0 { throw Failure.missing("\(key)") }
    }

    /// Checks that the value here is a string; `bit` names its key among `names` (for the message).
    private mutating func checkString(_ bit: Int, of names: [StaticString] = noteKeys) throws {
        skipSpace()
        if peek == UInt8(ascii: "\"") { return try skipStringLiteral() }
        try checkString("\(names[bit.trailingZeroBitCount])")
    }

    private mutating func checkString(index: Int) throws {
        skipSpace()
        if peek == UInt8(ascii: "\"") { return try skipStringLiteral() }
        try checkString(String(index))
    }

    private mutating func checkString(_ key: String) throws {
        skipSpace()
        if peek == UInt8(ascii: "\"") { return try skipStringLiteral() }
        if peek == UInt8(ascii: "n") { try literal("null"); throw Failure.null((path + [key]).joined(separator: ".")) }
        throw wrongType(key)
    }
}
