import Foundation
import LectioCore
import LectioUI

// lectio-bench: how fast Lectio opens, pages, resizes, searches and keeps notes, on a given
// book. Not a test: it prints figures (median and spread over repeated runs).
//
//   swift run -c release lectio-bench FILE [--json] [--runs N]
//   swift run -c release lectio-bench --pathological [--json] [--runs N]   (see PathologicalFigures)

struct Figure: Codable {
    var name: String
    var unit: String
    var median: Double
    var min: Double
    var max: Double
    var runs: Int
}

/// A figure from samples in milliseconds (none: zeros, runs 0).
func figure(_ name: String, _ samples: [Double]) -> Figure {
    let sorted = samples.sorted()
    guard let first = sorted.first, let last = sorted.last else { return Figure(name: name, unit: "ms", median: 0, min: 0, max: 0, runs: 0) }
    return Figure(name: name, unit: "ms", median: sorted[sorted.count / 2], min: first, max: last, runs: sorted.count)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
}

/// Times `body` `runs` times, in milliseconds (each run may report its own count of operations).
func measure(_ name: String, runs: Int, per: Int = 1, _ body: () -> Void) -> Figure {
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = now()
        body()
        times.append((now() - t0) / Double(per))
    }
    return figure(name, times)
}

/// The value, or a message on standard error and exit 1 (a missing file, a full disk…).
func must<T>(_ what: String, _ body: () throws -> T) -> T {
    do { return try body() } catch {
        FileHandle.standardError.write(Data("lectio-bench: \(what): \(error)\n".utf8))
        exit(1)
    }
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

var arguments = Array(CommandLine.arguments.dropFirst())
let json = arguments.contains("--json")
arguments.removeAll { $0 == "--json" }
var runs = 7
if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
    runs = max(1, n)
    arguments.removeSubrange(i...(i + 1))
}
if arguments.contains("--pathological") {
    PathologicalFigures.run(runs: runs, json: json, lectio: URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lectio").path)
}
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: lectio-bench FILE [--json] [--runs N] | lectio-bench --pathological [--json] [--runs N]\n".utf8))
    exit(2)
}

var figures: [Figure] = []
let measureWidth = CharacterWidth.unicode
let isEPUB = (try? SourceFile.read(path: path)).map(EPUBImporter.isEPUB) ?? false

// Process start to first complete frame, against less on the same file, alternating runs.
do {
    let lectio = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lectio").path
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("lectio-bench-home-\(getpid())").path
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm-256color"
    env["XDG_STATE_HOME"] = home
    env["XDG_DATA_HOME"] = home
    env["LESS"] = ""
    var ours: [Double] = [], theirs: [Double] = [], resumed: [Double] = [], peaks: [Double] = []
    // A reading state left at the middle of the book, for the runs that resume there.
    let resumeHome = home + "-resumed"
    var resumeEnvironment = env
    resumeEnvironment["XDG_STATE_HOME"] = resumeHome
    resumeEnvironment["XDG_DATA_HOME"] = resumeHome
    if !isEPUB, let bytes = try? SourceFile.read(path: path), let whole = try? TextOpener.open(bytes, path: path).document, !whole.blocks.isEmpty {
        let block = whole.blocks[whole.blockIndex(containing: whole.scalarCount / 2)]
        var state = ReadingState(position: block.start, top: block.start, history: JumpHistory(), marks: [:], searches: [])
        state.resume = ResumePoint(state, document: whole, bytes: bytes, modified: FileStatus(path: path)?.modified, percent: 50)
        try? state.save(path: ReadingState.path(forText: path, bundled: false, environment: resumeEnvironment))
    }
    if FileManager.default.isExecutableFile(atPath: lectio) {
        for _ in 0..<runs {
            if let f = firstFrame([lectio, "--from-start", "--no-mouse", path], marker: "? help", environment: env) { ours.append(f.milliseconds) }
            // Its peak memory with the whole book imported: to its end (`G`), then quit.
            if let f = firstFrame([lectio, "--from-start", "--no-mouse", path], marker: "? help", environment: env, then: ("G", "100%")),
               let peak = f.peakMemoryMB {
                peaks.append(peak)
            }
            if !isEPUB, let t = firstFrameMilliseconds([lectio, "--no-mouse", path], marker: "? help", environment: resumeEnvironment) { resumed.append(t) }
            if !isEPUB, let t = firstFrameMilliseconds(["less", path], marker: (path as NSString).lastPathComponent, environment: env) { theirs.append(t) }
        }
    }
    try? FileManager.default.removeItem(atPath: resumeHome)
    try? FileManager.default.removeItem(atPath: home)
    for (name, values) in [("process start to first frame: lectio", ours), ("process start to first frame: less", theirs),
                           ("process start to first frame, resumed at 50%: lectio", resumed)] where !values.isEmpty {
        figures.append(figure(name, values))
    }
    let less = figure("", theirs).median
    for (name, values) in [("  first frame / less (target ≤ 2)", ours), ("  first frame resumed at 50% / less (target ≤ 2)", resumed)] where !values.isEmpty && less > 0 {
        let ratio = figure("", values).median / less
        figures.append(Figure(name: name, unit: "× ", median: ratio, min: ratio, max: ratio, runs: values.count))
    }
    if !peaks.isEmpty {
        var peak = figure("reader peak memory (open, whole import, G to the end, quit)", peaks)
        peak.unit = "MB"
        figures.append(peak)
    }
    // The process alone: `lectio --version` against `less --version`, alternating.
    if FileManager.default.isExecutableFile(atPath: lectio) {
        var version: [Double] = [], lessVersion: [Double] = []
        let lessPath = ["/usr/bin/less", "/bin/less"].first { FileManager.default.isExecutableFile(atPath: $0) }
        for _ in 0..<max(15, runs * 3) {
            if let t = runMilliseconds([lectio, "--version"]) { version.append(t) }
            if let lessPath, let t = runMilliseconds([lessPath, "--version"]) { lessVersion.append(t) }
        }
        figures.append(figure("lectio --version", version))
        if !lessVersion.isEmpty { figures.append(figure("less --version", lessVersion)) }
    }
    if ours.isEmpty { FileHandle.standardError.write(Data("(build lectio in release to time its start: swift build -c release)\n".utf8)) }
    if isEPUB { figures += EPUBFigures.startAgainstPlainText(path: path, lectio: lectio, runs: runs, environment: env) }
}

