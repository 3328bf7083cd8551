import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading and replacing a small file safely: the notes file and the reading state.
///
/// A write goes to a temporary file with a random name in the file's own folder, created with
/// `O_EXCL|O_NOFOLLOW` (a planted symlink cannot redirect it), given the old file's mode and
/// group (`0600` for a new file), written in full, `fsync`ed, renamed over the file, and the
/// folder is `fsync`ed. A file that is a symlink is resolved first, so the link stays a link and
/// its target gets the new contents. A failed write removes its temporary file.
public enum AtomicFile {
    /// What went wrong, in words, without the path (the caller names the file).
    public struct Failure: Error, Equatable, CustomStringConvertible, LocalizedError {
        public let description: String
        public var errorDescription: String? { description }
        init(_ description: String) { self.description = description }
    }

    /// The file a write to `path` must replace: `path` itself, or where the symlink at `path`
    /// leads (links followed one by one, up to 32; see `mayFollow` for links in shared folders).
    public static func target(of path: String) throws -> String {
        var current = path
        for _ in 0..<32 {
            guard let status = FileStatus(path: current, followingLinks: false) else {
                if errno == ENOENT { return current }
                throw Failure("cannot look at \(current): \(reason(errno))")
            }
            guard status.kind == .symbolicLink else { return current }
            guard mayFollow(current, ownedBy: status.owner) else {
                throw Failure("\(current) is a symbolic link in a shared folder, owned by another user; it is not followed")
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { throw Failure("cannot read the symbolic link \(current): \(reason(errno))") }
            let destination = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : folder(of: current) + "/" + destination
        }
        throw Failure("\(path): \(reason(ELOOP))")
    }

    /// The kernel's rule for symlinks in shared folders (`protected_symlinks`), kept when links
    /// are followed by hand: in a sticky, world-writable folder such as `/tmp`, only a link owned
    /// by the follower or by the folder's owner is followed.
    static func mayFollow(_ link: String, ownedBy owner: uid_t) -> Bool {
        guard owner != geteuid(), let folderStatus = FileStatus(path: folder(of: link)) else { return true }
        let shared = folderStatus.permissions & S_ISVTX != 0 && folderStatus.permissions & S_IWOTH != 0
        return !shared || owner == folderStatus.owner
    }

    /// The file's bytes, or `nil` when there is no file. Throws the real reason otherwise.
    public static func read(_ path: String) throws -> Data? {
        // O_NONBLOCK: a FIFO planted at the path must not hang the open.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw Failure(reason(errno))
        }
        defer { close(fd) }
        guard let status = FileStatus(descriptor: fd) else { throw Failure(reason(errno)) }
        if status.kind == .directory { throw Failure(reason(EISDIR)) }
        guard status.kind == .regular else { throw Failure("not a regular file") }
        // Read straight into a buffer of the file's size (a notes file may be tens of MB).
        var data = Data(count: max(0, status.size) + 1)
        var count = 0
        while true {
            if count == data.count { data.count += max(1 << 16, count) }
            let n = data.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { Glibc.read(fd, $0 + count, raw.count - count) } ?? 0
            }
            if n > 0 { count += n } else if n == 0 {
                data.count = count
                return data
            } else if errno != EINTR {
                throw Failure(reason(errno))
            }
        }
    }

    /// Replaces the file at `path` (resolved with `target(of:)` first) with `data`.
    public static func write(_ data: Data, to path: String) throws {
        _ = ignoreFileSizeSignal
        let target = try target(of: path)
        let folder = folder(of: target)
        try makeFolder(folder)
        let old = FileStatus(path: target, followingLinks: false)
        let existing = old?.kind == .regular ? old : nil
        let (fd, temporary) = try createTemporary(in: folder, for: target)
        do {
            if let existing { keepOwnership(fd, like: existing) }
            try writeAll(data, to: fd)
            guard fsync(fd) == 0 else { throw Failure("cannot write: \(reason(errno))") }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard close(fd) == 0 else {
            let error = errno
            unlink(temporary)
            throw Failure("cannot write: \(reason(error))")
        }
        guard rename(temporary, target) == 0 else {
            let error = errno
            unlink(temporary)
            throw Failure("cannot replace \(target): \(reason(error))")
        }
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// Creates `folder` and the folders above it that are missing (`0700`: notes are private).
    public static func makeFolder(_ folder: String) throws {
        if let status = FileStatus(path: folder) {
            guard status.kind == .directory else { throw Failure("cannot create the folder \(folder): \(reason(EEXIST))") }
            return
        }
        let parent = self.folder(of: folder)
        if parent != folder { try makeFolder(parent) }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw Failure("cannot create the folder \(folder): \(reason(errno))")
        }
    }

    /// The folder a path is in (`.` for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// A new file beside `target` with a name nobody can guess, never an existing file or link.
    static func createTemporary(in folder: String, for target: String) throws -> (Int32, String) {
        let name = (target as NSString).lastPathComponent
        for _ in 0..<100 {
            let random = String(UInt64.random(in: 0 ... .max), radix: 36)
            let temporary = folder + "/.\(name).\(random).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { throw Failure("cannot create a temporary file in \(folder): \(reason(errno))") }
        }
        throw Failure("cannot create a temporary file in \(folder): every name tried exists")
    }

    /// Gives the temporary file the old file's group (and owner, for root) and mode. When the
    /// group cannot be kept, the group's permissions are dropped rather than given to another.
    static func keepOwnership(_ fd: Int32, like old: FileStatus) {
        var mode = old.permissions & 0o777
        let owner = geteuid() == 0 ? old.owner : uid_t.max
        if fchown(fd, owner, old.group) != 0 { mode &= ~0o070 }
        fchmod(fd, mode)
    }

    /// Writes every byte, or throws the reason (`EFBIG` past `ulimit -f`, `ENOSPC` on a full disk).
    static func writeAll(_ data: Data, to fd: Int32) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    throw Failure("cannot write: \(reason(n < 0 ? errno : EIO))")
                }
            }
        }
    }

    /// A write past `ulimit -f` must fail with `EFBIG`, not kill the process with `SIGXFSZ`
    /// (evaluated once, by the first write of the notes file, its lock, or the reading state).
    static let ignoreFileSizeSignal: Void = { _ = signal(SIGXFSZ, SIG_IGN) }()

    /// An `errno` in words: the usual ones as a reader would say them, others as `strerror` does.
    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a folder"
        case ELOOP: return "too many levels of symbolic links"
        case ENOTDIR: return "a part of its path is not a folder"
        case EEXIST: return "a file of that name is in the way"
        default:
            let words = String(cString: strerror(code))
            return words.prefix(1).lowercased() + words.dropFirst()
        }
    }
}
