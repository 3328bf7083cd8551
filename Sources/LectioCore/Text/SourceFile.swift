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
        let size = info.size
        guard size <= maximumSize else { throw TextLoadError.tooLarge(path, size: size, limit: maximumSize) }
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
