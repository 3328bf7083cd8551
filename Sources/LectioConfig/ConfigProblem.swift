import LectioCore

/// Something wrong in a config file: where (`FILE:LINE`) and what. The reader starts all the
/// same, with the default for that entry.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// The config file.
    public var file: String
    /// The 1-based line, when one can be named.
    public var line: Int?
    /// What is wrong, and what is used instead.
    public var message: String

    /// A problem.
    public init(file: String, line: Int?, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    /// `FILE:LINE: message`, safe to print (control characters made visible).
    public var description: String {
        VisibleText.sanitized(line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)")
    }
}
