import Foundation
import Testing
import LectioTestSupport

/// The safety promises through the real binary: the external editor gets the terminal from
/// an interactive shell, nothing a note or a file name holds reaches the terminal raw, files
/// that are not texts and terminals that cannot draw are refused at once.
@Suite(.serialized) struct SafetyEndToEndTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path), "build lectio first")
    }

    /// A full-screen-like editor: it writes to and reads from the terminal (it would be stopped
    /// if it were not in the terminal's foreground group), then appends what was typed.
    func fakeEditor(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("fake-editor").path
        try Fixtures.writeScript("""
            #!/bin/sh
            printf '\\033[2J\\033[HFAKE EDITOR on %s\\ntype a line> ' "$(basename "$1")"
            IFS= read -r line
            printf '\\n%s' "$line" >> "$1"
            """, to: path)
        return path
    }

    /// An interactive shell (job control on, as a user's) in tmux, with `command` typed at its
    /// prompt.
    func shellSession(_ command: String, home: URL) throws -> TmuxSession {
        let shell = FileManager.default.isExecutableFile(atPath: "/bin/bash") ? "/bin/bash --norc --noprofile -i" : "/bin/sh -i"
        let tmux = try TmuxSession(width: 100, height: 30, command: "env PS1='$ ' HOME=\(LectioBinary.quote(home.path)) \(shell)")
        try tmux.wait(for: "$")
        try tmux.send(command, literal: true)
        try tmux.send("Enter")
        return tmux
    }

    func notes(_ path: String) throws -> [[String: Any]] {
        let data = try #require(FileManager.default.contents(atPath: path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["notes"] as? [[String: Any]])
    }

    @Test func theEditorGetsTheTerminalFromAnInteractiveShell() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let home = try Fixtures.temporaryFolder()
        let notesPath = home.appendingPathComponent("notes.json").path
        let editor = try fakeEditor(in: home)
        let tmux = try shellSession("EDITOR=\(LectioBinary.quote(editor)) XDG_STATE_HOME=\(home.path) XDG_DATA_HOME=\(home.path) "
                                    + "\(LectioBinary.quote(LectioBinary.path)) --notes \(LectioBinary.quote(notesPath)); echo EXIT=$?", home: home)
        try tmux.wait(for: "? help")
        try tmux.send("a")
        try tmux.wait(for: "┌─ New note")
        try tmux.send("Draft", literal: true)
        try tmux.send("C-e")
        let editing = try tmux.wait(for: "type a line>")
        #expect(editing.contains("FAKE EDITOR on lectio-note-"))
        try tmux.send("typed in the editor", literal: true)
        try tmux.send("Enter")
        // Back in the reader, the editor's text in the note editor, the screen whole.
        let back = try tmux.wait { $0.contains("┌─ New note") && $0.contains("typed in the editor") }
        #expect(back.contains("? help"))
        #expect(!back.contains("type a line>"))
        try tmux.send("Enter")
        try tmux.wait(for: "Note saved")
        #expect(try notes(notesPath).first?["body"] as? String == "Draft\ntyped in the editor")
        try tmux.send("q")
        try tmux.wait(for: "EXIT=0")
    }

    @Test func viAsTheEditorFromAnInteractiveShell() throws {
        try #require(TmuxSession.tmuxPath != nil)
        guard let vi = ["/usr/bin/vi", "/bin/vi"].first(where: FileManager.default.isExecutableFile) else { return }
        let home = try Fixtures.temporaryFolder()
        let notesPath = home.appendingPathComponent("notes.json").path
        let tmux = try shellSession("EDITOR=vi XDG_STATE_HOME=\(home.path) XDG_DATA_HOME=\(home.path) "
                                    + "\(LectioBinary.quote(LectioBinary.path)) --notes \(LectioBinary.quote(notesPath)); echo EXIT=$?", home: home)
        _ = vi
        try tmux.wait(for: "? help")
        try tmux.send("a")
        try tmux.wait(for: "┌─ New note")
        try tmux.send("First line", literal: true)
        try tmux.send("C-e")
        try tmux.wait { $0.contains("lectio-note-") || $0.contains("First line") && !$0.contains("┌─ New note") }
        try tmux.send("o")
        try tmux.send("written in vi", literal: true)
        try tmux.send("Escape")
        try tmux.send(":wq", literal: true)
        try tmux.send("Enter")
        let back = try tmux.wait { $0.contains("┌─ New note") && $0.contains("written in vi") }
        #expect(back.contains("? help"))
        try tmux.send("Enter")
        try tmux.wait(for: "Note saved")
        #expect(try notes(notesPath).first?["body"] as? String == "First line\nwritten in vi")
        try tmux.send("q")
        try tmux.wait(for: "EXIT=0")
    }

    @Test func noEscapeByteReachesTheTerminalFromANote() throws {
        let home = try Fixtures.temporaryFolder()
        let notesPath = home.appendingPathComponent("notes.json").path
        let body = "retitle\u{1B}]0;pwned\u{07} clear\u{1B}[2J csi\u{9B}2J end"
        let add = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "The truth will out.", "--body", body])
        #expect(add.status == 0)
        // Stored as written.
        #expect(try notes(notesPath).first?["body"] as? String == body)
        for arguments in [["notes", "list"], ["notes", "list", "--json"], ["notes", "export", "--format", "markdown"],
                          ["notes", "export", "--format", "json"]] {
            let result = try LectioBinary.run(arguments + ["--notes", notesPath])
            #expect(result.status == 0, "\(arguments)")
            #expect(!result.stdout.utf8.contains(0x1B), "\(arguments) printed an ESC byte")
            #expect(!result.stdout.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "\(arguments) printed a C1 control")
            #expect(result.stdout.contains("retitle") && result.stdout.contains("end"), "\(arguments)")
        }
        #expect(try LectioBinary.run(["notes", "list", "--notes", notesPath]).stdout.contains("retitle␛]0;pwned␇ clear␛[2J"))
    }

    @Test func aFileNameWithEscapesIsShownSafely() throws {
        let result = try LectioBinary.run(["/tmp/no\u{1B}]0;pwned\u{07}such.txt"])
        #expect(result.status == 1)
        #expect(!result.stderr.utf8.contains(0x1B))
        #expect(result.stderr.contains("no␛]0;pwned␇such.txt: no such file"))
    }

    @Test func devicesAndFIFOsEndAtOnce() throws {
        let fifo = try Fixtures.temporaryFolder().appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for arguments in [["/dev/zero"], [fifo], ["outline", "/dev/zero"], ["outline", fifo], ["notes", "list", fifo], ["/dev/urandom"]] {
            let start = Date()
            let result = try LectioBinary.run(arguments, environment: ["TERM": "xterm"])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("not a regular file"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(Date().timeIntervalSince(start) < 1, "\(arguments)")
        }
    }

    @Test func aDumbTerminalIsRefused() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(environment: "TERM=dumb"))
        let end = try tmux.wait(for: "DONE")
        #expect(end.contains("cannot move the cursor"))
        #expect(end.contains("EXIT=2"))
    }

    /// A notes file locked by another process: the save fails within seconds with the word
    /// "locked", the editor keeps the text, the reader answers keys; once the lock is gone,
    /// Enter saves.
    @Test func aHeldLockNeverFreezesTheReaderNorLosesTheNote() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let home = try Fixtures.temporaryFolder()
        let notesPath = home.appendingPathComponent("notes.json").path
        // This test process holds the lock, as another instance would (flock locks belong to
        // an open file, so the reader's own open of the lock file conflicts with it).
        var lock = open(notesPath + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(lock >= 0 && flock(lock, LOCK_EX) == 0)
        defer { if lock >= 0 { close(lock) } }
        let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command("--notes \(LectioBinary.quote(notesPath))", home: home))
        try tmux.wait(for: "? help")
        try tmux.send("a")
        try tmux.wait(for: "┌─ New note")
        try tmux.send("Words kept under a lock", literal: true)
        try tmux.wait(for: "Words kept under a lock")
        let start = Date()
        try tmux.send("Enter")
        let failed = try tmux.wait(for: "locked")
        #expect(Date().timeIntervalSince(start) < 3.5)
        #expect(failed.contains("┌─ New note"))
        #expect(failed.contains("Words kept under a lock"))
        #expect(!FileManager.default.fileExists(atPath: notesPath))
        close(lock)
        lock = -1
        try tmux.send("Enter")
        try tmux.wait(for: "Note saved")
        #expect(try notes(notesPath).first?["body"] as? String == "Words kept under a lock")
        try tmux.send("q")
        try tmux.wait(for: "EXIT=0")
    }

    @Test func aConfigFileQuotedInMessagesIsShownSafely() throws {
        let file = try Fixtures.temporaryFolder().appendingPathComponent("config.toml")
        // TOML's own escapes put ESC and BEL in a key name, which the message quotes.
        try Data(#"[keys.reading]\#n"\u001b]0;pwned\u0007" = "page_down"\#n"#.utf8).write(to: file)
        let result = try LectioBinary.run(["config", "--check", file.path])
        #expect(result.status == 1)
        #expect(!result.stderr.utf8.contains(0x1B))
        #expect(result.stderr.contains("␛]0;pwned␇"))
    }
}