// The phases of opening, once, to see where the time goes.
if isEPUB { figures += EPUBFigures.phases(path: path, measure: measureWidth) }
if !isEPUB {
    var t = now()
    let decoded = must("cannot open \(path)") { try SourceDecoder.load(path: path) }
    let decode = now() - t
    t = now()
    let doc = TextOpener.importDocument(decoded.text, path: path)
    let importing = now() - t
    t = now()
    let state = AppState(document: doc, width: 140, height: 40, measure: measureWidth)
    let initState = now() - t
    t = now()
    _ = FrameRenderer.render(state)
    let frame = now() - t
    // The preview the reader shows while it imports the whole, as the reader makes it: read the
    // file's start, check it, import a window, lay out, draw.
    t = now()
    let sample = must("cannot open \(path)") { try SourceFile.sample(path: path, count: Preview.sampleSize) }
    let readBytes = now() - t
    t = now()
    _ = SourceDecoder.looksBinary(sample.head)
    let check = now() - t
    t = now()
    let preview = Preview.of(sample)
    let previewImport = now() - t
    t = now()
    if let preview { _ = FrameRenderer.render(AppState(document: preview.document, width: 140, height: 40, measure: measureWidth)) }
    let previewFrame = now() - t
    for (name, ms) in [("  phase: read + decode", decode), ("  phase: import + link", importing), ("  phase: state + first layout", initState), ("  phase: first frame", frame),
                       ("  preview phase: read the first 64 KB", readBytes), ("  preview phase: binary check", check),
                       ("  preview phase: import the head and a window", previewImport), ("  preview phase: state + layout + frame", previewFrame)] {
        figures.append(Figure(name: name, unit: "ms", median: ms, min: ms, max: ms, runs: 1))
    }
}

// Open: read, decode, import, link, lay out and draw the first screen.
var opened: TextOpener.Opened!
figures.append(measure("open to first frame (in process)", runs: runs) {
    opened = must("cannot open \(path)") { try TextOpener.open(path: path) }
    let state = AppState(document: opened.document, width: 140, height: 40, measure: measureWidth)
    _ = FrameRenderer.render(state)
})
let document = opened.document
let afterOpen = peakMemoryMB()
figures.append(Figure(name: "peak memory after opening", unit: "MB", median: afterOpen, min: afterOpen, max: afterOpen, runs: 1))

// Page turns and line moves over the whole book.
do {
    let state = AppState(document: document, width: 140, height: 40, measure: measureWidth)
    var pages = 0
    let t0 = now()
    while state.percent < 100, pages < 1_000_000 {
        _ = state.update(.key(.space))
        _ = FrameRenderer.render(state)
        pages += 1
    }
    let perPage = (now() - t0) / Double(max(1, pages))
    var samples: [Double] = []
    let back = AppState(document: document, width: 140, height: 40, measure: measureWidth)
    for _ in 0..<min(pages, 300) {
        let t = now()
        _ = back.update(.key(.space))
        _ = FrameRenderer.render(back)
        samples.append(now() - t)
    }
    figures.append(figure("page turn + frame (whole book: \(pages) pages)", samples))
    figures.append(Figure(name: "page turn, mean over the whole book", unit: "ms", median: perPage, min: perPage, max: perPage, runs: 1))
    var lines: [Double] = []
    for _ in 0..<300 {
        let t = now()
        _ = back.update(.key(.char("j")))
        _ = FrameRenderer.render(back)
        lines.append(now() - t)
    }
    figures.append(figure("line move + frame", lines))

    // Resize in the middle of the book: 100 → 140 columns and back.
    let middle = AppState(document: document, width: 100, height: 40, measure: measureWidth)
    _ = middle.update(.key(.char(":")))
    for c in "50%" { _ = middle.update(.key(.char(c))) }
    _ = middle.update(.key(.enter))
    var wide = true
    figures.append(measure("resize 100↔140 columns + frame", runs: runs * 2) {
        _ = middle.update(.resize(width: wide ? 140 : 100, height: 40))
        _ = FrameRenderer.render(middle)
        wide.toggle()
    })
}

