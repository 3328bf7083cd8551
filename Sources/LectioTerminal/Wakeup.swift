import Glibc

/// A way for work on another thread (a book imported in the background, a note written) to
/// wake the reader's wait for a key: a pipe whose read end `NcursesTerminal.nextKey()` watches
/// beside the terminal, so that the app loop looks at the work's results at once.
public final class Wakeup: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    /// A wakeup (without a pipe, when the process has no descriptors left: then the tick, a
    /// second at most, stands in for it).
    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            }
        } else {
            fds = [-1, -1]
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// Wakes the wait for a key (from any thread; a full pipe is awake already).
    public func wake() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Whether a wake came since last asked; clears it.
    func take() -> Bool {
        guard readEnd >= 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64)
        var woken = false
        while read(readEnd, &buffer, buffer.count) > 0 { woken = true }
        return woken
    }
}
