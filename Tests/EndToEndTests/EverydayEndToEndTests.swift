import Foundation
import LectioTestSupport
import LectioCore
import Testing

/// Everyday use in a real terminal: a config file's binding, a config with a mistake, and the
/// library across runs (three texts, then `lectio library`, then switching inside the reader).
@Suite(.serialized) struct EverydayEndToEndTests {
    init() throws {
        try #require(TmuxSession.tmuxPath != nil)
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path))
    }

    /// A home for one test: state, data and config under one temporary folder.
    func home(config: String? = nil) throws -> URL {
        let home = try Fixtures.temporaryFolder()
        if let config {
            let folder = home.appendingPathComponent("lectio")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(config.utf8).write(to: folder.appendingPathComponent("config.toml"))
        }
        return home
    }

    func cursorLine(_ screen: String) -> String? { screen.split(separator: "\n").first { $0.contains("▌") }.map(String.init) }

    @Test func aBindingFromTheConfigFileTakesEffect() throws {
        let home = try home(config: "measure = 60\n\n[keys.reading]\n\"ctrl-d\" = \"page_down\"\n")
        let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(home: home))
        let first = try tmux.wait(for: "? help")
        #expect(!first.contains("config.toml"))
        // The config's measure: lines of at most 60 columns.
        let widths = first.split(separator: "\n").dropLast()
            .map { CharacterWidth.unicode.width(of: ScreenText.withoutRuler($0).drop { $0 == " " || $0 == "▌" }) }
        #expect((widths.max() ?? 0) <= 60 && (widths.max() ?? 0) > 50, "\(widths)")
        try tmux.send("C-d")
        let paged = try tmux.waitStable { self.cursorLine($0) != self.cursorLine(first) }
        try tmux.send("g")
        try tmux.waitStable { self.cursorLine($0) == self.cursorLine(first) }
        try tmux.send("Space")
        let spaced = try tmux.waitStable { self.cursorLine($0) != self.cursorLine(first) }
        #expect(cursorLine(paged) == cursorLine(spaced), "Ctrl-D moves a page, as Space does")
        try tmux.send("g")
        try tmux.waitStable { self.cursorLine($0) == self.cursorLine(first) }
        try tmux.send("d")
        let half = try tmux.waitStable { self.cursorLine($0) != self.cursorLine(first) }
        #expect(cursorLine(half) != cursorLine(spaced), "d still moves half a page")
        // The help screen shows the binding in force.
        try tmux.send("?")
        let help = try tmux.wait(for: "Keys")
        // A long list of keys stands on its own line, its summary on the next.
        let rows = help.split(separator: "\n").map(String.init)
        let entries = rows.indices.filter { rows[$0].contains("Space") && rows[$0].contains("Ctrl-D") }
            .map { rows[$0] + (($0 + 1) < rows.count ? rows[$0 + 1] : "") }
        #expect(entries.contains { $0.contains("= page_down") })
        try tmux.send("q")
        try tmux.send("q")
        #expect(try tmux.wait(for: "DONE").contains("EXIT=0"))
    }

    @Test func aConfigWithAnUnknownCommandNamesTheLineAndStillStarts() throws {
        let home = try home(config: "# keys\n[keys.reading]\n\"ctrl-d\" = \"page_dwn\"\n")
        let tmux = try TmuxSession(width: 120, height: 30, command: ReaderEndToEndTests.command(home: home))
        let screen = try tmux.wait(for: "? help")
        let status = try #require(screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(status.contains("config.toml:3: unknown command \"page_dwn\""))
        #expect(status.hasSuffix("? help"))
        // The default is kept: Ctrl-D is half a page, the same as d.
        try tmux.send("C-d")
        let half = try tmux.waitStable { self.cursorLine($0) != self.cursorLine(screen) }
        try tmux.send("g")
        try tmux.waitStable { self.cursorLine($0) == self.cursorLine(screen) }
        try tmux.send("d")
        let d = try tmux.waitStable { self.cursorLine($0) != self.cursorLine(screen) }
        #expect(cursorLine(half) == cursorLine(d))
        let check = try LectioBinary.run(["config", "--check"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix(home.path + "/lectio/config.toml:3: unknown command"))
        try tmux.send("q")
        try tmux.wait(for: "DONE")
    }

    /// The check: three texts opened, `lectio library` lists them with position and
    /// notes; from the library inside the reader, Enter reopens one where it was left, and
    /// Ctrl-O comes back.
    @Test func threeTextsInTheLibraryAndASwitchThatKeepsHistory() throws {
        let home = try home()
        let books = home.appendingPathComponent("books")
        try FileManager.default.createDirectory(at: books, withIntermediateDirectories: true)
        var paths: [String] = []
        for name in ["sedov-broue.txt", "study-in-scarlet.txt", "rfc-3392-leadership-council.md"] {
            let path = books.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: Fixtures.path(name), toPath: path)
            paths.append(path)
        }
        // Read each a little: the second text furthest (the end), so its position is known.
        var endPercent = ""
        for (i, path) in paths.enumerated() {
            let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(LectioBinary.quote(path), home: home))
            try tmux.wait(for: "? help")
            try tmux.send(i == 1 ? "G" : "]")
            if i == 1 {
                // The end of the text, before the back matter; its percentage as shown.
                let end = try tmux.wait(for: "— end —")
                let status = try #require(end.split(separator: "\n").last { $0.contains("? help") })
                endPercent = try #require(status.split(separator: " ").first { $0.hasSuffix("%") }.map(String.init))
            }
            try tmux.send("q")
            try tmux.wait(for: "DONE")
        }
        let listed = try LectioBinary.run(["library", "--json"], environment: ["XDG_STATE_HOME": home.path])
        #expect(listed.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["path"] as? String } == paths.reversed())
        #expect(entries.allSatisfy { $0["sha256"] as? String != nil && $0["lastOpened"] as? String != nil && $0["notes"] as? Int == 0 })
        #expect(entries[1]["position"] as? Int == Int(endPercent.dropLast()))
        #expect(entries[1]["title"] as? String == "A Study In Scarlet")
        let table = try LectioBinary.run(["library", "--sort", "title"], environment: ["XDG_STATE_HOME": home.path])
        #expect(table.stdout.contains("A Study In Scarlet"))

        // Inside the reader: L, pick A Study in Scarlet, Enter: it opens at the end.
        let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(LectioBinary.quote(paths[0]), home: home))
        try tmux.wait(for: "? help")
        try tmux.send("L")
        try tmux.wait(for: "Library · by last opened")
        try tmux.send("/")
        try tmux.send("scarlet", literal: true)
        try tmux.send("Enter")
        try tmux.wait(for: "1 matching “scarlet”")
        try tmux.send("Enter")
        let scarlet = try tmux.wait { $0.contains(" A Study In Scarlet") && $0.contains("\(endPercent)  ? help") }
        #expect(!scarlet.contains("Library ·"))
        try tmux.send("C-o")
        try tmux.wait { $0.contains(" Leon Sedov: Trotsky’s Son") && $0.contains("? help") }
        try tmux.send("q")
        #expect(try tmux.wait(for: "DONE").contains("EXIT=0"))
    }

    @Test func theDefaultConfigChecksCleanAndAMissingFileIsAnError() throws {
        let home = try home()
        let printed = try LectioBinary.run(["config", "--print-default"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("measure = 72"))
        let file = home.appendingPathComponent("default.toml")
        try Data(printed.stdout.utf8).write(to: file)
        let check = try LectioBinary.run(["config", "--check", file.path])
        #expect(check.status == 0)
        #expect(check.stderr.isEmpty)
        let missing = try LectioBinary.run(["config", "--check", home.appendingPathComponent("none.toml").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
        let neither = try LectioBinary.run(["config"])
        #expect(neither.status != 0)
    }

    @Test func libraryOfAFolderListsItsTexts() throws {
        let home = try home()
        let books = home.appendingPathComponent("books")
        try FileManager.default.createDirectory(at: books, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.path("study-in-scarlet.txt"), toPath: books.appendingPathComponent("scarlet.txt").path)
        try FileManager.default.copyItem(atPath: Fixtures.path("rfc-3392-leadership-council.md"), toPath: books.appendingPathComponent("rfc.md").path)
        try Data([0, 1, 2, 0, 255]).write(to: books.appendingPathComponent("broken.txt"))
        try Data("not a text kind".utf8).write(to: books.appendingPathComponent("x.pdf"))
        let listed = try LectioBinary.run(["library", books.path, "--json", "--sort", "title"], environment: ["XDG_STATE_HOME": home.path])
        #expect(listed.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["title"] as? String } == ["A Study In Scarlet", "rfc"])
        #expect(rows.allSatisfy { $0["lastOpened"] is NSNull && $0["position"] as? Int == 0 })
        #expect(listed.stderr.contains("broken.txt"))
        let notFolder = try LectioBinary.run(["library", books.appendingPathComponent("scarlet.txt").path], environment: ["XDG_STATE_HOME": home.path])
        #expect(notFolder.status == 1)
        #expect(notFolder.stderr.contains("not a folder"))
        let reader = try LectioBinary.run([books.path])
        #expect(reader.status == 1)
    }

    /// With a search active the ruler shows the hits in the match colour; a click on one of
    /// those rows jumps there (X10 mouse bytes, as xterm sends them), and Ctrl-O comes back.
    @Test func theRulerShowsSearchHitsAndAClickJumps() throws {
        let home = try home()
        let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command("--from-start", home: home))
        try tmux.wait(for: "? help")
        try tmux.send("/")
        try tmux.send("Stakhanov", literal: true)
        try tmux.send("Enter")
        try tmux.wait(for: "match 1 of")
        try tmux.send("g")
        try tmux.wait(for: " 0%  ")
        /// Rows whose ruler glyph (the last character of the row) is drawn in magenta (SGR 35).
        func matchRows() throws -> [Int] {
            let lines = try tmux.captureWithAttributes().split(separator: "\n", omittingEmptySubsequences: false)
            return lines.indices.filter { y in
                let line = lines[y]
                guard let glyph = line.lastIndex(where: { $0 == "▪" || $0 == "█" }),
                      let sgr = line[..<glyph].range(of: "\u{1B}[", options: .backwards) else { return false }
                return line[sgr.upperBound..<glyph].split(whereSeparator: { $0 == ";" || $0 == "m" }).contains("35")
            }
        }
        let rows = try matchRows()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0 > 1 }, "the hits are far from the start: \(rows)")
        let y = try #require(rows.first)
        try tmux.sendBytes([0x1B, 0x5B, 0x4D, 0x20, UInt8(33 + 99), UInt8(33 + y)])
        try tmux.sendBytes([0x1B, 0x5B, 0x4D, 0x23, UInt8(33 + 99), UInt8(33 + y)])
        let jumped = try tmux.wait { !$0.contains(" 0%  ? help") && $0.contains("? help") }
        #expect(jumped.contains("Stakhanov"))
        try tmux.send("C-o")
        try tmux.wait(for: " 0%  ? help")
        try tmux.send("q")
        #expect(try tmux.wait(for: "DONE").contains("EXIT=0"))
    }

    /// The theme reaches the terminal: headings in red (SGR 31) instead of cyan (36).
    @Test func theThemeColoursTheHeadings() throws {
        func colours(_ config: String?) throws -> Set<String> {
            let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command("--from-start", home: try home(config: config)))
            try tmux.wait(for: "? help")
            let screen = try tmux.captureWithAttributes()
            return Set(screen.components(separatedBy: "\u{1B}[").dropFirst().flatMap { part -> [String] in
                guard let m = part.firstIndex(of: "m") else { return [] }
                return part[..<m].split(separator: ";").map(String.init)
            })
        }
        let standard = try colours(nil)
        let red = try colours("[theme]\nheading = { fg = \"red\" }\n")
        #expect(standard.contains("36") && !standard.contains("31"))
        #expect(red.contains("31") && !red.contains("36"))
    }

    /// A text of the library that can no longer be read: the reader stays on the text it was
    /// on, says why, and goes on working.
    @Test func aLibraryTextThatCannotBeOpenedLeavesTheReaderWhereItWas() throws {
        let home = try home()
        let first = home.appendingPathComponent("sedov.txt").path
        let second = home.appendingPathComponent("second.txt").path
        try FileManager.default.copyItem(atPath: Fixtures.path("sedov-broue.txt"), toPath: first)
        try Data("THE SECOND TEXT\n\nA short text.\n".utf8).write(to: URL(fileURLWithPath: second))
        for path in [second, first] {
            let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(LectioBinary.quote(path), home: home))
            try tmux.wait(for: "? help")
            try tmux.send("q")
            try tmux.wait(for: "DONE")
        }
        try Data([0x00, 0xFF, 0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: second))
        let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(LectioBinary.quote(first), home: home))
        try tmux.wait(for: "? help")
        try tmux.send("L")
        try tmux.wait(for: "Library · by last opened")
        try tmux.send("Enter")
        let screen = try tmux.wait(for: "could not be opened")
        #expect(screen.contains("second.txt could not be opened"))
        #expect(screen.contains("? help"))
        try tmux.send("j")
        try tmux.wait { $0.contains(" Leon Sedov: Trotsky’s Son") }
        try tmux.send("q")
        #expect(try tmux.wait(for: "DONE").contains("EXIT=0"))
    }
}
