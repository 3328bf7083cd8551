import Foundation

/// A notes file as it stands on disk: its bytes, where each note stands in them and its id
/// (every note checked, none decoded). A change of one note is made on the bytes — the note
/// added, replaced or taken out, the other notes' bytes kept as they are — so that adding a
/// note to a file of 100,000 encodes one note and decodes none.
struct NotesFileImage {
    let data: Data
    private(set) var index: NotesJSONReader.Index
    /// Whether no two notes share an id (else the file is rewritten whole, telling them apart).
    let idsAreUnique: Bool

    /// The image of `data`, read from `path`; throws why it is not a notes file this version
    /// can rewrite (as `NotesFile.decode` says it).
    init(data: Data, path: String) throws {
        do { index = try NotesJSONReader.index(of: data) } catch {
            throw NotesFile.explain(error, data: data, path: path)
        }
        if index.schemaVersion > NotesFile.currentSchemaVersion { throw NotesFileError.futureVersion(path, index.schemaVersion) }
        self.data = data
        idsAreUnique = Set(index.ids).count == index.ids.count
    }

    private init(data: Data, index: NotesJSONReader.Index) {
        self.data = data
        self.index = index
        idsAreUnique = true
    }

    /// The whole file, decoded.
    func file(path: String) throws -> NotesFile { try NotesFile.decode(data, path: path) }

    /// The note at `k`.
    func note(at k: Int, path: String) throws -> Annotation {
        do { return try NotesJSONReader.note(in: data, at: index.notes[k]) } catch {
            throw NotesFile.explain(error, data: data, path: path)
        }
    }

    /// The file with `note` after the last one; `nil` when the file is not laid out in the
    /// house style there (it is then rewritten whole).
    func appending(_ note: Annotation) -> NotesFileImage? {
        guard let last = index.notes.last, idsAreUnique, startsOnItsLine(last),
              bytes(last.upperBound..<index.array.upperBound) == Array("\n  ]".utf8) else { return nil }
        let added = Array(",\n    ".utf8) + NotesJSONWriter.encoded(note: note)
        var next = splice(last.upperBound..<last.upperBound, with: added)
        next.index.notes.append((last.upperBound + 6)..<(last.upperBound + added.count))
        next.index.ids.append(note.id)
        return next
    }

    /// The file with the note at `k` replaced by `note`; `nil` when it is not laid out in the
    /// house style there.
    func replacing(_ k: Int, with note: Annotation) -> NotesFileImage? {
        let old = index.notes[k]
        guard idsAreUnique, startsOnItsLine(old) else { return nil }
        let bytes = NotesJSONWriter.encoded(note: note)
        var next = splice(old, with: bytes)
        next.index.notes[k] = old.lowerBound..<(old.lowerBound + bytes.count)
        next.index.ids[k] = note.id
        return next
    }

    /// The file without the note at `k`; `nil` for the only note (the file is rewritten).
    func removing(_ k: Int) -> NotesFileImage? {
        let notes = index.notes
        guard idsAreUnique, notes.count > 1 else { return nil }
        // The note and the comma before it (after it, for the first).
        let cut = k > 0 ? notes[k - 1].upperBound..<notes[k].upperBound : notes[0].lowerBound..<notes[1].lowerBound
        var next = splice(cut, with: [])
        next.index.notes.remove(at: k)
        next.index.ids.remove(at: k)
        return next
    }

    /// Whether the note at `range` stands at the start of its line, four spaces in.
    private func startsOnItsLine(_ range: Range<Int>) -> Bool {
        range.lowerBound >= 5 && bytes((range.lowerBound - 5)..<range.lowerBound) == Array("\n    ".utf8)
    }

    private func bytes(_ range: Range<Int>) -> [UInt8] {
        guard range.lowerBound >= 0, range.upperBound <= data.count else { return [] }
        return [UInt8](data[data.startIndex + range.lowerBound ..< data.startIndex + range.upperBound])
    }

    /// `bytes` in place of `range`, every place after it moved by the difference (the notes'
    /// ranges after it and the array's end; the caller fixes the note it changed).
    private func splice(_ range: Range<Int>, with bytes: [UInt8]) -> NotesFileImage {
        var data = Data(capacity: self.data.count + bytes.count)
        let base = self.data.startIndex
        data.append(self.data[base ..< base + range.lowerBound])
        data.append(contentsOf: bytes)
        data.append(self.data[base + range.upperBound ..< self.data.endIndex])
        let shift = bytes.count - range.count
        var index = self.index
        if shift != 0 {
            for k in index.notes.indices where index.notes[k].lowerBound >= range.upperBound {
                index.notes[k] = (index.notes[k].lowerBound + shift)..<(index.notes[k].upperBound + shift)
            }
        }
        index.array = index.array.lowerBound..<(index.array.upperBound + shift)
        return NotesFileImage(data: data, index: index)
    }
}
