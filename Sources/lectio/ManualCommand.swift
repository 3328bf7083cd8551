import ArgumentParser
import Foundation
import LectioUI

/// `lectio generate-manual`: prints the man page, made from the command definitions and the
/// keymap. Hidden: `make` runs it to install `lectio.1`.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the manual page (mdoc), generated from the commands and the keymap.",
        shouldDisplay: false)

    @Option(help: "The date on the page, as YYYY-MM-DD. Default: today.")
    var date: String?

    func validate() throws {
        if let date, Self.day(date) == nil { throw ValidationError("--date wants YYYY-MM-DD, not “\(date)”") }
    }

    func run() throws {
        let page = ManualPage(command: try CommandDefinition.lectio(),
                              defaultCommand: Lectio.configuration.defaultSubcommand?._commandName,
                              keymap: .standard, version: Lectio.configuration.version,
                              date: date.flatMap(Self.day) ?? Date())
        print(page.mdoc, terminator: "")
    }

    /// A day written YYYY-MM-DD, at midnight UTC.
    static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
