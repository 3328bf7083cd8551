import Foundation

/// A real terminal for end-to-end tests: a detached tmux session on its own socket.
public final class TmuxSession {
    public let socket: String
    let folder: URL
    public let name = "lectio"

    /// Starts `command` (run by `sh -c`) in a new session of `width`×`height`.
    public init(width: Int, height: Int, command: String) throws {
        folder = try Fixtures.temporaryFolder()
        socket = folder.appendingPathComponent("tmux.sock").path
        try Self.run(["-u", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                      "-x", String(width), "-y", String(height), command])
        _ = try? Self.run(["-S", socket, "set-option", "-g", "status", "off"])
    }

    deinit {
        _ = try? Self.run(["-S", socket, "kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// The path of tmux, or `nil` when it is not installed.
    public static var tmuxPath: String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/tmux") {
            return "\(dir)/tmux"
        }
        return nil
    }

    /// Runs tmux and waits for it; only with `output` is its standard output read.
    ///
    /// Not `Foundation.Process`: it notices a child's exit through a descriptor the child
    /// inherits, and the tmux server that the first command forks would hold it open for ever.
    @discardableResult
    static func run(_ arguments: [String], output: Bool = false) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        // The test runner may set NO_COLOR for its own output; the programs under test get it only when a test says so.
        for name in ["TMUX", "COLUMNS", "LINES", "NO_COLOR"] { environment.removeValue(forKey: name) }
        // tmux prints non-ASCII cells only to a client it believes speaks UTF-8.
        environment["LC_ALL"] = "C.UTF-8"
        environment["LANG"] = "C.UTF-8"
        let result = try Spawn.run(tmuxPath ?? "/usr/bin/tmux", arguments, environment: environment, captureOutput: output)
        return result.output
    }

    /// Sends keys as tmux names them (`Tab`, `Enter`, `Escape`, `C-o`) or literal text with `literal`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        try Self.run(["-S", socket, "send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The screen with its attributes as escape sequences (`capture-pane -e`).
    public func captureWithAttributes() throws -> String {
        try Self.run(["-S", socket, "capture-pane", "-p", "-e", "-t", name], output: true)
    }

    /// Sends raw bytes to the program (mouse reports, for one).
    public func sendBytes(_ bytes: [UInt8]) throws {
        try Self.run(["-S", socket, "send-keys", "-t", name, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// The text on screen now.
    public func capture() throws -> String {
        try Self.run(["-S", socket, "capture-pane", "-p", "-t", name], output: true)
    }

    /// The pane's title, as escape sequences may have set it.
    public func paneTitle() throws -> String {
        try Self.run(["-S", socket, "display-message", "-p", "-t", name, "#{pane_title}"], output: true)
    }

    /// Resizes the window.
    public func resize(width: Int, height: Int) throws {
        try Self.run(["-S", socket, "resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen every 20 ms until `predicate` holds on a finished frame (the same
    /// screen twice, 30 ms apart: a capture can fall in the middle of a redraw); returns it.
    @discardableResult
    public func wait(timeout: TimeInterval = 10, line: Int = #line, until predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while true {
            if predicate(screen) {
                usleep(30_000)
                let again = try capture()
                if again == screen { return screen }
                screen = again
                continue
            }
            if Date() > deadline { throw TmuxTimeout(screen: screen, line: line) }
            usleep(20_000)
            screen = try capture()
        }
    }

    /// Waits until the screen holds still (the same twice, 60 ms apart) and `predicate` holds.
    @discardableResult
    public func waitStable(timeout: TimeInterval = 10, line: Int = #line, until predicate: (String) -> Bool = { _ in true }) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = try capture()
        while true {
            usleep(60_000)
            let screen = try capture()
            if screen == previous, predicate(screen) { return screen }
            if Date() > deadline { throw TmuxTimeout(screen: screen, line: line) }
            previous = screen
        }
    }

    /// Waits until `text` shows.
    @discardableResult
    public func wait(for text: String, timeout: TimeInterval = 10, line: Int = #line) throws -> String {
        try wait(timeout: timeout, line: line) { $0.contains(text) }
    }
}

/// The screen did not show what a test waited for.
public struct TmuxTimeout: Error, CustomStringConvertible {
    public let screen: String
    public let line: Int
    public var description: String { "timed out waiting at line \(line); the screen was:\n\(screen)" }
}

/// The built `lectio` executable beside the test bundle.
public enum LectioBinary {
    public static var path: String {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        if dir.path.hasSuffix(".xctest/Contents/MacOS") { for _ in 0..<3 { dir.deleteLastPathComponent() } }
        return dir.appendingPathComponent("lectio").path
    }

    /// Runs `lectio` with arguments, without a terminal; returns exit status and output.
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = Pipe()
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try? inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// The processes whose command line is exactly `arguments` (read from `/proc`).
    public static func processes(running arguments: [String]) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let parts = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            return Array(parts.prefix(arguments.count)) == arguments && parts.count <= arguments.count + 1 ? pid : nil
        }
    }

    /// A shell-quoted string.
    public static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
