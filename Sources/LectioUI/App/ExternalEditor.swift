import Foundation

/// Why the external editor could not be used.
public enum ExternalEditorError: Error, CustomStringConvertible, Sendable {
    case notSet
    case failed(String)

    public var description: String {
        switch self {
        case .notSet: return "set VISUAL or EDITOR to write long notes in your editor"
        case .failed(let why): return why
        }
    }
}

/// Runs `$VISUAL` or `$EDITOR` on a temporary file holding the note, without a shell: the
/// variable is split into words and the file's path is passed as the last argument.
public enum ExternalEditor {
    /// The edited text, or why there is none.
    public static func edit(_ text: String) -> Result<String, ExternalEditorError> {
        let env = ProcessInfo.processInfo.environment
        guard let command = (env["VISUAL"] ?? env["EDITOR"]).map({ $0.split(separator: " ").map(String.init) }),
              let program = command.first else { return .failure(.notSet) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lectio-note-\(UUID().uuidString).md")
        do { try text.write(to: file, atomically: true, encoding: .utf8) } catch {
            return .failure(.failed("cannot write a temporary file"))
        }
        defer { try? FileManager.default.removeItem(at: file) }
        guard let executable = resolve(program, path: env["PATH"] ?? "/usr/bin:/bin") else {
            return .failure(.failed("\(program) not found"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst()) + [file.path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failure(.failed("cannot run \(program)"))
        }
        guard process.terminationStatus == 0 else { return .failure(.failed("\(program) exited with \(process.terminationStatus); note unchanged")) }
        guard let edited = try? String(contentsOf: file, encoding: .utf8) else { return .failure(.failed("cannot read the note back")) }
        return .success(edited.trimmingTrailingWhitespace())
    }

    static func resolve(_ program: String, path: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(program)") {
            return "\(dir)/\(program)"
        }
        return nil
    }
}
