import Foundation

/// What Lectio remembers of a text between runs: where the reader was, the jump history, the
/// marks and the searches. Kept per text under `$XDG_STATE_HOME/lectio/` (or
/// `~/.local/state/lectio/`). Places are canonical offsets, so they hold at any width.
public struct ReadingState: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1
    public var schemaVersion = ReadingState.currentSchemaVersion
    /// The start of the reading cursor's line, and of the first line shown.
    public var position: Int
    public var top: Int
    public var history: JumpHistory
    /// Mark letter → canonical offset.
    public var marks: [String: Int]
    /// Earlier searches, oldest first.
    public var searches: [String]
    /// Where the first line shown stands in the file, so that the next open can show it before
    /// the whole text is imported (absent in older state files: then the start is shown first).
    public var resume: ResumePoint?

    /// A state.
    public init(position: Int, top: Int, history: JumpHistory, marks: [String: Int], searches: [String], resume: ResumePoint? = nil) {
        self.position = position; self.top = top; self.history = history; self.marks = marks; self.searches = searches
        self.resume = resume
    }

    enum CodingKeys: String, CodingKey { case schemaVersion, position, top, history, marks, searches, resume }

    /// Reads a state; a resume point this version cannot read is dropped (it only speeds the
    /// next open), the rest kept.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        position = try c.decode(Int.self, forKey: .position)
        top = try c.decode(Int.self, forKey: .top)
        history = try c.decode(JumpHistory.self, forKey: .history)
        marks = try c.decode([String: Int].self, forKey: .marks)
        searches = try c.decode([String].self, forKey: .searches)
        resume = try? c.decodeIfPresent(ResumePoint.self, forKey: .resume)
    }

    /// The state folder, from the XDG base directory rules.
    public static func stateHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        XDGDirectories(environment: environment).state
    }

    /// The state file of a text: named like its notes file.
    public static func path(forText textPath: String, bundled: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        stateHome(environment: environment) + "/" + NotesLocation.fileName(forText: textPath, bundled: bundled)
    }

    /// Reads a state file; `nil` when it is missing or unreadable (a lost position is no harm;
    /// a FIFO or a folder in its place is not waited on).
    public static func load(path: String) -> ReadingState? {
        guard let data = (try? AtomicFile.read(path)) ?? nil,
              let state = try? JSONDecoder().decode(ReadingState.self, from: data),
              state.schemaVersion <= currentSchemaVersion else { return nil }
        return state
    }

    /// Writes the state atomically, as notes are written (see `AtomicFile`). Throws an
    /// `AtomicFile.Failure`, whose description says what went wrong in words.
    public func save(path: String) throws {
        let encoder = JSONFormat.encoder()
        try AtomicFile.write(try encoder.encode(self), to: path)
    }
}
