import Foundation
import LectioCore
import LectioUI

/// Figures for an EPUB: where opening spends its time, and the start-up against the same
/// book as plain text of the same length (the target: at most 1.2 times as long).
enum EPUBFigures {
    /// The phases of opening an EPUB, once: read, unzip + parse + import + link, layout, frame.
    static func phases(path: String, measure: CharacterWidth) -> [Figure] {
        var t = now()
        let bytes = must("cannot read \(path)") { try Data(contentsOf: URL(fileURLWithPath: path)) }
        let read = now() - t
        t = now()
        let document = must("cannot open \(path)") { try EPUBImporter.document(from: bytes, path: path) }
        let importing = now() - t
        t = now()
        try? EPUBImporter.checkReadable(bytes)
        let check = now() - t
        t = now()
        let preview = Preview.of(bytes, path: path)
        let previewing = now() - t
        t = now()
        let state = AppState(document: document, width: 140, height: 40, measure: measure)
        let layout = now() - t
        t = now()
        _ = FrameRenderer.render(state)
        let frame = now() - t
        return [("  phase: read", read), ("  phase: unzip + parse XHTML + import + link", importing),
                ("  preview phase: check the package (before the terminal)", check),
                ("  preview phase: the opening document alone (\(preview?.document.blocks.count ?? 0) blocks)", previewing),
                ("  phase: state + first layout", layout), ("  phase: first frame", frame)].map {
            Figure(name: $0.0, unit: "ms", median: $0.1, min: $0.1, max: $0.1, runs: 1)
        }
    }

    /// Process start to first frame for the EPUB and for its own text written as a plain-text
    /// file (the same characters, a blank line between paragraphs), alternating runs; and the
    /// ratio of the medians.
    static func startAgainstPlainText(path: String, lectio: String, runs: Int, environment: [String: String]) -> [Figure] {
        guard FileManager.default.isExecutableFile(atPath: lectio) else { return [] }
        let document = must("cannot open \(path)") { try TextOpener.open(path: path) }.document
        // Paragraphs separated by a blank line, as in a plain-text book.
        let text = document.blocks.map(\.text).joined(separator: "\n\n") + "\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectio-bench-epub-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("same-book.txt")
        must("cannot write \(plain.path)") {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: plain, atomically: true, encoding: .utf8)
        }
        var epub: [Double] = [], txt: [Double] = [], epubCPU: [Double] = [], txtCPU: [Double] = []
        for _ in 0..<runs {
            if let t = firstFrame([lectio, "--from-start", "--no-mouse", path], marker: "? help", environment: environment) {
                epub.append(t.milliseconds); epubCPU.append(t.cpuMilliseconds)
            }
            if let t = firstFrame([lectio, "--from-start", "--no-mouse", plain.path], marker: "? help", environment: environment) {
                txt.append(t.milliseconds); txtCPU.append(t.cpuMilliseconds)
            }
        }
        let megabytes = String(format: "%.2f", Double(text.utf8.count) / 1_000_000)
        let a = figure("process start to first frame: this EPUB (runs alternating with the next)", epub)
        let b = figure("process start to first frame: the same text as plain text (\(megabytes) MB)", txt)
        var figures = [a, b]
        if b.median > 0 {
            let ratio = a.median / b.median
            figures.append(Figure(name: "  EPUB / plain text (target ≤ 1.2)", unit: "× ", median: ratio, min: ratio, max: ratio, runs: min(a.runs, b.runs)))
        }
        // The same runs in CPU time (start to quit, all threads): what the ratio tends to
        // when the machine is busy, whatever the second core does for the EPUB.
        let c = figure("CPU time, start to quit after the first frame: this EPUB", epubCPU)
        let d = figure("CPU time, start to quit after the first frame: the same text as plain text", txtCPU)
        figures += [c, d]
        if d.median > 0 {
            let ratio = c.median / d.median
            figures.append(Figure(name: "  EPUB / plain text in CPU time", unit: "× ", median: ratio, min: ratio, max: ratio, runs: min(c.runs, d.runs)))
        }
        return figures
    }
}
