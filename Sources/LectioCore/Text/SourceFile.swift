import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the bytes of a text file safely: only a regular file, never more than
/// `SourceFile.maximumSize`, and never blocking on a FIFO or a device.
///
/// The file is opened with `O_NONBLOCK` (a FIFO with no writer cannot block the open), then
/// `fstat` says what it is: a FIFO, a device, a socket or a directory is refused with its own
/// words before a byte is read, so `/dev/zero` or `/dev/urandom` cannot eat the memory.
public enum SourceFile {
    /// The largest text Lectio reads: 256 MiB (a long book is 1–5 MB).
    public static let maximumSize = 256 << 20

    /// The bytes of the regular file at `path`.
    public static func read(path: String, maximumSize: Int = SourceFile.maximumSize) throws -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw openError(errno, path: path) }
        defer { close(fd) }
        let size = try checkedSize(fd, path: path, maximumSize: maximumSize)
        var data = Data(count: size)
        var filled = 0
        let ok = data.withUnsafeMutableBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            while filled < size {
                let n = Glibc.read(fd, base + filled, size - filled)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { break }  // the file shrank while we read it
                filled += n
            }
            return true
        }
        guard ok else { throw TextLoadError.unreadable(path, errorText(errno)) }
        if filled < size { data.removeSubrange(filled...) }
        // A file that grew since fstat: read what it holds now, within the limit.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw TextLoadError.unreadable(path, errorText(errno)) }
            if n == 0 { break }
            data.append(contentsOf: chunk[..<n])
            if data.count > maximumSize { throw TextLoadError.tooLarge(path, size: data.count, limit: maximumSize) }
        }
        return data
    }

    /// The size of the open file `fd`, after checking that it is a regular file within
    /// `maximumSize`; throws what it is otherwise, in its own words.
    static func checkedSize(_ fd: Int32, path: String, maximumSize: Int) throws -> Int {
        guard let info = FileStatus(descriptor: fd) else { throw TextLoadError.unreadable(path, errorText(errno)) }
        switch info.kind {
        case .regular: break
        case .directory: throw TextLoadError.directory(path)
        case .fifo: throw TextLoadError.notRegular(path, "a FIFO (named pipe)")
        case .characterDevice: throw TextLoadError.notRegular(path, "a character device")
        case .blockDevice: throw TextLoadError.notRegular(path, "a block device")
        case .socket: throw TextLoadError.notRegular(path, "a socket")
        case .symbolicLink, .other: throw TextLoadError.notRegular(path, "not a regular file")
        }
        guard info.size <= maximumSize else { throw TextLoadError.tooLarge(path, size: info.size, limit: maximumSize) }
        return info.size
    }

    /// The first `count` bytes of the regular file at `path` (checked as `read` checks it),
    /// its size and its modification time: what a preview of a long text needs before the
    /// whole is read.
    public static func sample(path: String, count: Int, maximumSize: Int = SourceFile.maximumSize) throws -> FileSample {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw openError(errno, path: path) }
        defer { close(fd) }
        let size = try checkedSize(fd, path: path, maximumSize: maximumSize)
        guard let head = readAt(fd, offset: 0, count: min(count, size)) else { throw TextLoadError.unreadable(path, errorText(errno)) }
        return FileSample(path: path, size: size, modified: FileStatus(descriptor: fd)?.modified, head: head)
    }

    /// Up to `count` bytes of the file at `path` from byte `offset`; `nil` if it cannot be read.
    static func bytes(path: String, offset: Int, count: Int) -> Data? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return readAt(fd, offset: offset, count: count)
    }

    /// Up to `count` bytes of `fd` from `offset` (fewer at its end).
    static func readAt(_ fd: Int32, offset: Int, count: Int) -> Data? {
        var data = Data(count: max(0, count))
        var filled = 0
        let ok = data.withUnsafeMutableBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            while filled < count {
                let n = pread(fd, base + filled, count - filled, off_t(offset + filled))
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { break }
                filled += n
            }
            return true
        }
        guard ok else { return nil }
        if filled < count { data.removeSubrange(filled...) }
        return data
    }

    /// The error for a failed `open`, in its own words.
    static func openError(_ code: Int32, path: String) -> TextLoadError {
        switch code {
        case ENOENT: return .missing(path)
        case ENOTDIR: return .missing(path)
        case EACCES, EPERM: return .unreadable(path, "permission denied")
        case EISDIR: return .directory(path)
        case ELOOP: return .unreadable(path, "too many levels of symbolic links (a symlink loop?)")
        default: return .unreadable(path, errorText(code))
        }
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
