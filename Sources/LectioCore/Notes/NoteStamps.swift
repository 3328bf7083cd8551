import Foundation

/// Where new notes get their ids and times: the system's clock and random UUIDs in the app,
/// fixed values in tests, so that a sequence of events replays to the same notes.
public struct NoteStamps: Sendable {
    /// The time now.
    public var now: @Sendable () -> Date
    /// A new, unique id.
    public var newID: @Sendable () -> String

    /// Stamps from a clock and an id generator.
    public init(now: @escaping @Sendable () -> Date, newID: @escaping @Sendable () -> String) {
        self.now = now
        self.newID = newID
    }

    /// The system clock and random UUIDs.
    public static let system = NoteStamps(now: { Date() }, newID: { UUID().uuidString.lowercased() })

    /// A new note on `anchor`, dated now.
    public func note(on anchor: Anchor, body: String) -> Annotation {
        Annotation(anchor: anchor, body: body, id: newID(), now: now())
    }

    /// `note` with a new body (and tags), dated now.
    public func editing(_ note: Annotation, body: String) -> Annotation {
        note.editing(body: body, now: now())
    }
}
