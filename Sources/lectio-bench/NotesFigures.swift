import Foundation
import LectioCore
import LectioUI

/// Figures for a notes file of 100,000 notes on the book: the reader's first frame in process
/// (the notes read and placed on the notes thread afterwards, timed apart), the reader's first
/// frame as a process, and `lectio notes add` as a process.
enum NotesFigures {
    static let count = 100_000

    static func hundredThousand(path: String, document: Document, lectio: String, runs: Int) -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectio-bench-notes-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let notesPath = folder.appendingPathComponent("100000.json").path
        let file = NotesFile(text: NotesFile.TextIdentity(title: document.title, path: path, sha256: ""), notes: notes(in: document))
        must("cannot write \(notesPath)") { try file.encoded().write(to: URL(fileURLWithPath: notesPath)) }
        let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: notesPath)[.size] as? Int) ?? 0) / 1_048_576
        let identity = { file.text }
        var figures: [Figure] = []

        // The reader's way: the first frame does not wait for the notes; they are read and
        // placed on the notes thread (timed here on their own).
        figures.append(measure("100,000 notes: open to first frame (in process)", runs: runs) {
            let opened = must("cannot open \(path)") { try TextOpener.open(path: path) }
            _ = NotesStore(path: notesPath, readingNow: false, identity: identity)
            let state = AppState(document: opened.document, width: 140, height: 40, measure: .unicode)
            state.notesArePlacing = true
            _ = FrameRenderer.render(state)
        })
        let text = SourceText(canonical: CanonicalText(document: document))
        var placed = 0
        figures.append(measure("100,000 notes: read + place all (notes thread, after the first frame)", runs: max(3, runs / 2)) {
            let store = NotesStore(path: notesPath, readingNow: false, identity: identity)
            store.load()
            placed = PlacedNote.place(store.notes, in: text).count
        })
        if placed != count { FileHandle.standardError.write(Data("lectio-bench: \(placed) of \(count) notes placed\n".utf8)) }

        // What the app loop does when a save's result comes: the new note placed, not all.
        let store = NotesStore(path: notesPath, identity: identity)
        let all = store.notes
        let state = AppState(document: document, width: 140, height: 40, measure: .unicode)
        _ = state.update(.notesPlaced(PlacedNote.place(all, in: text), readOnlyReason: nil, notice: nil))
        var i = 0
        var samples: [Double] = []
        for _ in 0..<runs {
            i += 1
            let anchor = Anchoring.anchor(document: document, text: text, start: i * 1000, end: i * 1000 + 20)
            let note = Annotation(anchor: anchor, body: "saved \(i)")
            let notes = all + [note]
            let t0 = now()
            _ = state.update(.noteSaved(note, notes: notes))
            samples.append(now() - t0)
        }
        figures.append(figure("100,000 notes: a save's result on the app loop", samples))
        figures.append(measure("100,000 notes: a frame (notes pane shown)", runs: runs) { _ = FrameRenderer.render(state) })

        guard FileManager.default.isExecutableFile(atPath: lectio) else { return figures }
        let home = folder.appendingPathComponent("home").path
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["XDG_STATE_HOME"] = home
        env["XDG_DATA_HOME"] = home
        var frames: [Double] = []
        for _ in 0..<runs {
            if let t = firstFrameMilliseconds([lectio, "--from-start", "--no-mouse", "--notes", notesPath, path], marker: "? help", environment: env) {
                frames.append(t)
            }
        }
        figures.append(figure("100,000 notes: process start to first frame", frames))
        // A word of a paragraph half-way through, its first occurrence.
        let paragraph = document.blocks[(document.blocks.count / 2)...].first { $0.kind == .paragraph }?.text ?? "the"
        let words: [Substring] = paragraph.split(whereSeparator: { (c: Character) in !c.isLetter })
        let word = words.max { $0.count < $1.count }.map(String.init) ?? "the"
        var adds: [Double] = []
        var failures = 0
        for i in 0..<runs {
            let t0 = now()
            let status = run(lectio, ["notes", "add", path, "--notes", notesPath, "--quote", word, "--occurrence", "1", "--body", "bench \(i)"], environment: env)
            if status == 0 { adds.append(now() - t0) } else { failures += 1 }
        }
        if failures > 0 { FileHandle.standardError.write(Data("lectio-bench: notes add failed \(failures) times\n".utf8)) }
        figures.append(figure(String(format: "100,000 notes: add from the command line (%.0f MB file)", megabytes), adds))
        return figures
    }

    /// `count` notes of 30 characters spread over the text.
    static func notes(in document: Document) -> [Annotation] {
        let text = CanonicalText(document: document)
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        return (0..<count).map { i in
            let start = (i * 7919) % max(1, text.scalars.count - 40)
            let anchor = Anchoring.anchor(document: document, text: text, start: start, end: start + 30)
            return Annotation(anchor: anchor, body: "Note \(i) #bench", id: "bench-\(i)", now: date)
        }
    }

    /// Runs a program to its end, its output thrown away; its exit status.
    static func run(_ program: String, _ arguments: [String], environment: [String: String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
