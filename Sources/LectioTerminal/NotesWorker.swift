import Foundation
import LectioCore
import LectioUI
import Synchronization

/// The notes store's own thread: every read and write of the store happens on one serial
/// queue, in the order asked, so that the reader never waits for a save and two saves never
/// cross. The store is touched only there (hence `@unchecked Sendable`: the queue is the
/// lock). What each job reports is left in a mailbox for the app loop, which collects it
/// before each frame; `wake` tells the loop that something is there.
final class NotesWorker: @unchecked Sendable {
    /// What one job reports: its events, and the notes file's status after it (when it wrote
    /// or read the file), so that the loop does not take its own write for another's.
    struct Delivery: Sendable {
        var events: [Event]
        var seen: FileStatus??
    }

    private let store: NotesStore
    private let queue = DispatchQueue(label: "lectio.notes")
    private let mailbox = Mutex<[Delivery]>([])
    private let wake: @Sendable () -> Void
    /// Whether jobs run on the queue (the reader) or at once on the caller's thread (tests).
    let inBackground: Bool

    init(store: NotesStore, inBackground: Bool, wake: @escaping @Sendable () -> Void) {
        self.store = store
        self.inBackground = inBackground
        self.wake = wake
    }

    /// Runs `job` after the jobs asked before it; its delivery goes to the mailbox.
    func submit(_ job: @escaping @Sendable (NotesStore) -> Delivery) {
        guard inBackground else {
            post(job(store))
            return
        }
        queue.async { [self] in
            post(job(store))
            wake()
        }
    }

    /// Runs `body` on the queue after every job asked before it, and waits for it.
    func sync<T>(_ body: (NotesStore) throws -> T) rethrows -> T {
        guard inBackground else { return try body(store) }
        return try queue.sync { try body(store) }
    }

    /// The deliveries so far, oldest first, taken out of the mailbox.
    func collect() -> [Delivery] {
        mailbox.withLock { items in
            let all = items
            items.removeAll()
            return all
        }
    }

    /// Waits until every job asked so far has run (its file written).
    func finish() {
        if inBackground { queue.sync {} }
    }

    private func post(_ delivery: Delivery) {
        mailbox.withLock { $0.append(delivery) }
    }
}
