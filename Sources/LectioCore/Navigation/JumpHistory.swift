/// Where the reader was before each jump, like vim's jump list: Back returns, Forward redoes.
/// Places are canonical offsets, so they survive a change of width.
public struct JumpHistory: Sendable, Equatable, Codable {
    /// Earlier places, oldest first.
    public private(set) var back: [Int] = []
    /// Places undone by Back, most recent last.
    public private(set) var forward: [Int] = []
    /// How many places are kept.
    public let limit: Int

    /// An empty history.
    public init(limit: Int = 100) { self.limit = limit }

    /// Records `place` as where a jump starts; a new jump clears the forward list.
    public mutating func record(_ place: Int) {
        if back.last != place { back.append(place) }
        if back.count > limit { back.removeFirst(back.count - limit) }
        forward.removeAll()
    }

    /// The place to go back to from `current`, or `nil` when there is none.
    public mutating func goBack(from current: Int) -> Int? {
        guard let place = back.popLast() else { return nil }
        forward.append(current)
        return place
    }

    /// The place to go forward to from `current`, or `nil`.
    public mutating func goForward(from current: Int) -> Int? {
        guard let place = forward.popLast() else { return nil }
        back.append(current)
        return place
    }
}
