import CNcursesw
import Glibc
import Synchronization

/// The signal that asked the app to stop, or 0.
let pendingSignal = Atomic<Int32>(0)

/// Signal handling that never leaves the terminal raw: quit signals are noted and end the
/// app loop through its normal exit (which restores the terminal); crash signals restore the
/// terminal at once, then take their default course.
public enum TerminalSignals {
    static let quitSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers. Call before curses starts, so that curses leaves them alone.
    public static func install() {
        for sig in quitSignals {
            // No SA_RESTART: a blocked read returns, and the loop sees the signal.
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in pendingSignal.store(sig, ordering: .relaxed) }
            action.sa_flags = 0
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
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
}
