import Foundation

/// Parts of a long file's bytes, read without reading the whole: its start, and on demand a
/// stretch around a place further in (for a preview of the place a reader left).
public struct FileSample: Sendable {
    /// The file's path, its size and modification time (nanoseconds since the epoch).
    public var path: String
    public var size: Int
    public var modified: Int64?
    /// The file's first bytes.
    public var head: Data

    /// A sample made of bytes in memory (the whole file, or its start).
    public init(path: String, size: Int, modified: Int64?, head: Data) {
        self.path = path
        self.size = size
        self.modified = modified
        self.head = head
    }

    /// The file's bytes from `start`, up to `count` of them: from the head when it holds them,
    /// else read from the file; `nil` if it cannot be read.
    public func bytes(from start: Int, count: Int) -> Data? {
        if start + count <= head.count || head.count == size {
            let end = min(head.count, start + count)
            return start <= end ? head.subdata(in: start..<end) : Data()
        }
        return SourceFile.bytes(path: path, offset: start, count: count)
    }
}