// Search over the whole book, notes included.
do {
    let state = AppState(document: document, width: 140, height: 40, measure: measureWidth)
    figures.append(measure("search index (first search only)", runs: 1) { _ = state.searchIndex })
    // A rare word: the longest word of a paragraph nine tenths in; a common one: "the".
    let paragraph = document.blocks[(document.blocks.count * 9 / 10)...].first { $0.kind == .paragraph }?.text ?? "the"
    let words: [Substring] = paragraph.split(whereSeparator: { (c: Character) in !c.isLetter })
    let rare = words.max { $0.count < $1.count }.map(String.init) ?? "the"
    for (label, word) in [("rare", rare), ("common", "the")] {
        var count = 0
        figures.append(measure("search, \(label) word “\(word)”", runs: runs) {
            state.runSearch(word)
            _ = FrameRenderer.render(state)
            count = state.search.result?.hits.count ?? 0
        })
        figures[figures.count - 1].name += " (\(count) matches)"
    }
}

// Outline.
figures.append(measure("outline: open + outline text", runs: runs) {
    let d = must("cannot open \(path)") { try TextOpener.open(path: path) }.document
    _ = Outline(document: d).text()
})

// Notes: a save with 1,000 notes in the file; opening with 10,000.
do {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectio-bench-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = CanonicalText(document: document)
    func notes(_ n: Int) -> [Annotation] {
        (0..<n).map { i in
            let start = (i * 7919) % max(1, text.scalars.count - 40)
            return Annotation(anchor: Anchoring.anchor(document: document, text: text, start: start, end: start + 30), body: "Note \(i) #bench")
        }
    }
    let identity = { NotesFile.TextIdentity(title: document.title, path: path, sha256: "") }
    let thousand = folder.appendingPathComponent("1000.json").path
    must("cannot write \(thousand)") { try NotesFile(text: identity(), notes: notes(1000)).encoded().write(to: URL(fileURLWithPath: thousand)) }
    let store = NotesStore(path: thousand, identity: identity)
    var i = 0
    figures.append(measure("note save, 1,000 notes in the file", runs: runs) {
        i += 1
        must("cannot save a note") { try store.save(Annotation(anchor: Anchoring.anchor(document: document, text: text, start: i * 100, end: i * 100 + 20), body: "new \(i)")) }
    })
    let tenThousand = folder.appendingPathComponent("10000.json").path
    must("cannot write \(tenThousand)") { try NotesFile(text: identity(), notes: notes(10_000)).encoded().write(to: URL(fileURLWithPath: tenThousand)) }
    figures.append(measure("open with 10,000 notes (read + place + frame)", runs: max(3, runs / 2)) {
        let s = NotesStore(path: tenThousand, identity: identity)
        let state = AppState(document: document, width: 140, height: 40, measure: measureWidth, notes: s.notes)
        _ = FrameRenderer.render(state)
    })
}

// Notes: 100,000 of them, opened by the reader and added to from the command line.
if !isEPUB {
    let lectio = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lectio").path
    figures += NotesFigures.hundredThousand(path: path, document: document, lectio: lectio, runs: runs)
}

let peak = peakMemoryMB()
figures.append(Figure(name: "peak memory (whole run)", unit: "MB", median: peak, min: peak, max: peak, runs: 1))

if json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    struct Report: Codable { var file: String; var bytes: Int; var figures: [Figure] }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(String(decoding: must("cannot encode the report") { try encoder.encode(Report(file: path, bytes: bytes, figures: figures)) }, as: UTF8.self))
} else {
    print("lectio-bench \(path)  (\(document.blocks.count) blocks, \(document.sections.count) sections, \(document.footnotes.count) footnote markers)")
    print("")
    let width = figures.map(\.name.count).max() ?? 40
    print("what".padding(toLength: width, withPad: " ", startingAt: 0) + "     median        min        max   runs")
    for f in figures {
        let name = f.name.padding(toLength: width, withPad: " ", startingAt: 0)
        print(name + String(format: " %8.2f %@ %8.2f   %8.2f   %4d", f.median, f.unit, f.min, f.max, f.runs))
    }
}
