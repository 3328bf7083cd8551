import ArgumentParser
import Foundation

/// A command as swift-argument-parser describes it (`--experimental-dump-help`, serialization
/// version 0): its name, help, arguments and subcommands. The man page is generated from it, so
/// it says what `--help` says.
struct CommandDefinition: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool?
    var defaultSubcommand: String?
    var arguments: [Argument]?
    var subcommands: [CommandDefinition]?

    /// A positional argument, an option or a flag.
    struct Argument: Decodable {
        /// What kind of argument it is.
        enum Kind: String, Decodable { case positional, option, flag }
        /// One of its names: `long` (`--notes`), `short` (`-h`) or `longWithSingleDash`.
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: Kind
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var discussion: String?
        var defaultValue: String?
        var isOptional: Bool
        var isRepeating: Bool
        var shouldDisplay: Bool

        /// The argument's names as typed, `-h` and `--help`, short ones first.
        var spelledNames: [String] {
            (names ?? []).sorted { ($0.kind == "short" ? 0 : 1) < ($1.kind == "short" ? 0 : 1) }.map {
                $0.kind == "long" ? "--" + $0.name : "-" + $0.name
            }
        }

        /// Whether this is `--help` or `--version`, which every command has.
        var isStandard: Bool { spelledNames.contains("--help") || spelledNames.contains("--version") }
    }

    /// The subcommands shown in help, without `help` itself.
    var shownSubcommands: [CommandDefinition] {
        (subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
    }

    /// The arguments shown in help, without `--help` and `--version`.
    var shownArguments: [Argument] {
        (arguments ?? []).filter { $0.shouldDisplay && !$0.isStandard }
    }

    /// Lectio's commands, as swift-argument-parser describes them.
    static func lectio() throws -> CommandDefinition {
        struct Dump: Decodable {
            var serializationVersion: Int
            var command: CommandDefinition
        }
        let dump = try JSONDecoder().decode(Dump.self, from: Data(Lectio._dumpHelp().utf8))
        guard dump.serializationVersion == 0 else {
            throw ValidationError("swift-argument-parser describes commands in a newer form (\(dump.serializationVersion)) than this page knows (0)")
        }
        return dump.command
    }
}
