import Foundation
import Testing
import LectioTestSupport
import LectioUI

/// What installing needs of the binary: it reads the bundled text with nothing beside it, and it
/// prints its own completion scripts and man page.
@Suite struct InstallEndToEndTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path), "build lectio first: \(LectioBinary.path)")
    }

    /// Runs `command` in bash in `folder` with a bare environment; its standard output.
    func bash(_ command: String, in folder: URL) throws -> (status: Int32, output: String) {
        try Spawn.run("/bin/bash", ["-c", "cd \(LectioBinary.quote(folder.path)) && \(command)"],
                      environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path], captureOutput: true)
    }

    @Test func theBinaryAloneInAFolderOpensTheBundledText() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("lectio")
        try copyExecutable(from: LectioBinary.path, to: alone.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["lectio"])
        let outline = try runFreshlyWritten(alone.path, ["outline"], environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm"])
        #expect(outline.status == 0)
        #expect(outline.output.hasPrefix("Leon Sedov: Trotsky’s Son, Stalin’s Victim\n"))
        #expect(outline.output.contains("Sections (4):"))
        #expect(outline.output.contains("Footnotes (3, 0 without a note):"))
    }

    /// Copies an executable through a descriptor closed on exec, so that no program started
    /// meanwhile by a test running in parallel keeps it open for writing.
    func copyExecutable(from source: String, to destination: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: source))
        let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        try #require(fd >= 0, "cannot create \(destination)")
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        try #require(written == bytes.count, "cannot write \(destination)")
    }

    /// Runs a just-written executable: a child forked by a parallel test may still hold the
    /// file open for an instant (until its own exec), so "text file busy" is tried again.
    func runFreshlyWritten(_ path: String, _ arguments: [String], environment: [String: String]) throws
        -> (status: Int32, output: String)
    {
        let busy = String(cString: strerror(ETXTBSY))
        for _ in 0..<50 {
            do { return try Spawn.run(path, arguments, environment: environment, captureOutput: true) } catch let failure as Spawn.Failure
                where failure.description.hasSuffix(busy) { usleep(20_000) }
        }
        return try Spawn.run(path, arguments, environment: environment, captureOutput: true)
    }

    @Test func bashCompletionOffersTheSubcommandsAndTextFiles() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = try LectioBinary.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        try Data(script.stdout.utf8).write(to: folder.appendingPathComponent("lectio.bash"))
        for name in ["a.txt", "b.md", "c.epub", "d.pdf"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        func complete(_ words: [String]) throws -> Set<String> {
            let line = words.joined(separator: " ")
            let quoted = words.map(LectioBinary.quote).joined(separator: " ")
            let result = try bash("source ./lectio.bash; COMP_LINE=\(LectioBinary.quote(line)); COMP_POINT=${#COMP_LINE}; "
                                  + "COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _lectio; printf '%s\\n' \"${COMPREPLY[@]}\"",
                                  in: folder)
            #expect(result.status == 0)
            return Set(result.output.split(separator: "\n").map(String.init))
        }
        let first = try complete(["lectio", ""])
        #expect(first.isSuperset(of: ["read", "outline", "notes"]))
        #expect(!first.contains("generate-manual"))
        #expect(try complete(["lectio", "notes", ""]).isSuperset(of: ["list", "add", "export"]))
        #expect(try complete(["lectio", "outline", ""]) == ["a.txt", "b.md", "c.epub"])
    }

    @Test func manualPageHasEveryCommandAndEveryKey() throws {
        let page = try LectioBinary.run(["generate-manual", "--date", "2026-01-02"])
        #expect(page.status == 0)
        let lines = page.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(".Dd January 2, 2026"))
        #expect(lines.contains(".Dt LECTIO 1"))
        let version = try LectioBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(lines.contains(".Os \"Lectio \(version)\""))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS"] {
            #expect(lines.contains(".Sh \(section)"), "section \(section)")
        }
        for command in ["lectio [read]", "lectio outline", "lectio notes list", "lectio notes add", "lectio notes export"] {
            #expect(lines.contains(".Ss \"\(command)\""), "command \(command)")
        }
        for flag in ["--notes", "--from-start", "--no-mouse", "--json", "--quote", "--format"] {
            #expect(lines.contains { $0.hasPrefix(".It Fl \(flag.dropFirst())") }, "option \(flag)")
        }
        // Every mode's heading, and every binding's summary under it.
        for mode in Keymap.standard.modes {
            let heading = try #require(lines.firstIndex(of: ".Ss \"\(mode.title)\""), "mode \(mode.title)")
            let end = lines[heading...].firstIndex(of: ".El") ?? lines.endIndex
            let summaries = Set(lines[heading..<end])
            for binding in Keymap.standard.bindings[mode] ?? [] {
                #expect(summaries.contains(binding.command.summary) || summaries.contains("\\&" + binding.command.summary),
                        "\(mode): \(binding.command.summary)")
            }
        }
        #expect(lines.contains { $0.hasPrefix(".It Ic \"Ctrl-O\" , Ic \"Backspace\"") })
    }

    @Test func manualPageRefusesABadDate() throws {
        let page = try LectioBinary.run(["generate-manual", "--date", "yesterday"])
        #expect(page.status != 0)
        #expect(page.stdout.isEmpty)
        #expect(page.stderr.contains("YYYY-MM-DD"))
    }
}
