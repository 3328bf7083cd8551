import Foundation

/// Lectio's folders after the XDG base directory rules: a variable that holds an absolute path
/// wins, else the usual place under `$HOME`; each ends in `/lectio`.
public struct XDGDirectories: Sendable {
    /// The environment the folders are taken from.
    public var environment: [String: String]

    /// The folders of an environment (the process's own by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `$XDG_DATA_HOME/lectio`, else `~/.local/share/lectio`: notes.
    public var data: String { folder("XDG_DATA_HOME", else: ".local/share") }
    /// `$XDG_STATE_HOME/lectio`, else `~/.local/state/lectio`: reading state, the library.
    public var state: String { folder("XDG_STATE_HOME", else: ".local/state") }
    /// `$XDG_CONFIG_HOME/lectio`, else `~/.config/lectio`: the config file.
    public var config: String { folder("XDG_CONFIG_HOME", else: ".config") }

    func folder(_ variable: String, else fallback: String) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value + "/lectio" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/" + fallback + "/lectio"
    }
}
