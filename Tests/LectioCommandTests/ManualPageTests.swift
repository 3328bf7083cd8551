import Foundation
import Testing
@testable import LectioUI
@testable import lectio

/// The man page from command definitions and a keymap: what is listed, where, and what is left out.
@Suite struct ManualPageTests {
    typealias Argument = CommandDefinition.Argument

    static func argument(_ kind: Argument.Kind, _ names: [String] = [], value: String? = nil, help: String,
                         optional: Bool = true, repeating: Bool = false, shown: Bool = true) -> Argument {
        Argument(kind: kind, names: names.map { Argument.Name(kind: $0.count == 1 ? "short" : "long", name: $0) },
                 valueName: value, abstract: help, discussion: nil, defaultValue: nil,
                 isOptional: optional, isRepeating: repeating, shouldDisplay: shown)
    }

    static let standard = [argument(.flag, ["version"], help: "Show the version."),
                           argument(.flag, ["h", "help"], help: "Show help information.")]

    /// A tool with a default command, a command group, a hidden command and `help`.
    static let tool = CommandDefinition(
        commandName: "tool", abstract: "Do things.", discussion: "First paragraph.\n\nSecond.",
        shouldDisplay: true, defaultSubcommand: nil, arguments: standard,
        subcommands: [
            CommandDefinition(commandName: "view", abstract: "View a file.", discussion: nil, shouldDisplay: true,
                              defaultSubcommand: nil,
                              arguments: [argument(.positional, value: "file", help: "The file."),
                                          argument(.option, ["mode"], value: "mode", help: "How.", optional: false)] + standard,
                              subcommands: nil),
            CommandDefinition(commandName: "tags", abstract: "Tags.", discussion: nil, shouldDisplay: true, defaultSubcommand: nil,
                              arguments: standard,
                              subcommands: [CommandDefinition(commandName: "add", abstract: "Add a tag.", discussion: nil,
                                                              shouldDisplay: true, defaultSubcommand: nil,
                                                              arguments: [argument(.option, ["tag"], value: "tag", help: "A tag.", repeating: true),
                                                                          argument(.flag, ["secret"], help: "Hidden.", shown: false)],
                                                              subcommands: nil)]),
            CommandDefinition(commandName: "hidden", abstract: "Not shown.", discussion: nil, shouldDisplay: false,
                              defaultSubcommand: nil, arguments: nil, subcommands: nil),
            CommandDefinition(commandName: "help", abstract: "Help.", discussion: nil, shouldDisplay: true,
                              defaultSubcommand: nil, arguments: nil, subcommands: nil),
        ])

    static let keymap = Keymap(bindings: [
        .reading: [KeyBinding([.char("j"), .down], .lineDown), KeyBinding([.char("'")], .jumpToMark)],
        HelpPopup.mode: [KeyBinding([.escape], .close)],
    ], modes: [.reading, .selecting, HelpPopup.mode])

    let lines = ManualPage(command: tool, defaultCommand: "view", keymap: keymap, version: "9.8.7",
                           date: Date(timeIntervalSince1970: 86_400 * 365)).mdoc.split(separator: "\n").map(String.init)

    /// The lines from `.Sh name` to the next `.Sh`.
    func section(_ name: String) -> [String] {
        guard let start = lines.firstIndex(of: ".Sh \(name)") else { return [] }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix(".Sh ") } ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    @Test func headerNamesTheToolItsVersionAndDate() {
        #expect(lines.contains(".Dd January 1, 1971"))
        #expect(lines.contains(".Dt TOOL 1"))
        #expect(lines.contains(".Os \"Lectio 9.8.7\""))
        #expect(section("NAME") == [".Nm tool", ".Nd \"Do things.\""])
        #expect(section("DESCRIPTION") == ["First paragraph.", ".Pp", "Second."])
    }

    @Test func synopsisHasEachCommandThatRunsAndTheDefaultOneOptional() {
        #expect(section("SYNOPSIS") == [
            ".Nm", ".Op Cm view", ".Op Ar file", ".Fl -mode Ar mode",
            ".Nm", ".Cm tags", ".Cm add", ".Op Fl -tag Ar tag ...",
            ".Nm", ".Fl -help",
            ".Nm", ".Fl -version",
        ])
    }

    @Test func commandsLeaveOutHiddenOnesHelpAndTheStandardFlags() {
        let commands = section("COMMANDS")
        #expect(commands.filter { $0.hasPrefix(".Ss ") } == [".Ss \"tool [view]\"", ".Ss \"tool tags add\""])
        #expect(commands.contains(".It Fl -mode Ar mode"))
        #expect(commands.contains(".It Ar file"))
        #expect(!commands.contains { $0.contains("secret") || $0.contains("hidden") || $0.contains("-help") })
    }

    @Test func keysListEveryBindingUnderItsModeAndSkipModesWithout() {
        let keys = section("KEYS")
        #expect(keys.filter { $0.hasPrefix(".Ss ") } == [".Ss \"\(Mode.reading.title)\"", ".Ss \"\(HelpPopup.mode.title)\""])
        let j = keys.firstIndex(of: ".It Ic \"j\" , Ic \"\\(da\"")
        #expect(j.map { keys[$0 + 1] } == Command.lineDown.summary)
        #expect(keys.contains(".It Ic \"'\""))
        #expect(keys.contains(".It Ic \"Esc\""))
    }
}
