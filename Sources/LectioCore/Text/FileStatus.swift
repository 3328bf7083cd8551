import CFileStatus
import Glibc

/// What the system says of a file (`stat`, `lstat`, `fstat`): its kind, permissions, owner,
/// size and identity.
public struct FileStatus: Sendable, Equatable {
    /// The kinds of file.
    public enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, fifo, characterDevice, blockDevice, socket, other
    }

    let raw: lectio_file_status

    public static func == (a: FileStatus, b: FileStatus) -> Bool {
        a.raw.mode == b.raw.mode && a.raw.uid == b.raw.uid && a.raw.gid == b.raw.gid && a.raw.size == b.raw.size
            && a.raw.inode == b.raw.inode && a.raw.device == b.raw.device
            && a.raw.modified_seconds == b.raw.modified_seconds && a.raw.modified_nanoseconds == b.raw.modified_nanoseconds
    }

    /// The status of an open file; `nil` with `errno` set when it cannot be had.
    public init?(descriptor: Int32) {
        var s = lectio_file_status()
        guard lectio_fstat(descriptor, &s) == 0 else { return nil }
        raw = s
    }

    /// The status of the file at `path` (of a symbolic link itself with `followingLinks` false).
    public init?(path: String, followingLinks: Bool = true) {
        var s = lectio_file_status()
        guard (followingLinks ? lectio_stat(path, &s) : lectio_lstat(path, &s)) == 0 else { return nil }
        raw = s
    }

    /// What kind of file it is.
    public var kind: Kind {
        switch raw.mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): return .regular
        case UInt32(S_IFDIR): return .directory
        case UInt32(S_IFLNK): return .symbolicLink
        case UInt32(S_IFIFO): return .fifo
        case UInt32(S_IFCHR): return .characterDevice
        case UInt32(S_IFBLK): return .blockDevice
        case UInt32(S_IFSOCK): return .socket
        default: return .other
        }
    }

    /// The permission bits and the set-id and sticky bits (`st_mode & 07777`).
    public var permissions: mode_t { mode_t(raw.mode & 0o7777) }
    public var owner: uid_t { uid_t(raw.uid) }
    public var group: gid_t { gid_t(raw.gid) }
    public var size: Int { Int(raw.size) }
    public var inode: UInt64 { raw.inode }
    /// The modification time, in nanoseconds since the epoch.
    public var modified: Int64 { Int64(raw.modified_seconds) * 1_000_000_000 + Int64(raw.modified_nanoseconds) }
}
