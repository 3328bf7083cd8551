import Foundation
import LectioCore
import LectioUI
import TOMLKit

/// A config file read: the settings and keymap the reader will use, and what was wrong in the
/// file (each wrong entry is left at its default; the rest applies).
public struct Config {
    public var settings: ReaderSettings
    public var keymap: Keymap
    public var problems: [ConfigProblem]

    /// The defaults, no file.
    public init(settings: ReaderSettings = ReaderSettings(), keymap: Keymap = .standard, problems: [ConfigProblem] = []) {
        self.settings = settings; self.keymap = keymap; self.problems = problems
    }

    /// What the reader's status line says at open when the file had problems: the first one,
    /// and how many there are (`lectio config --check` lists them all).
    public var notice: String? {
        guard let first = problems.first else { return nil }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more: lectio config --check)" : ""
        return first.description + more
    }

    /// The config file: `$XDG_CONFIG_HOME/lectio/config.toml`, else `~/.config/lectio/config.toml`.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        XDGDirectories(environment: environment).config + "/config.toml"
    }

    /// Reads the config file at `path`: the defaults when there is none; when it cannot be
    /// read (a folder, no permission, not a regular file), the defaults and the reason.
    public static func load(path: String) -> Config {
        let data: Data?
        do { data = try AtomicFile.read(path) } catch {
            return Config(problems: [ConfigProblem(file: path, line: nil, message: "cannot be read: \(error); the defaults are used")])
        }
        guard let data else { return Config() }
        guard let text = String(data: data, encoding: .utf8) else {
            return Config(problems: [ConfigProblem(file: path, line: nil, message: "is not UTF-8 text; the defaults are used")])
        }
        return parse(text, file: path)
    }

    /// Reads a config file's text; `file` names it in messages.
    public static func parse(_ text: String, file: String) -> Config {
        var reader = ConfigReader(file: file, lines: ConfigLines(text))
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            reader.problem(line: error.source.begin.line, "\(error.description) (not TOML: the whole file is ignored)")
            return reader.config
        } catch {
            reader.problem(line: nil, "\(error) (the whole file is ignored)")
            return reader.config
        }
        reader.read(table)
        reader.config.problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return reader.config
    }
}
