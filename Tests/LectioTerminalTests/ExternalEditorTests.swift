import Foundation
import Testing
import LectioTestSupport
@testable import LectioTerminal

/// `$VISUAL`/`$EDITOR` run as git runs them, on a private temporary file.
@Suite struct ExternalEditorTests {
    /// An executable script in `folder` (named `name`) that runs `body` with the note's path as
    /// its last argument, and records its arguments, the file's mode and folder.
    func script(_ name: String, in folder: URL, body: String = "") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Fixtures.writeScript("""
            #!/bin/sh
            for last; do :; done
            printf '%s\\n' "$@" > "\(folder.path)/arguments"
            stat -c '%a %U' "$last" > "\(folder.path)/mode"
            dirname "$last" > "\(folder.path)/where"
            \(body)
            """, to: path)
        return path
    }

    func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aProgramPathGetsThePrivateFileAsItsOnlyArgument() throws {
        let folder = try Fixtures.temporaryFolder()
        let runtime = try Fixtures.temporaryFolder()
        let editor = try script("ed.sh", in: folder, body: "printf '\\nadded by the editor' >> \"$last\"")
        let result = ExternalEditor(environment: ["VISUAL": editor, "EDITOR": "/bin/false", "XDG_RUNTIME_DIR": runtime.path]).edit("Draft #tag")
        #expect(try result.get() == "Draft #tag\nadded by the editor")
        let arguments = try read(folder, "arguments").split(separator: "\n")
        #expect(arguments.count == 1)
        #expect(arguments.first?.contains("/lectio-note-") == true)
        #expect(arguments.first?.hasSuffix(".md") == true)
        #expect(try read(folder, "mode").hasPrefix("600 "))
        #expect(try read(folder, "where") == runtime.path)
        // The file is gone afterwards.
        #expect(try FileManager.default.contentsOfDirectory(atPath: runtime.path).isEmpty)
    }

    @Test func anEditorWithArgumentsRunsThroughTheShellWithTheFileAsAnArgument() throws {
        let folder = try Fixtures.temporaryFolder()
        // A temporary folder whose name is shell syntax: it must never be run as a command.
        let tricky = folder.appendingPathComponent("a;touch PWNED;b")
        try FileManager.default.createDirectory(at: tricky, withIntermediateDirectories: true)
        let editor = try script("ed.sh", in: folder, body: "printf ' more' >> \"$last\"")
        let result = ExternalEditor(environment: ["EDITOR": "\(editor) --wait", "TMPDIR": tricky.path]).edit("x")
        #expect(try result.get() == "x more")
        let arguments = try read(folder, "arguments").split(separator: "\n")
        #expect(arguments.first == "--wait")
        #expect(arguments.count == 2)
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/PWNED"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("PWNED").path))
    }

    @Test func anEditorPathWithSpacesWorksUnquoted() throws {
        let folder = try Fixtures.temporaryFolder()
        let spaced = folder.appendingPathComponent("my editors")
        try FileManager.default.createDirectory(at: spaced, withIntermediateDirectories: true)
        let editor = try script("the editor", in: spaced, body: "printf 'edited' > \"$last\"")
        #expect(try ExternalEditor(environment: ["VISUAL": editor]).edit("x").get() == "edited")
    }

    @Test func visualWinsThenEditorThenVi() {
        #expect(ExternalEditor(environment: ["VISUAL": "nano", "EDITOR": "ed"]).command == ("nano", "VISUAL"))
        #expect(ExternalEditor(environment: ["VISUAL": " ", "EDITOR": "ed"]).command == ("ed", "EDITOR"))
        #expect(ExternalEditor(environment: [:]).command == ("vi", nil))
    }

    @Test func failuresNameTheVariableAndTheSignal() throws {
        let failed = ExternalEditor(environment: ["EDITOR": "/bin/false"]).edit("x")
        #expect(failed.failure?.description == "/bin/false (from $EDITOR) exited with status 1; the note is unchanged")
        let missing = ExternalEditor(environment: ["VISUAL": "no-such-editor-\(UUID().uuidString)"]).edit("x")
        #expect(missing.failure?.description.contains("(from $VISUAL)") == true)
        #expect(missing.failure?.description.contains("not found") == true)
        let folder = try Fixtures.temporaryFolder()
        let killer = try script("kill.sh", in: folder, body: "kill -9 $$")
        let killed = ExternalEditor(environment: ["EDITOR": killer]).edit("x")
        #expect(killed.failure?.description.contains("signal 9 (SIGKILL)") == true)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let f) = self { return f } else { return nil } }
}
