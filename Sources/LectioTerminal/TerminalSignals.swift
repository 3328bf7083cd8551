import CNcursesw
import Glibc
import Synchronization

/// The quit signal that asked the app to stop, or 0.
let pendingSignal = Atomic<Int32>(0)
/// Whether the window changed size since the app last looked.
let pendingResize = Atomic<Bool>(false)
/// The thread that reads keys: signals that land on another thread are passed on to it, so
/// that its blocked read returns at once.
nonisolated(unsafe) var readerThread: pthread_t = pthread_self()

/// Signal handling that never leaves the terminal raw: quit signals and resizes are noted and
/// wake the key reader, which ends the loop through its normal exit (restoring the terminal);
/// crash signals restore the terminal at once, then take their default course.
public enum TerminalSignals {
    static let quitSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers on the calling thread, which must be the one that reads keys.
    /// Call before curses starts, so that curses leaves these signals to us.
    public static func install() {
        readerThread = pthread_self()
        var mask = sigset_t()
        sigemptyset(&mask)
        for sig in quitSignals + [SIGWINCH] {
            // No SA_RESTART: a blocked read returns, and the loop sees the signal.
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if sig == SIGWINCH { pendingResize.store(true, ordering: .relaxed) } else { pendingSignal.store(sig, ordering: .relaxed) }
                if pthread_equal(pthread_self(), readerThread) == 0 { pthread_kill(readerThread, sig) }
            }
            action.sa_flags = 0
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
            sigaddset(&mask, sig)
        }
        // A parent may have blocked them (some test runners do).
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for sig in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                endwin()
                signal(sig, nil)
                raise(sig)
            }
            action.sa_flags = 0
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
    }

    /// The pending quit signal, if one arrived.
    public static var pending: Int32 { pendingSignal.load(ordering: .relaxed) }

    /// Whether a resize arrived; clears the note.
    static func takeResize() -> Bool { pendingResize.exchange(false, ordering: .relaxed) }

    /// Puts every signal this type handles back to its default and forgets what arrived (for
    /// tests, which install the handlers in the test process).
    static func uninstall() {
        for sig in quitSignals + crashSignals + [SIGWINCH] { signal(sig, SIG_DFL) }
        pendingSignal.store(0, ordering: .relaxed)
        pendingResize.store(false, ordering: .relaxed)
    }
}
