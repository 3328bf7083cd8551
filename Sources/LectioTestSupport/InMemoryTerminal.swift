import LectioUI

/// A terminal in memory: keys come from a script, frames are kept for inspection.
public final class InMemoryTerminal: TerminalDevice {
    public var size: (width: Int, height: Int)
    /// Keys still to come; a `.resize` key takes its new size from `resizes`.
    public private(set) var keys: [Key]
    /// Sizes to apply at each `.resize` key, in order.
    public private(set) var resizes: [(Int, Int)]
    /// Every frame presented, oldest first.
    public private(set) var frames: [Screen] = []

    /// A terminal of a size with a script of keys.
    public init(width: Int, height: Int, keys: [Key], resizes: [(Int, Int)] = []) {
        size = (width, height)
        self.keys = keys
        self.resizes = resizes
    }

    public func present(_ screen: Screen) { frames.append(screen) }

    public func nextKey() -> Key? {
        guard !keys.isEmpty else { return nil }
        let key = keys.removeFirst()
        if key == .resize, !resizes.isEmpty { size = resizes.removeFirst() }
        return key
    }

    /// The last frame presented.
    public var lastFrame: Screen? { frames.last }
}

extension Key {
    /// Keys for each character of a string, for typing.
    public static func typing(_ text: String) -> [Key] { text.map { .char($0) } }
}
