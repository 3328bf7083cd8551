import Foundation
import Testing
@testable import LectioCore

/// The notes file's own JSON reader and writer against Foundation's: the same bytes written,
/// the same values read, the same files refused.
@Suite struct NotesJSONTests {
    /// A file with every kind of field: a note on an EPUB passage, one with unknown fields at
    /// every level (numbers, nested objects and arrays, empty ones), controls, quotes, accents,
    /// emoji and slashes in strings, no tags, no size.
    static func variedFile() -> NotesFile {
        var first = Annotation(anchor: Anchor(section: "Chapter 1 — “Quotes”", start: 10, end: 42, exact: "line one\nline\ttwo \"quoted\" \\ back/slash",
                                              prefix: "\u{1}\u{8}\u{C}\r\u{1F}\u{7F}", suffix: "é😀\u{2028}"),
                               body: "A body #tag with / and \u{0}", id: "a/1", now: Date(timeIntervalSince1970: 0))
        first.anchor.document = "OPS/chapter_001.xhtml"
        var second = Annotation(anchor: Anchor(section: "", start: 0, end: 0, exact: "", prefix: "", suffix: ""), body: "",
                                id: "b", now: Date(timeIntervalSince1970: 86_400))
        second.tags = []
        second.unknownFields = [
            "Zeta": .integer(-9_223_372_036_854_775_808), "alpha": .number(1.5), "a10": .number(1e20), "a9": .number(0.1),
            "nested": .object(["x": .array([.null, .bool(true), .bool(false), .string("s"), .object([:]), .array([])]), "_": .object([:])]),
            "big": .number(-1e-7), "é": .string("accent key"),
        ]
        second.anchor.unknownFields = ["selector": .object(["type": .string("TextQuoteSelector")]), "empty": .array([])]
        var identity = NotesFile.TextIdentity(title: "T/itle", path: "/books/t.txt", sha256: "abc")
        identity.unknownFields = ["isbn": .string("978")]
        var file = NotesFile(text: identity, notes: [first, second])
        file.unknownFields = ["generator": .object(["name": .string("other tool"), "version": .integer(3)])]
        return file
    }

    func foundationBytes(_ file: NotesFile) throws -> [UInt8] {
        Array(try JSONFormat.encoder().encode(file)) + [0x0A]
    }

    @Test func writesWhatJSONEncoderWritesByteForByte() throws {
        let varied = Self.variedFile()
        #expect(NotesJSONWriter.encoded(varied) == (try foundationBytes(varied)))
        // Without unknown fields (the direct path), with and without notes and sizes.
        var plain = varied
        plain.unknownFields = [:]
        plain.text.unknownFields = [:]
        plain.text.size = 1234
        plain.notes = plain.notes.map { n in
            var n = n
            n.unknownFields = [:]
            n.anchor.unknownFields = [:]
            return n
        }
        #expect(NotesJSONWriter.encoded(plain) == (try foundationBytes(plain)))
        let empty = NotesFile(text: plain.text, notes: [])
        #expect(NotesJSONWriter.encoded(empty) == (try foundationBytes(empty)))
    }

    @Test func readsWhatJSONDecoderReads() throws {
        let varied = Self.variedFile()
        let data = Data(try foundationBytes(varied))
        let ours = try NotesFile.decode(data, path: "n.json")
        let theirs = try JSONDecoder().decode(NotesFile.self, from: data)
        #expect(ours == theirs)
        #expect(ours.notes[1].unknownFields["nested"] == varied.notes[1].unknownFields["nested"])
        #expect(ours.notes[0].anchor.prefix == "\u{1}\u{8}\u{C}\r\u{1F}\u{7F}")
        // And what it reads, it writes back unchanged.
        #expect(NotesJSONWriter.encoded(ours) == Array(data))
    }

