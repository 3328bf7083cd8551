import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The exclusive lock on a notes file: `flock(2)` on `FILE.lock`, tried without blocking and
/// retried for a while, so that another process holding it never freezes the reader. While it
/// is held, the lock file holds the holder's pid, so that a process that waits in vain can say
/// who holds it.
struct NotesLock {
    /// The lock file, opened.
    private let fd: Int32

    /// Takes the lock of the notes file at `path` (already resolved from any symlink), waiting at
    /// most `timeout` seconds. Throws `NotesFileError.locked` when another process keeps it.
    init(notesFile path: String, timeout: Double) throws {
        _ = AtomicFile.ignoreFileSizeSignal
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw NotesFileError.io(path, "cannot open the lock file \(lockPath): \(AtomicFile.reason(errno))")
        }
        let deadline = Date().addingTimeInterval(max(0, timeout))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            if error == EINTR { continue }
            guard error == EWOULDBLOCK else {
                close(fd)
                throw NotesFileError.io(path, "cannot lock \(lockPath): \(AtomicFile.reason(error))")
            }
            if Date() >= deadline {
                let holder = Self.holder(fd)
                close(fd)
                throw NotesFileError.locked(path, pid: holder)
            }
            usleep(20_000)
        }
        self.fd = fd
        // Who holds it, for a process that waits (best effort: the lock works without it).
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 { _ = pwrite(fd, pid, pid.count, 0) }
    }

    /// Lets the lock go, leaving no pid behind.
    func release() {
        _ = ftruncate(fd, 0)
        close(fd)
    }

    /// The pid written in the lock file, when it names a process that is alive.
    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        let digits = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(digits), pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return nil }
        return pid
    }
}
