import Foundation
import Glibc
import Testing
@testable import LectioTerminal

/// Work on another thread wakes the reader's wait for a key: the pipe `nextKey()` polls.
@Suite struct WakeupTests {
    @Test func aWakeIsSeenOnceAndWakesAPoll() {
        let wakeup = Wakeup()
        #expect(wakeup.readEnd >= 0)
        #expect(!wakeup.take())
        // From another thread, as the import and the notes thread do.
        let thread = Thread { wakeup.wake() }
        thread.start()
        var fds = [pollfd(fd: wakeup.readEnd, events: Int16(POLLIN), revents: 0)]
        #expect(poll(&fds, 1, 5000) == 1)
        #expect(wakeup.take())
        #expect(!wakeup.take())
    }

    @Test func manyWakesNeverBlockAndReadAsOne() {
        let wakeup = Wakeup()
        // More than a pipe holds (64 KB): the writes must not block, the wake is kept.
        for _ in 0..<70_000 { wakeup.wake() }
        #expect(wakeup.take())
        #expect(!wakeup.take())
    }

    @Test func itsDescriptorsAreClosedOnExec() {
        let wakeup = Wakeup()
        #expect(fcntl(wakeup.readEnd, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(wakeup.writeEnd, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(wakeup.writeEnd, F_GETFL) & O_NONBLOCK != 0)
    }
}
