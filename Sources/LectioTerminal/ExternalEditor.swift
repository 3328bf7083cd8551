import Glibc
import LectioCore

/// Why the external editor gave no text back.
public struct ExternalEditorFailure: Error, Equatable, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on a temporary file holding a note, as git runs its
/// editor:
/// - a plain program name or path is executed directly with the file as its last argument; a
///   command with arguments or shell syntax runs as `sh -c '<editor> "$@"' <editor> FILE`, so the
///   file's path is never part of the shell line;
/// - the child stays in the reader's process group, the terminal's foreground group, so a
///   full-screen editor can read the terminal (the caller has left curses first);
/// - the file is `lectio-note-XXXXXX.md`, mode 0600, in `$XDG_RUNTIME_DIR` (else `$TMPDIR`, else
///   `/tmp`), removed afterwards; the child gets default signal dispositions and an empty mask.
public struct ExternalEditor: Sendable {
    /// The environment the editor's name and folders are taken from.
    public var environment: [String: String]

    /// An editor runner for an environment (the process's own, in the app).
    public init(environment: [String: String]) { self.environment = environment }

    /// The editor command and the variable it came from (`nil` for the `vi` fallback).
    public var command: (command: String, variable: String?) {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.allSatisfy(\.isWhitespace) { return (value, name) }
        }
        return ("vi", nil)
    }

    /// Edits `text` and returns the edited text (trailing white space trimmed), or why not.
    public func edit(_ text: String) -> Result<String, ExternalEditorFailure> {
        let (editor, variable) = command
        let named = variable.map { "\(editor) (from $\($0))" } ?? "vi (neither VISUAL nor EDITOR is set)"
        guard let file = makeTemporaryFile(holding: text) else {
            return .failure(ExternalEditorFailure("cannot write a temporary file for \(named): \(String(cString: strerror(errno)))"))
        }
        defer { unlink(file) }
        let argv: [String]
        if isPlainProgram(editor) {
            argv = [editor, file]
        } else {
            argv = ["/bin/sh", "-c", editor + " \"$@\"", editor, file]
        }
        switch Self.run(argv) {
        case .failure(let why):
            return .failure(ExternalEditorFailure("cannot run \(named): \(why.description)"))
        case .success(let status):
            if let signal = status.signal {
                return .failure(ExternalEditorFailure("\(named) was ended by signal \(signal) (\(Self.signalName(signal))); the note is unchanged"))
            }
            if status.code == 127 && argv[0] == "/bin/sh" {
                return .failure(ExternalEditorFailure("\(named): command not found; the note is unchanged"))
            }
            if status.code != 0 {
                return .failure(ExternalEditorFailure("\(named) exited with status \(status.code); the note is unchanged"))
            }
        }
        guard let data = try? SourceFile.read(path: file) else {
            return .failure(ExternalEditorFailure("cannot read the note back from \(file)"))
        }
        var edited = String(decoding: data, as: UTF8.self)
        while let last = edited.last, last.isWhitespace { edited.removeLast() }
        return .success(edited)
    }

    /// A program name or path without spaces or shell syntax runs without a shell; so does a
    /// path with spaces that names an executable file.
    func isPlainProgram(_ editor: String) -> Bool {
        if editor.contains("/"), access(editor, X_OK) == 0 { return true }
        let special = Set("|&;<>()$`\\\"' \t\n*?[#~=%")
        return !editor.contains(where: { special.contains($0) })
    }

    /// The folder for the temporary file: `$XDG_RUNTIME_DIR`, else `$TMPDIR`, else `/tmp`.
    var temporaryFolder: String {
        for name in ["XDG_RUNTIME_DIR", "TMPDIR"] {
            if let dir = environment[name], dir.hasPrefix("/"), access(dir, W_OK | X_OK) == 0 { return dir }
        }
        return "/tmp"
    }

    /// Creates `lectio-note-XXXXXXXX.md` with a random name (`O_EXCL|O_NOFOLLOW`: never an
    /// existing file or a planted link; mode 0600, close-on-exec) holding `text`; its path.
    func makeTemporaryFile(holding text: String) -> String? {
        let folder = temporaryFolder
        for _ in 0..<16 {
            let name = String(UInt64.random(in: .min ... .max), radix: 36)
            let path = "\(folder)/lectio-note-\(name).md"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                return nil
            }
            let bytes = Array(text.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { close(fd); unlink(path); return nil }
                written += n
            }
            close(fd)
            return path
        }
        return nil
    }

    /// How a child ended.
    struct Status { var code: Int32; var signal: Int32? }

    /// Starts `argv` in this process's group (the terminal's foreground group), with default
    /// signal handling and an empty signal mask, and waits for it. While it runs, this process
    /// ignores the keyboard's signals (as `system(3)` does), which go to the whole group.
    static func run(_ argv: [String]) -> Result<Status, ExternalEditorFailure> {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var oldInterrupt = sigaction(), oldQuit = sigaction()
        sigaction(SIGINT, &ignore, &oldInterrupt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInterrupt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }

        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArguments { free(p) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, argv[0], nil, &attributes, &cArguments, environ)
        guard spawned == 0 else {
            return .failure(ExternalEditorFailure(spawned == ENOENT ? "not found" : String(cString: strerror(spawned))))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .failure(ExternalEditorFailure(String(cString: strerror(errno)))) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which are macros.
        let signal = status & 0x7F
        if signal == 0 { return .success(Status(code: (status >> 8) & 0xFF, signal: nil)) }
        return .success(Status(code: -1, signal: signal))
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGHUP: return "SIGHUP"
        case SIGINT: return "SIGINT"
        case SIGQUIT: return "SIGQUIT"
        case SIGKILL: return "SIGKILL"
        case SIGSEGV: return "SIGSEGV"
        case SIGTERM: return "SIGTERM"
        case SIGABRT: return "SIGABRT"
        default: return String(cString: strsignal(signal))
        }
    }
}