    @Test func readsCompactJSONWithEscapesAndIntegersWrittenAsDecimals() throws {
        let json = #"{"schemaVersion":2.0,"text":{"title":"t","path":"p","sha256":"s","size":null},"notes":[{"id":"x","created":"c","modified":"m","#
            + #""body":"caf\u00e9 \ud83d\ude00 \/ \n","tags":["a"],"anchor":{"section":"s","start":1e1,"end":12,"exact":"e","prefix":"","suffix":"","document":null}}],"#
            + #""extra":[1,2.5,-0,1E2],"id":"first wins","id":"second"}"#
        let ours = try NotesFile.decode(Data(json.utf8), path: "n.json")
        let theirs = try JSONDecoder().decode(NotesFile.self, from: Data(json.utf8))
        #expect(ours == theirs)
        #expect(ours.notes[0].body == "café 😀 / \n")
        #expect(ours.notes[0].anchor.start == 10)
        #expect(ours.unknownFields["extra"] == .array([.integer(1), .number(2.5), .integer(0), .integer(100)]))
        #expect(ours.unknownFields["id"] == .string("first wins"))
        // A comma before a closing brace is let pass, as JSONDecoder lets it.
        let comma = json.replacingOccurrences(of: #""size":null}"#, with: #""size":null,}"#)
        #expect((try? JSONDecoder().decode(NotesFile.self, from: Data(comma.utf8))) == ours)
        #expect((try? NotesFile.decode(Data(comma.utf8), path: "n.json")) == ours)
    }

    @Test(arguments: [
        "{\"schemaVersion\": 2, \"text\": {\"title\": \"a\tb\", \"path\": \"p\", \"sha256\": \"s\"}, \"notes\": []}",
        "{\"schemaVersion\": 2, \"text\": {\"title\": \"\\ud800\", \"path\": \"p\", \"sha256\": \"s\"}, \"notes\": []}",
        "{\"schemaVersion\": 02, \"text\": {\"title\": \"t\", \"path\": \"p\", \"sha256\": \"s\"}, \"notes\": []}",
        "{\"schemaVersion\": 2, \"text\": {\"title\": \"t\", \"path\": \"p\", \"sha256\": \"s\"}, \"notes\": []} x",
        "{\"schemaVersion\": 2, \"text\": {\"title\": \"t\", \"path\": \"p\", \"sha256\": \"s\"}, \"notes\": [",
        "{\"schemaVersion\": 2, \"text\": {\"title\": \"t\", \"path\": \"p\", \"sha256\": \"s\"}, \"notes\": [,]}",
    ])
    func refusesWhatJSONDecoderRefuses(json: String) {
        #expect(throws: (any Error).self) { try JSONDecoder().decode(NotesFile.self, from: Data(json.utf8)) }
        #expect(throws: NotesFileError.unreadable("n.json", "not a JSON notes file")) { try NotesFile.decode(Data(json.utf8), path: "n.json") }
        #expect(throws: NotesFileError.unreadable("n.json", "not a JSON notes file")) { try NotesFileImage(data: Data(json.utf8), path: "n.json") }
    }

    @Test func deeplyNestedValuesAreRefusedNotFollowedToTheEndOfTheStack() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let json = #"{"schemaVersion":2,"text":{"title":"t","path":"p","sha256":"s"},"notes":[],"x":\#(deep)}"#
        #expect(throws: NotesFileError.unreadable("n.json", "not a JSON notes file")) { try NotesFile.decode(Data(json.utf8), path: "n.json") }
        #expect(throws: NotesFileError.unreadable("n.json", "not a JSON notes file")) { try NotesFileImage(data: Data(json.utf8), path: "n.json") }
        // Nesting as deep as a tool may write it is read.
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let ok = json.replacingOccurrences(of: deep, with: fine)
        #expect(try NotesFile.decode(Data(ok.utf8), path: "n.json").unknownFields["x"] != nil)
    }

    @Test func saysWhichFieldIsWrong() {
        let note = #"{"id":"x","created":"c","modified":"m","body":"b","tags":[],"anchor":{"section":"s","start":10,"end":12,"exact":"e","prefix":"","suffix":""}}"#
        let file = #"{"schemaVersion":2,"text":{"title":"t","path":"p","sha256":"s"},"notes":[\#(note)]}"#
        let wrong = file.replacingOccurrences(of: #""start":10"#, with: #""start":"ten""#)
        #expect(throws: NotesFileError.unreadable("n.json", "wrong type at notes.0.anchor.start")) { try NotesFile.decode(Data(wrong.utf8), path: "n.json") }
        #expect(throws: NotesFileError.unreadable("n.json", "wrong type at notes.0.anchor.start")) { try NotesFileImage(data: Data(wrong.utf8), path: "n.json") }
        let noBody = file.replacingOccurrences(of: #""body":"b","#, with: "")
        #expect(throws: NotesFileError.unreadable("n.json", "missing field \"body\"")) { try NotesFile.decode(Data(noBody.utf8), path: "n.json") }
        #expect(throws: NotesFileError.unreadable("n.json", "missing field \"body\"")) { try NotesFileImage(data: Data(noBody.utf8), path: "n.json") }
        let future = file.replacingOccurrences(of: #""schemaVersion":2"#, with: #""schemaVersion":3"#)
            .replacingOccurrences(of: #""tags":[]"#, with: #""tags":{}"#)
        #expect(throws: NotesFileError.futureVersion("n.json", 3)) { try NotesFile.decode(Data(future.utf8), path: "n.json") }
    }
}
