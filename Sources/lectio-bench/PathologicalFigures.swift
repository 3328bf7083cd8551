import Foundation
import LectioCore
import LectioUI

/// Figures on texts made to be hard: a 50 MB file that is one line, and Markdown nested
/// thousands of levels deep. The files are made in a temporary folder and removed after.
///
///   swift run -c release lectio-bench --pathological [--json] [--runs N]
enum PathologicalFigures {
    /// Measures every figure, prints them as `main` does its own, and exits.
    static func run(runs: Int, json: Bool, lectio: String) -> Never {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectio-bench-pathological-\(getpid())")
        let home = folder.appendingPathComponent("home").path
        do {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        } catch {
            FileHandle.standardError.write(Data("lectio-bench: cannot make \(folder.path): \(error)\n".utf8))
            exit(1)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        var figures: [Figure] = []
        let oneLine = folder.appendingPathComponent("one-line.txt").path
        let nested = folder.appendingPathComponent("nested.md").path
        must("cannot write \(oneLine)") { try Data(oneLineText(bytes: 50_000_000).utf8).write(to: URL(fileURLWithPath: oneLine)) }
        must("cannot write \(nested)") { try Data(nestedQuotes(lines: 5_000).utf8).write(to: URL(fileURLWithPath: nested)) }

        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["XDG_STATE_HOME"] = home
        env["XDG_DATA_HOME"] = home
        env["XDG_CONFIG_HOME"] = home
        var starts: [Double] = [], peaks: [Double] = []
        if FileManager.default.isExecutableFile(atPath: lectio) {
            for _ in 0..<runs {
                if let frame = firstFrame([lectio, "--from-start", "--no-mouse", oneLine], marker: "? help", environment: env) {
                    starts.append(frame.milliseconds)
                }
                // The peak with the whole line imported (keys wait for it): to its end, then quit.
                if let frame = firstFrame([lectio, "--from-start", "--no-mouse", oneLine], marker: "? help", environment: env, then: ("G", "100%")),
                   let peak = frame.peakMemoryMB {
                    peaks.append(peak)
                }
            }
        } else {
            FileHandle.standardError.write(Data("(build lectio in release to time its start: swift build -c release)\n".utf8))
        }
        if !starts.isEmpty {
            figures.append(figure("50 MB one-line file: process start to first frame", starts))
            var memory = figure("50 MB one-line file: reader peak memory", peaks)
            memory.unit = "MB"
            figures.append(memory)
        }

        // In process: the phases of opening, then resizes in the middle of the line.
        var t = now()
        let opened = must("cannot open \(oneLine)") { try TextOpener.open(path: oneLine) }
        let importing = now() - t
        t = now()
        let state = AppState(document: opened.document, width: 100, height: 40, measure: .unicode)
        _ = FrameRenderer.render(state)
        let frame = now() - t
        figures.append(Figure(name: "50 MB one-line file: read + import (in process)", unit: "ms", median: importing, min: importing, max: importing, runs: 1))
        figures.append(Figure(name: "50 MB one-line file: state + first frame (in process)", unit: "ms", median: frame, min: frame, max: frame, runs: 1))
        goTo(percent: 50, in: state)
        // 100 ↔ 60 columns: the text column changes (at 100 and 140 both, the measure keeps it at 72).
        var narrow = true
        figures.append(measure("50 MB one-line file: resize + frame", runs: runs * 2) {
            _ = state.update(.resize(width: narrow ? 60 : 100, height: 40))
            _ = FrameRenderer.render(state)
            narrow.toggle()
        })
        var ends: [Double] = []
        for _ in 0..<runs {
            goTo(percent: 50, in: state)
            let t0 = now()
            _ = state.update(.key(.char("G")))
            _ = FrameRenderer.render(state)
            ends.append(now() - t0)
        }
        figures.append(figure("50 MB one-line file: from the middle to the end (G) + frame", ends))
        figures.append(measure("12 MB of block quotes nested to 2,400 levels: open + outline", runs: runs) {
            let d = must("cannot open \(nested)") { try TextOpener.open(path: nested) }.document
            _ = Outline(document: d).text()
        })
        print(report(figures, json: json))
        exit(0)
    }

    /// Goes to `percent` of the text, as `:50%` does.
    static func goTo(percent: Int, in state: AppState) {
        _ = state.update(.key(.char(":")))
        for c in "\(percent)%" { _ = state.update(.key(.char(c))) }
        _ = state.update(.key(.enter))
    }

    /// Words and punctuation on one line of about `bytes` bytes, the same every run.
    static func oneLineText(bytes: Int) -> String {
        let words = ["alpha", "beta", "gamma", "delta.", "epsilon,"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var out = ""
        out.reserveCapacity(bytes + 16)
        while out.utf8.count < bytes {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out += words[Int(state >> 33) % words.count]
            out += " "
        }
        return out + "\n"
    }

    /// `lines` lines of text, each opening a quote nested up to 2,400 deep.
    static func nestedQuotes(lines: Int) -> String {
        (0..<lines).map { i in String(repeating: "> ", count: 1 + (i * 7919) % 2_400) + "some words of text here" }.joined(separator: "\n") + "\n"
    }

    /// The figures as a table, or JSON.
    static func report(_ figures: [Figure], json: Bool) -> String {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: must("cannot encode the report") { try encoder.encode(figures) }, as: UTF8.self)
        }
        let width = figures.map(\.name.count).max() ?? 40
        var out = "lectio-bench --pathological\n\n" + "what".padding(toLength: width, withPad: " ", startingAt: 0) + "     median        min        max   runs\n"
        for f in figures {
            out += f.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %8.2f %@ %8.2f   %8.2f   %4d\n", f.median, f.unit, f.min, f.max, f.runs)
        }
        return out
    }
}
