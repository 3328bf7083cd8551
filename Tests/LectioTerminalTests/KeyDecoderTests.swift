import Glibc
import Testing
import LectioUI
@testable import LectioTerminal

/// What curses reads becomes the keys the keymap knows, without a terminal.
@Suite struct KeyDecoderTests {
    func character(_ code: Int32, then next: UInt32? = nil) -> Key { KeyDecoder.character(code) { next } }

    @Test func rawModeConventions() {
        #expect(character(13) == .enter)
        #expect(character(10) == .ctrl("j"))
        #expect(character(9) == .tab)
        #expect(character(127) == .backspace)
        #expect(character(8) == .backspace)
        #expect(character(1) == .ctrl("a"))
        #expect(character(5) == .ctrl("e"))
        #expect(character(0) == .unknown(0))
    }

    @Test func escapeAloneOrAsAlt() {
        #expect(character(27) == .escape)
        #expect(character(27, then: UInt32(Character("x").asciiValue!)) == .alt("x"))
        #expect(character(27, then: 13) == .alt("\n"))
        #expect(character(27, then: 10) == .alt("\n"))
    }

    @Test func unicodeCharactersArriveWhole() {
        #expect(character(Int32(("é" as Unicode.Scalar).value)) == .char("é"))
        #expect(character(Int32(("真" as Unicode.Scalar).value)) == .char("真"))
        #expect(character(0xD800) == .unknown(0xD800))
    }

    @Test func functionKeys() {
        let codes = KeyDecoder.codes
        #expect(KeyDecoder.functionKey(codes.up) == .up)
        #expect(KeyDecoder.functionKey(codes.down) == .down)
        #expect(KeyDecoder.functionKey(codes.pageDown) == .pageDown)
        #expect(KeyDecoder.functionKey(codes.backTab) == .backTab)
        #expect(KeyDecoder.functionKey(codes.resize) == .resize)
        #expect(KeyDecoder.functionKey(codes.delete) == .delete)
        #expect(KeyDecoder.functionKey(0o777) == .unknown(0o777))
    }
}

/// Signals are noted for the key reader, which ends the loop through its normal exit.
@Suite(.serialized) struct TerminalSignalsTests {
    @Test func resizesAndQuitSignalsAreNotedNotObeyed() {
        TerminalSignals.install()
        defer { TerminalSignals.uninstall() }
        #expect(!TerminalSignals.takeResize())
        raise(SIGWINCH)
        #expect(TerminalSignals.takeResize())
        #expect(!TerminalSignals.takeResize(), "taking a resize clears it")
        #expect(TerminalSignals.pending == 0)
        raise(SIGHUP)
        // Still running: the signal was noted for the loop, not obeyed.
        #expect(TerminalSignals.pending == SIGHUP)
    }
}
