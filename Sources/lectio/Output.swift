import Foundation
import LectioCore

/// Every line the command line prints goes through here, made safe for a terminal by the one
/// sanitiser (`VisibleText`): a note, a title or a file name can hold escape sequences, and
/// none of them may reach the terminal.

/// Prints text on standard output; line feeds and tabs are kept, every other control
/// character is shown as a symbol.
func say(_ text: String, terminator: String = "\n") {
    print(VisibleText.sanitized(text, allowing: [.newlines, .tabs]), terminator: terminator)
}

/// Prints JSON on standard output (C0 controls are escaped by the encoder; C1 controls too).
func sayJSON(_ json: String) {
    print(VisibleText.escapingC1(inJSON: json))
}

/// Prints `lectio: message` on standard error, on one line, every control character shown as
/// a symbol.
func complain(_ message: String) {
    FileHandle.standardError.write(Data("lectio: \(VisibleText.sanitized(message))\n".utf8))
}
