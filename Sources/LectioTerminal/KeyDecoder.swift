import CNcursesw
import LectioUI

/// Turns what curses reads into `Key`s: function-key codes (`KEY_UP`…) and characters, with the
/// raw-mode conventions (Enter is CR, Ctrl-J is LF, Esc then a key is Alt). Pure, so that it is
/// tested without a terminal.
public enum KeyDecoder {
    /// A function key's curses code (`get_wch` said `KEY_CODE_YES`).
    public static func functionKey(_ code: Int32) -> Key {
        switch code {
        case lectio_key_resize(): return .resize
        case lectio_key_up(): return .up
        case lectio_key_down(): return .down
        case lectio_key_left(): return .left
        case lectio_key_right(): return .right
        case lectio_key_home(): return .home
        case lectio_key_end(): return .end
        case lectio_key_npage(): return .pageDown
        case lectio_key_ppage(): return .pageUp
        case lectio_key_enter(): return .enter
        case lectio_key_backspace(): return .backspace
        case lectio_key_btab(): return .backTab
        case lectio_key_dc(): return .delete
        default: return .unknown(Int(code))
        }
    }

    /// A character code; `next` reads the character after an Esc if one is already waiting.
    public static func character(_ code: Int32, next: () -> UInt32?) -> Key {
        switch code {
        // In raw mode Enter sends CR; LF is Ctrl-J (a new line in the note editor).
        case 13: return .enter
        case 10: return .ctrl("j")
        case 9: return .tab
        case 127, 8: return .backspace
        case 27:
            guard let following = next(), let s = Unicode.Scalar(following) else { return .escape }
            if following == 10 || following == 13 { return .alt("\n") }
            return .alt(Character(s))
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0: return .unknown(0)
        default:
            guard let s = Unicode.Scalar(UInt32(bitPattern: code)) else { return .unknown(Int(code)) }
            return .char(Character(s))
        }
    }

    /// The curses codes of the function keys, for tests.
    public static var codes: (up: Int32, down: Int32, pageDown: Int32, backTab: Int32, resize: Int32, delete: Int32) {
        (lectio_key_up(), lectio_key_down(), lectio_key_npage(), lectio_key_btab(), lectio_key_resize(), lectio_key_dc())
    }
}
