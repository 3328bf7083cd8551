import Foundation
import Testing
import LectioTestSupport

/// The built `lectio` in a real terminal (tmux), driven by keys, read from the screen.
@Suite(.serialized) struct ReaderEndToEndTests {
    /// A shell command that runs lectio with `arguments`, then reports its exit status and the
    /// terminal's mode afterwards, so a test can check that the terminal was restored.
    /// The reader's state and data folders are `home` (a fresh one by default), never the
    /// tester's own.
    static func command(_ arguments: String = "", environment: String = "TERM=tmux-256color", home: URL? = nil) -> String {
        let binary = LectioBinary.quote(LectioBinary.path)
        let folder = LectioBinary.quote((home ?? (try? Fixtures.temporaryFolder()))?.path ?? "/nonexistent")
        return "env -u LANG -u LC_ALL -u LC_CTYPE \(environment) XDG_STATE_HOME=\(folder) XDG_DATA_HOME=\(folder) XDG_CONFIG_HOME=\(folder) SWIFT_BACKTRACE=interactive=no \(binary) \(arguments); "
            + "echo \"EXIT=$?\"; stty -a | tr ';' '\\n' | grep -Eo '(^| )-?(icanon|echo)( |$)' | tr -d ' ' | tr '\\n' ' '; echo; echo DONE; sleep 60"
    }

