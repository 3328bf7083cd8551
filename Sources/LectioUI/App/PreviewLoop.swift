import LectioCore

/// The reader's first screen while the whole text is imported on another thread: it shows a
/// preview (a state over the blocks of a window of the file, its status line saying
/// "indexing…"), follows resizes, keeps the keys typed meanwhile for the reader (they need the
/// whole text: a search, a jump, even a page turn past the window), and lets the reader quit.
public enum PreviewLoop {
    /// How the wait ended.
    public enum Outcome: Equatable {
        /// The text is whole; these keys were typed meanwhile, in order.
        case ready(keys: [Key])
        /// The reader quit (or input ended) before the text was whole.
        case quit
    }

    /// Shows `preview` on `terminal`, then calls `shown` (where the whole import starts: the
    /// preview need not share the machine with it), until `isReady()` (asked after every key,
    /// tick and wake).
    public static func run(_ preview: AppState, terminal: TerminalDevice, shown: () -> Void = {}, isReady: () -> Bool) -> Outcome {
        terminal.present(FrameRenderer.frame(preview).screen)
        shown()
        var keys: [Key] = []
        while !isReady() {
            guard let key = terminal.nextKey() else { return .quit }
            switch key {
            case .tick:
                continue
            case .interrupt:
                return .quit
            case .resize:
                let size = terminal.size
                _ = preview.update(.resize(width: size.width, height: size.height))
                terminal.present(FrameRenderer.frame(preview).screen)
            case .mouse:
                // Where a click lands depends on the frame it was aimed at: not kept.
                continue
            default:
                // `q` quits at once when it is the first key; after others it may be text (a
                // search, a mark's letter): it waits with them. Ctrl-C quits at any time.
                let command = preview.keymap.command(for: key, in: .reading)
                if command == .forceQuit || command == .quit && keys.isEmpty { return .quit }
                keys.append(key)
            }
        }
        return .ready(keys: keys)
    }
}
