import Foundation
import Testing
import LectioTestSupport
@testable import LectioUI

/// `$VISUAL`/`$EDITOR` is run without a shell, with the note's file as its last argument.
@Suite(.serialized) struct ExternalEditorTests {
    @Test func theEditorEditsTheNoteInAFile() throws {
        let folder = try Fixtures.temporaryFolder()
        let script = folder.appendingPathComponent("editor.sh")
        // Appends a line and records its arguments, so the test sees how it was called.
        try """
            printf '\\nadded by the editor' >> "$1"
            printf '%s\\n' "$@" > "\(folder.path)/arguments"
            """.write(to: script, atomically: true, encoding: .utf8)
        // VISUAL's words, then the file: `/bin/sh SCRIPT FILE`.
        setenv("VISUAL", "/bin/sh \(script.path)", 1)
        defer { unsetenv("VISUAL") }
        let result = ExternalEditor.edit("Draft #tag")
        guard case .success(let text) = result else {
            Issue.record("editor failed: \(result)")
            return
        }
        #expect(text == "Draft #tag\nadded by the editor")
        let arguments = try String(contentsOf: folder.appendingPathComponent("arguments"), encoding: .utf8).split(separator: "\n")
        #expect(arguments.count == 1)
        #expect(arguments.first?.hasSuffix(".md") == true)
    }

    @Test func withoutAnEditorItSaysHowToSetOne() {
        let visual = getenv("VISUAL").map { String(cString: $0) }
        let editor = getenv("EDITOR").map { String(cString: $0) }
        unsetenv("VISUAL")
        unsetenv("EDITOR")
        defer {
            if let visual { setenv("VISUAL", visual, 1) }
            if let editor { setenv("EDITOR", editor, 1) }
        }
        guard case .failure(let error) = ExternalEditor.edit("x") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.description.contains("VISUAL or EDITOR"))
    }
}