    init() throws {
        try #require(TmuxSession.tmuxPath != nil, "tmux is needed for end-to-end tests (.ci/run installs it)")
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path), "build lectio first: \(LectioBinary.path)")
    }

    /// The check, as a person would do it at 140×40.
    @Test func chapterSevenFootnotesContentsHelpResizeAndQuit() throws {
        let tmux = try TmuxSession(width: 140, height: 40, command: Self.command())
        try tmux.wait(for: "Leon Sedov: Trotsky’s Son, Stalin’s Victim")
        try tmux.send("]", "]", "]")
        try tmux.wait(for: "› Chapter 7 — The Pen Against the Moscow Trials [excerpt]")
        let notes = [
            "”The Cast of Trotskyite-Zinovievite Terrorist Center,” August, 1936.",
            "Thermidor was a summer month in the new calendar established by the",
            "The Stakhanovite movement began during the Soviet second five-year",
        ]
        for note in notes {
            try tmux.send("Tab")
            try tmux.send("Enter")
            // The note has no-break spaces where the source has them.
            let screen = try tmux.wait { $0.replacingOccurrences(of: "\u{A0}", with: " ").contains(note) && $0.contains("┌─ Footnote * ─") }
            #expect(screen.contains("┌─ Footnote * ─"))
        }
        try tmux.send("Escape")
        try tmux.wait { !$0.contains("┌─ Footnote") }
        try tmux.send("t")
        let contents = try tmux.wait(for: "┌─ Contents")
        #expect(contents.contains("Introduction by Peter Katel"))
        #expect(contents.contains("Chapter 7 — The Pen Against the Moscow Trials [excerpt]"))
        try tmux.send("Escape")
        try tmux.wait { !$0.contains("┌─ Contents") }
        try tmux.send("?")
        let help = try tmux.wait(for: "┌─ Keys")
        #expect(help.contains("Select the next footnote marker"))
        try tmux.send("Escape")
        let before = try tmux.waitStable { !$0.contains("┌─ Keys") }
        try tmux.resize(width: 60, height: 20)
        let small = try tmux.wait { $0.split(separator: "\n").count <= 20 && $0.contains("% ") }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 60 })
        try tmux.resize(width: 140, height: 40)
        let after = try tmux.wait { $0 == before }
        #expect(after == before)
        try tmux.send("q")
        let end = try tmux.wait(for: "DONE")
        #expect(end.contains("EXIT=0"))
        #expect(end.contains("icanon echo"), "terminal left in raw mode:\n\(end)")
    }

    @Test func ctrlCQuitsCleanly() throws {
        let tmux = try TmuxSession(width: 100, height: 30, command: Self.command())
        try tmux.wait(for: "? help")
        try tmux.send("C-c")
        let end = try tmux.wait(for: "DONE")
        #expect(end.contains("EXIT=0"))
        #expect(end.contains("icanon echo"))
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGSEGV, 139), (SIGQUIT, 131)])
    func aSignalRestoresTheTerminal(signal: Int32, status: Int) throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("sigterm-\(UUID().uuidString).txt")
        try FileManager.default.copyItem(atPath: Fixtures.bundledTextPath, toPath: file.path)
        let tmux = try TmuxSession(width: 100, height: 30, command: Self.command(LectioBinary.quote(file.path)))
        try tmux.wait(for: "? help")
        let pids = LectioBinary.processes(running: [LectioBinary.path, file.path])
        #expect(pids.count == 1)
        for pid in pids { kill(pid, signal) }
        let end = try tmux.wait(for: "DONE")
        #expect(end.contains("EXIT=\(status)"))
        #expect(end.contains("icanon echo"))
    }

    /// Colours by default; none under NO_COLOR (attributes stay).
    @Test func noColorTurnsColoursOff() throws {
        func sgr(_ environment: String) throws -> String {
            let tmux = try TmuxSession(width: 100, height: 30, command: Self.command(environment: environment))
            try tmux.wait(for: "? help")
            return try tmux.captureWithAttributes()
        }
        /// The SGR sequences' parameters, e.g. ["0;7", "36", "39"].
        func parameters(_ screen: String) -> [[String]] {
            screen.components(separatedBy: "\u{1B}[").dropFirst().compactMap { part in
                guard let m = part.firstIndex(of: "m") else { return nil }
                return part[..<m].split(separator: ";").map(String.init)
            }
        }
        func hasColour(_ screen: String) -> Bool {
            parameters(screen).contains { p in p.contains { ["30", "31", "32", "33", "34", "35", "36", "37", "38"].contains($0) } }
        }
        let colours = try sgr("TERM=tmux-256color")
        let plain = try sgr("TERM=tmux-256color NO_COLOR=1")
        #expect(hasColour(colours))
        #expect(!hasColour(plain))
        #expect(parameters(plain).contains { $0.contains("7") }, "the status line keeps reverse video")
    }

    @Test func withoutTERMItSaysSoAndExits2() throws {
        let tmux = try TmuxSession(width: 100, height: 30, command: Self.command(environment: "-u TERM"))
        let end = try tmux.wait(for: "DONE")
        #expect(end.contains("lectio: TERM is not set"))
        #expect(end.contains("EXIT=2"))
    }

    @Test func anUnknownTERMSaysSoAndExits2() throws {
        let tmux = try TmuxSession(width: 100, height: 30, command: Self.command(environment: "TERM=no-such-terminal"))
        let end = try tmux.wait(for: "DONE")
        #expect(end.contains("unknown terminal type 'no-such-terminal'"))
        #expect(end.contains("EXIT=2"))
    }

    @Test func notATerminalSaysSoAndExits2() throws {
        let result = try LectioBinary.run([], environment: ["TERM": "xterm"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("must be a terminal"))
        #expect(result.stdout.isEmpty)
    }

    @Test func badFilesExit1BeforeTouchingTheTerminal() throws {
        let missing = try LectioBinary.run(["/no/such/book.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "lectio: /no/such/book.txt: no such file\n")
        let binary = try LectioBinary.run(["/bin/ls"])
        #expect(binary.status == 1)
        #expect(binary.stderr.contains("not a text file"))
        #expect(binary.stdout.isEmpty)
    }

    @Test func outlineJSONOfTheBundledText() throws {
        let result = try LectioBinary.run(["outline", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "Leon Sedov: Trotsky’s Son, Stalin’s Victim")
        let footnotes = try #require(json["footnotes"] as? [[String: Any]])
        #expect(footnotes.map { $0["line"] as? Int } == [57, 63, 73])
        #expect(footnotes.map { $0["noteLine"] as? Int } == [93, 97, 95])
        #expect(footnotes.allSatisfy { $0["label"] as? String == "*" && $0["note"] is String })
        #expect((json["unlinkedNotes"] as? [Any])?.isEmpty == true)
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.count == 4)
        #expect(sections.allSatisfy { $0["level"] is Int && $0["line"] is Int && $0["title"] is String })
    }

    @Test func versionAndHelp() throws {
        let version = try LectioBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try LectioBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("outline"))
    }
}
