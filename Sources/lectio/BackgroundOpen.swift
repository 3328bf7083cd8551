import Dispatch
import Foundation
import LectioCore
import LectioTerminal
import Synchronization

/// A text imported whole, with its notes file read, on a thread of its own while the reader
/// shows a preview of it: the result is handed over once, and the reader's wait for a key is
/// woken when it is there.
final class BackgroundOpen: Sendable {
    /// The import's result in transit. `NotesContext` is a class the reader's thread uses
    /// alone: it is made on the import thread, which drops it when handing it over, and only
    /// then (the lock orders the two) taken by the reader's thread.
    private final class Handoff: @unchecked Sendable {
        let result: Result<NotesContext, any Error>
        init(_ result: Result<NotesContext, any Error>) { self.result = result }
    }

    private let outcome = Mutex<Handoff?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts importing `source` with its notes file (`notes`, or the default one; notes found
    /// under another path are only offered, never linked, by the reader).
    init(source: TextSource, notes: String?, wakeup: Wakeup) {
        Thread.detachNewThread { [self] in
            let handoff: Handoff
            do { handoff = Handoff(.success(try NotesContext(opened: source.open(), notes: notes, relink: false))) } catch {
                handoff = Handoff(.failure(error))
            }
            outcome.withLock { $0 = handoff }
            done.signal()
            wakeup.wake()
        }
    }

    /// Whether the text is imported (or failed to be).
    var isDone: Bool { outcome.withLock { $0 != nil } }

    /// The imported text with its notes, or why it could not be imported; waits for it.
    func result() -> Result<NotesContext, any Error> {
        done.wait()
        done.signal()
        return outcome.withLock { $0 }.map(\.result) ?? .failure(TextLoadError.unreadable("", "not imported"))
    }
}
